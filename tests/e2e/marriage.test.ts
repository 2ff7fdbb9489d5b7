import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { initializeStation, launchBrowser, openLoggedIn, snapshot, startApp, type RunningApp } from './harness';

const id = (first17: string): string => first17 + idCheckChar(first17);

describe('结婚登记 at the counter, from the keyboard', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-marriage-'));

  beforeAll(async () => {
    // The station's clock starts at a known instant (2026-11-23, 12:00 in China).
    app = await startApp(undefined, { CIVREG_CLOCK: '2026-11-23T04:00:00.000Z' });
    await initializeStation(app);
    browser = await launchBrowser();
    page = await openLoggedIn(browser, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function fillParties(groomId: string, brideId: string): Promise<void> {
    const groom = page.getByTestId('party1-form');
    const bride = page.getByTestId('party2-form');
    await groom.getByLabel('姓名').fill('张伟');
    await groom.getByLabel('公民身份号码').fill(groomId);
    await bride.getByLabel('姓名').fill('阿依古丽·买买提');
    await bride.getByLabel('公民身份号码').fill(brideId);
    // Enter runs 审查.
    await bride.getByLabel('公民身份号码').press('Enter');
  }

  it('a party one day short of the legal age is refused with the reason', async () => {
    await page.getByRole('menuitem', { name: '结婚登记' }).click();
    await page.getByTestId('marriage-page').waitFor();
    // Born 2004-11-24: on 2026-11-23 one day short of 22.
    await fillParties(id('44200020041124123'), id('65010219950611004'));
    await expect.poll(() => page.getByTestId('marriage-problems').textContent()).toContain('于 2026-11-24 才满 22 周岁');
    await snapshot(page, 'marriage-e2e-under-age');
    await page.getByTestId('marriage-reset').click();
  });

  it('checks pass, the couple is registered with a 字号, and the certificate PDF carries it', async () => {
    await fillParties(id('44200019930307123'), id('65010219950611004'));
    await page.getByTestId('marriage-check-ok').waitFor();
    await page.getByTestId('declaration-signed').check();
    await page.getByTestId('consent-confirmed').check();
    await page.getByTestId('marriage-register').click();
    const number = page.getByTestId('certificate-number');
    await expect.poll(() => number.textContent()).toBe('J442000-2026-000001');
    const certificateNumber = (await number.textContent())!;

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-pdf-party2').click()]);
    const file = path.join(dir, 'cert.pdf');
    await download.saveAs(file);
    const text = squash(pdfText(fs.readFileSync(file)));
    expect(text).toContain(certificateNumber);
    expect(text).toContain('阿依古丽·买买提');
    await snapshot(page, 'marriage-e2e-registered');
  });
});
