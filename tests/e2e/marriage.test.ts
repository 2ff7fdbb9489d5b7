import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { signedInSuite, snapshot } from './harness';

const id = (first17: string): string => first17 + idCheckChar(first17);

describe('结婚登记 at the counter, from the keyboard', () => {
  const suite = signedInSuite({ CIVREG_CLOCK: '2026-11-23T04:00:00.000Z' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-marriage-'));

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function fillParties(groomId: string, brideId: string): Promise<void> {
    const groom = suite.page.getByTestId('party1-form');
    const bride = suite.page.getByTestId('party2-form');
    await groom.getByLabel('姓名').fill('张伟');
    await groom.getByLabel('公民身份号码').fill(groomId);
    await bride.getByLabel('姓名').fill('阿依古丽·买买提');
    await bride.getByLabel('公民身份号码').fill(brideId);
    // Enter runs 审查.
    await bride.getByLabel('公民身份号码').press('Enter');
  }

  it('a party one day short of the legal age is refused with the reason', async () => {
    await suite.page.getByRole('menuitem', { name: '结婚登记' }).click();
    await suite.page.getByTestId('marriage-page').waitFor();
    // Born 2004-11-24: on 2026-11-23 one day short of 22.
    await fillParties(id('44200020041124123'), id('65010219950611004'));
    await expect.poll(() => suite.page.getByTestId('marriage-problems').textContent()).toContain('于 2026-11-24 才满 22 周岁');
    await snapshot(suite.page, 'marriage-e2e-under-age');
    await suite.page.getByTestId('marriage-reset').click();
  });

  it('checks pass, the couple is registered with a 字号, and the certificate PDF carries it', async () => {
    await fillParties(id('44200019930307123'), id('65010219950611004'));
    await suite.page.getByTestId('marriage-check-ok').waitFor();
    await suite.page.getByTestId('declaration-signed').check();
    await suite.page.getByTestId('consent-confirmed').check();
    await suite.page.getByTestId('marriage-register').click();
    const number = suite.page.getByTestId('certificate-number');
    await expect.poll(() => number.textContent()).toBe('J442000-2026-000001');
    const certificateNumber = (await number.textContent())!;

    const [download] = await Promise.all([suite.page.waitForEvent('download'), suite.page.getByTestId('save-pdf-party2').click()]);
    const file = path.join(dir, 'cert.pdf');
    await download.saveAs(file);
    const text = squash(pdfText(fs.readFileSync(file)));
    expect(text).toContain(certificateNumber);
    expect(text).toContain('阿依古丽·买买提');
    await snapshot(suite.page, 'marriage-e2e-registered');
  });
});
