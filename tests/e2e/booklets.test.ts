import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializeStation, launchBrowser, openLoggedIn, snapshot, startApp, type RunningApp } from './harness';


describe('the certificate booklet ledger, as a supervisor keeps it', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    await initializeStation(app);
    browser = await launchBrowser();
    page = await openLoggedIn(browser, app);
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
