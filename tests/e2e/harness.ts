import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AppError, type AppErrorBody, type OpInput, type OpName, type OpOutput, type Role } from '../../src-main/contract';

export const CHROMIUM = process.env.CIVREG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Start the built app in browser mode (`civreg serve`) on a fresh data folder, as a user would. */
export async function startApp(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-')),
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const child = spawn(process.execPath, ['bin/civreg.mjs', 'serve', '--data-dir', dataDir], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, CIVREG_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Save a screenshot under test-results/ so a person can look at what the test saw. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '../../test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Wait until the print preview's PDF frame has loaded, as a person looks at it before moving on: a click
 * or a key that arrives while chromium's PDF viewer is still starting in its frame is sometimes lost
 * (measured: about one run in four), and the dialog stays open.
 */
export async function previewLoaded(page: Page): Promise<void> {
  const frame = await (await page.getByTestId('print-preview').elementHandle())?.contentFrame();
  await frame?.waitForLoadState('load');
}

/** Close the print preview with its 关闭 button, once it has loaded, and see it gone. */
export async function closePreview(page: Page): Promise<void> {
  await previewLoaded(page);
  await page.getByTestId('print-preview-close').click();
  await page.getByTestId('print-preview-dialog').waitFor({ state: 'detached' });
}

/** A station user: who logs in, under what name the forms print them, and what they may do. */
export interface User {
  username: string;
  password: string;
  displayName: string;
  role: Role;
}

/** The administrator `initializeStation` sets up. */
export const ADMIN = { username: 'admin', password: 'Admin2026', displayName: '王建国', role: 'admin' } as const satisfies User;

/** The staff a suite may work as (`signedInSuite(env, { role })`); the administrator adds them with `addUser`. */
export const STAFF = {
  admin: ADMIN,
  registrar: { username: 'dengji', password: 'Counter2026', displayName: '李登记', role: 'registrar' },
  reviewer: { username: 'shenhe', password: 'Review2026', displayName: '李审核', role: 'reviewer' },
  funeral: { username: 'binyi', password: 'Funeral2026', displayName: '陈殡仪', role: 'funeral' },
} as const satisfies Partial<Record<Role, User>>;
export type StaffRole = keyof typeof STAFF;

/**
 * Call an operation over the app's HTTP API, as a script would: the launch token, and `session` if
 * given. Resolves to the result; a refusal (`{ ok: false }`) rejects with an `AppError` whose
 * message is the app's own (Chinese) one.
 */
export async function callApi<K extends OpName>(app: RunningApp, name: K, input: OpInput<K>, session?: string): Promise<OpOutput<K>> {
  const url = new URL(app.url);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-civreg-token': url.searchParams.get('token')! };
  if (session) headers['x-civreg-session'] = session;
  const res = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: true; result: OpOutput<K> } | { ok: false; error: AppErrorBody };
  if (!body.ok) throw AppError.fromBody(body.error);
  return body.result;
}

/** Log in over the API; resolves to the session token (a session of its own, beside the page's). */
export async function loginApi(app: RunningApp, user: Pick<User, 'username' | 'password'>): Promise<string> {
  return (await callApi(app, 'auth.login', { username: user.username, password: user.password })).session;
}

/**
 * The administrator adds `user`, with an initial password; the user then replaces it at first login,
 * as the app requires, by `user.password`. Resolves to the user, ready to log in.
 */
export async function addUser(app: RunningApp, adminSession: string, user: User): Promise<User> {
  const initial = `${user.password}-initial`;
  await callApi(app, 'users.create', { username: user.username, displayName: user.displayName, role: user.role, password: initial }, adminSession);
  const first = await loginApi(app, { username: user.username, password: initial });
  await callApi(app, 'auth.changePassword', { currentPassword: initial, newPassword: user.password }, first);
  await callApi(app, 'auth.logout', {}, first);
  return user;
}

/** First run through the API (the foundation E2E does it through the form): station GD-ZS-01 and its administrator. */
export async function initializeStation(app: RunningApp): Promise<void> {
  await callApi(app, 'setup.initialize', {
    stationId: 'GD-ZS-01',
    officeName: '中山市民政局婚姻登记处',
    divisionCode: '442000',
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
}

/** Open the app and log in from the keyboard; resolves on the home page. */
export async function openLoggedIn(browser: Browser, app: RunningApp, user: Pick<User, 'username' | 'password'> = ADMIN): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1100 } })).newPage();
  await page.goto(app.url);
  const login = page.getByTestId('login-form');
  await login.getByLabel('用户名').fill(user.username);
  await login.getByLabel('密码').fill(user.password);
  await login.getByLabel('密码').press('Enter');
  await page.getByTestId('home-page').waitFor();
  return page;
}

/**
 * The funeral suites' staff: the administrator adds the funeral home's clerk and the bureau's reviewer.
 * Resolves to an API session of the clerk's, for setting up records by script.
 */
export async function addFuneralStaff(app: RunningApp): Promise<string> {
  const admin = await loginApi(app, ADMIN);
  await addUser(app, admin, STAFF.funeral);
  await addUser(app, admin, STAFF.reviewer);
  return loginApi(app, STAFF.funeral);
}

/** 系统设置 → 殡葬减免政策, as the administrator; resolves to the section once it is shown. */
export async function openFuneralPolicy(page: Page): Promise<Locator> {
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  const section = page.getByTestId('funeral-policy-section');
  await section.waitFor();
  return section;
}

/** Choose the local scheme by its name and save; resolves once the section shows it as the current one. */
export async function chooseFuneralScheme(page: Page, section: Locator, schemeName: string): Promise<void> {
  await section.getByTestId('funeral-scheme-select').click();
  await page.locator('.ant-select-item-option', { hasText: schemeName }).click();
  await section.getByTestId('funeral-scheme-save').click();
  await section.getByTestId('funeral-scheme-current').filter({ hasText: schemeName }).waitFor();
}
