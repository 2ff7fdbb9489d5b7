import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { addUser, ADMIN, initializeStation, launchBrowser, loginApi, openLoggedIn, type RunningApp, STAFF, type StaffRole, startApp, type User } from './harness';

export interface SuiteOptions {
  /** Whom the page is logged in as: the administrator (the default), or staff the administrator adds first. */
  role?: StaffRole;
  /** How long a step on the page may wait before it fails (Playwright's default otherwise). */
  stepTimeout?: number;
}

export interface SignedIn {
  app: RunningApp;
  browser: Browser;
  page: Page;
  /** Whom `page` is logged in as. */
  user: User;
  /**
   * Stop the station and start it again on the same data, `env` over the suite's; the page, logged
   * in again, is a new one. Every page of the browser is closed first: browser mode stops only once
   * no connection to it is left open.
   */
  restart(env: Record<string, string>): Promise<void>;
}

/**
 * For a describe block: before it, the app in browser mode on a fresh data folder, its station set
 * up and `options.role` (the administrator unless said) logged in; after it, everything stopped and
 * the data folder removed. Read the fields inside tests.
 */
export function signedInSuite(env: Record<string, string> = {}, options: SuiteOptions = {}): SignedIn {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-'));
  const s = {} as SignedIn;
  const openPage = async (): Promise<void> => {
    s.page = await openLoggedIn(s.browser, s.app, s.user);
    if (options.stepTimeout) s.page.setDefaultTimeout(options.stepTimeout);
  };
  s.restart = async (more) => {
    for (const context of s.browser.contexts()) await context.close();
    await s.app.stop();
    s.app = await startApp(dataDir, { ...env, ...more });
    await openPage();
  };
  beforeAll(async () => {
    s.app = await startApp(dataDir, env);
    await initializeStation(s.app);
    const role = options.role ?? 'admin';
    s.user = role === 'admin' ? ADMIN : await addUser(s.app, await loginApi(s.app, ADMIN), STAFF[role]);
    s.browser = await launchBrowser();
    await openPage();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return s;
}
