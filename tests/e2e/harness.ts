import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ADMIN = { username: 'admin', password: 'Admin2026' };

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

/** First run through the API (the foundation E2E does it through the form): station GD-ZS-01 and its administrator. */
export async function initializeStation(app: RunningApp): Promise<void> {
  const url = new URL(app.url);
  const res = await fetch(new URL('/api/setup.initialize', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-civreg-token': url.searchParams.get('token')! },
    body: JSON.stringify({
      stationId: 'GD-ZS-01',
      officeName: '中山市民政局婚姻登记处',
      divisionCode: '442000',
      adminUsername: ADMIN.username,
      adminDisplayName: '王建国',
      adminPassword: ADMIN.password,
    }),
  });
  if (res.status !== 200) throw new Error(`setup.initialize answered ${res.status}`);
}

/** Open the app and log in from the keyboard; resolves on the home page. */
export async function openLoggedIn(browser: Browser, app: RunningApp, user = ADMIN): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1100 } })).newPage();
  await page.goto(app.url);
  const login = page.getByTestId('login-form');
  await login.getByLabel('用户名').fill(user.username);
  await login.getByLabel('密码').fill(user.password);
  await login.getByLabel('密码').press('Enter');
  await page.getByTestId('home-page').waitFor();
  return page;
}

export interface SignedIn {
  app: RunningApp;
  browser: Browser;
  page: Page;
}

/**
 * For a describe block: before it, the app in browser mode on a fresh data folder, its station set
 * up and the administrator logged in; after it, everything stopped. Read the fields inside tests.
 */
export function signedInSuite(env: Record<string, string> = {}): SignedIn {
  const s = {} as SignedIn;
  beforeAll(async () => {
    s.app = await startApp(undefined, env);
    await initializeStation(s.app);
    s.browser = await launchBrowser();
    s.page = await openLoggedIn(s.browser, s.app);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.app?.stop();
  });
  return s;
}
