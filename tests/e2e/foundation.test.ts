import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, launchBrowser, snapshot, startApp, type RunningApp } from './harness';

const REGISTRAR = { username: 'liwei', password: 'Start2026', newPassword: 'Counter2026' };

async function submit(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).locator('button[type=submit]').click();
}

async function login(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(password);
  // The counter works from the keyboard: Enter submits.
  await form.getByLabel('密码').press('Enter');
}

describe('foundation, as the administrator and a registrar would use it', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // The renderer's idle timer runs on this clock, so the test can move time on without waiting.
    await page.clock.install();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
  });

  it('first run: sets up the station and its administrator', async () => {
    await page.goto(app.url);
    const form = page.getByTestId('setup-form');
    await form.waitFor();
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    await form.getByLabel('工作站编号').fill('GD-ZS-01');
    await form.getByLabel('登记机关名称').fill('中山市民政局婚姻登记处');
    await form.getByLabel('行政区划代码').fill('44200');
    await submit(page, 'setup-form');
    await expect.poll(() => form.textContent()).toContain('行政区划代码');
    await form.getByLabel('行政区划代码').fill('442000');
    await form.getByLabel('管理员用户名').fill(ADMIN.username);
    await form.getByLabel('管理员姓名').fill('王建国');
    await form.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await form.getByLabel('确认密码').fill(ADMIN.password);
    await snapshot(page, 'foundation-1-setup');
    await submit(page, 'setup-form');
    await page.getByTestId('login-form').waitFor();
  });

  it('the administrator logs in and creates a registrar', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('home-page').waitFor();
    const status = page.getByTestId('status-bar');
    await expect.poll(() => status.textContent()).toContain('GD-ZS-01');
    expect(await status.textContent()).toContain('管理员');
    await snapshot(page, 'foundation-2-admin-home');

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByTestId('users-page').waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(REGISTRAR.username);
    await dialog.getByLabel('姓名').fill('李伟');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('婚姻登记员').click();
    await dialog.getByLabel('初始密码').fill(REGISTRAR.password);
    await dialog.getByLabel('身份证号').fill('442000199001011233');
    await dialog.getByRole('button', { name: '确定' }).click();
    const row = page.getByRole('row', { name: /liwei/ });
    await row.waitFor();
    // Lists never show a full ID number.
    expect(await row.textContent()).toContain('442000********1233');
    await snapshot(page, 'foundation-3-users');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByTestId('login-form').waitFor();
  });

  it('the registrar logs in, changes the initial password, and is refused user management', async () => {
    await login(page, REGISTRAR.username, REGISTRAR.password);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill(REGISTRAR.password);
    await dialog.getByLabel('新密码', { exact: true }).fill(REGISTRAR.newPassword);
    await dialog.getByLabel('确认新密码').fill(REGISTRAR.newPassword);
    await dialog.getByLabel('确认新密码').press('Enter');
    await page.getByTestId('home-page').waitFor();
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('婚姻登记员');
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);

    await page.evaluate(() => {
      window.location.hash = '#/users';
    });
    await page.getByTestId('forbidden').waitFor();
    await snapshot(page, 'foundation-4-forbidden');
  });

  it('locks after the idle period and unlocks with the password', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/home';
    });
    await page.getByTestId('home-page').waitFor();
    await page.clock.fastForward('11:00');
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    await snapshot(page, 'foundation-5-locked');
    await lock.getByLabel('密码').fill('wrong-password-1');
    await lock.getByLabel('密码').press('Enter');
    await expect.poll(() => lock.textContent()).toContain('密码不正确');
    await lock.getByLabel('密码').fill(REGISTRAR.newPassword);
    await lock.getByLabel('密码').press('Enter');
    await lock.waitFor({ state: 'detached' });
    await page.getByTestId('home-page').waitFor();
  });
});
