import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snapshot, startApp, type RunningApp } from './harness';

const ADMIN = { username: 'admin', password: 'Admin2026' };

describe('the certificate booklet ledger, as a supervisor keeps it', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const url = new URL(app.url);
    await fetch(new URL('/api/setup.initialize', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civreg-token': url.searchParams.get('token')! },
      body: JSON.stringify({ stationId: 'GD-ZS-01', officeName: '中山市民政局婚姻登记处', divisionCode: '442000', adminUsername: ADMIN.username, adminDisplayName: '王建国', adminPassword: ADMIN.password }),
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(app.url);
    const login = page.getByTestId('login-form');
    await login.getByLabel('用户名').fill(ADMIN.username);
    await login.getByLabel('密码').fill(ADMIN.password);
    await login.getByLabel('密码').press('Enter');
    await page.getByTestId('home-page').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('receives a batch, voids a spoiled booklet, and the totals balance', async () => {
    await page.getByRole('menuitem', { name: '证书台账' }).click();
    const ledger = page.getByTestId('booklets-page');
    await ledger.getByRole('button', { name: '领入空白证书' }).click();
    const receive = page.getByTestId('receive-booklets-form');
    await receive.getByText('结婚证', { exact: true }).click();
    await receive.getByLabel('编号前缀').fill('gd2026');
    await receive.getByLabel('起始号').fill('1');
    await receive.getByLabel('终止号').fill('100');
    await expect.poll(() => page.getByTestId('receive-booklets-hint').textContent()).toContain('GD20260000001');
    await page.getByRole('dialog').getByRole('button', { name: '领入' }).click();
    await expect.poll(() => page.getByTestId('booklet-totals-marriage').textContent()).toContain('100');

    await ledger.getByRole('button', { name: '作废' }).click();
    const voidForm = page.getByTestId('void-booklet-form');
    await voidForm.getByLabel('印制编号').fill('GD20260000003');
    await voidForm.getByLabel('作废原因').fill('套打错位，证书印坏');
    await page.getByRole('dialog').getByRole('button', { name: '确认作废' }).click();
    await expect.poll(() => page.getByTestId('booklet-recent').textContent()).toContain('GD20260000003');
    const totals = await page.getByTestId('booklet-totals-marriage').textContent();
    expect(totals).toContain('领入 100 = 已用 0 + 作废 1 + 库存 99');
    await snapshot(page, 'booklets-ledger');
  });
});
