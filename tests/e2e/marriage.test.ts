import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { ADMIN, callApi, closePreview, loginApi, previewLoaded, snapshot } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

const PRINTER = 'civreg-counter';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-marriage-'));
const spool = path.join(dir, 'spool');
const bin = path.join(dir, 'bin');

/**
 * A stand-in for CUPS on a machine without it: `lpstat` reports one printer, the default, and `lp`
 * spools each job's PDF into a folder, where the test reads what the registrar printed.
 */
function fakeCups(): void {
  fs.mkdirSync(spool, { recursive: true });
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(
    path.join(bin, 'lpstat'),
    `#!/bin/sh\ncase "$1" in\n  -e) echo ${PRINTER} ;;\n  -d) echo "system default destination: ${PRINTER}" ;;\nesac\n`,
    { mode: 0o755 },
  );
  fs.writeFileSync(
    path.join(bin, 'lp'),
    `#!/bin/sh\nn=$(ls "${spool}" | wc -l)\ncat > "${spool}/job-$(printf %03d $((n + 1))).pdf"\necho "request id is ${PRINTER}-$((n + 1)) (1 file(s))"\n`,
    { mode: 0o755 },
  );
}
fakeCups();

/** The PDFs sent to the printer so far, oldest first, as text without whitespace. */
function printedTexts(): string[] {
  return fs
    .readdirSync(spool)
    .sort()
    .map((f) => squash(pdfText(fs.readFileSync(path.join(spool, f)))));
}

/** The PDF the preview dialog shows, through its own download link (the page's CSP lets nothing fetch blob: URLs). */
async function previewPdf(page: Page): Promise<Buffer> {
  await page.getByTestId('print-preview').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-preview-download').click()]);
  const file = path.join(dir, `preview-${Date.now()}.pdf`);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

/** Let opening dialogs and fading spinners finish before a screenshot. */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(600);
}

/** Every key the registrar presses, counted. */
class Keyboard {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.count += [...text].length;
    await this.page.keyboard.type(text);
  }
}

describe('结婚登记 at the counter, from the keyboard', () => {
  const suite = signedInSuite(
    {
      CIVREG_CLOCK: '2026-11-23T04:00:00.000Z',
      CIVREG_CARD_READER: 'simulated',
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    },
    { role: 'registrar' },
  );

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const party = (n: 1 | 2): Locator => suite.page.getByTestId(`party${n}-form`);

  /** Put a card on the simulated reader through the training panel, as a trainer does. */
  async function placeCard(name: string, idNumber: string): Promise<void> {
    const panel = suite.page.getByTestId('training-card-panel');
    const waiting = Number(/\d+/.exec((await panel.getByTestId('training-card-waiting').textContent()) ?? '0')![0]);
    await panel.getByTestId('training-card-name').fill(name);
    await panel.getByTestId('training-card-id-number').fill(idNumber);
    await panel.getByTestId('place-card').click();
    await expect.poll(() => panel.getByTestId('training-card-waiting').textContent()).toContain(`待读 ${waiting + 1} 张`);
  }

  async function nameOf(n: 1 | 2): Promise<string> {
    return party(n).getByLabel('姓名').inputValue();
  }

  it('a party one day short of the legal age is refused with the reason, and the notice says why', async () => {
    const page = suite.page;
    await page.getByRole('menuitem', { name: '结婚登记' }).click();
    await page.getByTestId('marriage-page').waitFor();
    await page.getByTestId('training-toggle').click();
    // Born 2004-11-24: on 2026-11-23 one day short of 22.
    await placeCard('陈晨', id('44200020041124123'));
    await placeCard('阿依古丽·买买提', id('65010219950611004'));

    await page.keyboard.press('F2');
    await expect.poll(() => nameOf(1)).toBe('陈晨');
    expect(await party(1).getByTestId('party1-birth-date').inputValue()).toBe('2004-11-24');
    await page.keyboard.press('F3');
    await expect.poll(() => nameOf(2)).toBe('阿依古丽·买买提');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('marriage-problems').textContent()).toContain('于 2026-11-24 才满 22 周岁');
    await snapshot(page, 'marriage-e2e-under-age');

    // Alt+N: the ground the check found is preselected, its words are the reason; Enter decides.
    await page.keyboard.press('Alt+N');
    const dialog = page.getByTestId('refuse-form');
    await expect.poll(() => dialog.getByTestId('refusal-reason-code').textContent()).toContain('未达法定婚龄');
    expect(await dialog.getByTestId('refusal-reason').inputValue()).toContain('陈晨未达法定婚龄');
    await settle(page);
    await snapshot(page, 'marriage-e2e-refuse-dialog');
    await page.keyboard.press('Enter');
    await page.getByTestId('marriage-refused').waitFor();

    await page.getByTestId('refusal-notice-preview').click();
    const notice = squash(pdfText(await previewPdf(page)));
    expect(notice).toContain('不予办理结婚登记告知书');
    expect(notice).toContain('陈晨');
    expect(notice).toContain('未达法定婚龄');
    expect(notice).toContain('第一千零四十七条');
    await snapshot(page, 'marriage-e2e-refusal-notice-preview');
    await closePreview(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('refusal-notice-pdf').click()]);
    const file = path.join(dir, 'notice.pdf');
    await download.saveAs(file);
    expect(squash(pdfText(fs.readFileSync(file)))).toContain('阿依古丽·买买提');
    await snapshot(page, 'marriage-e2e-refused');
    await page.getByTestId('marriage-new').click();
    await expect.poll(() => nameOf(1)).toBe('');
  });

  it('two ID cards to two printed certificates, from the keyboard alone', async () => {
    const page = suite.page;
    const registrar = await loginApi(suite.app, suite.user);
    // Blank booklets are received by whoever keeps the stationery (stationery.manage), not the registrar.
    await callApi(suite.app, 'booklets.receive', { kind: 'marriage', prefix: 'GD2026', firstNumber: 1, lastNumber: 20, digits: 7 }, await loginApi(suite.app, ADMIN));
    await placeCard('张伟', id('11010519930307123'));
    await placeCard('李娜', id('11010519950101002'));
    const before = printedTexts().length;

    const keys = new Keyboard(page);
    await keys.press('F2');
    await expect.poll(() => nameOf(1)).toBe('张伟');
    await keys.press('F3');
    await expect.poll(() => nameOf(2)).toBe('李娜');
    await keys.press('Enter');
    await page.getByTestId('marriage-check-ok').waitFor();
    expect(await page.getByTestId('marriage-findings').textContent()).toContain('张伟年满 33 周岁，达到法定婚龄');
    await snapshot(page, 'marriage-e2e-check-ok');

    // The declaration goes to the printer; the couple sign it.
    await keys.press('Alt+P');
    await expect.poll(() => page.getByTestId('declaration').getByTestId('print-result').textContent()).toContain(`已发送到打印机 ${PRINTER}`);
    await expect.poll(() => printedTexts().length).toBe(before + 1);
    const declaration = printedTexts()[before];
    expect(declaration).toContain('申请结婚登记声明书');
    expect(declaration).toContain('张伟');
    expect(declaration).toContain('1995年01月01日');
    expect(declaration).toContain('中山市民政局婚姻登记处');
    expect(declaration).toContain(id('11010519950101002'));

    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Space');
    expect(await page.getByTestId('declaration-signed').isChecked()).toBe(true);
    expect(await page.getByTestId('consent-confirmed').isChecked()).toBe(true);
    await keys.press('Alt+R');
    const number = page.getByTestId('certificate-number');
    await expect.poll(() => number.textContent()).toBe('J442000-2026-000001');
    const certificateNumber = (await number.textContent())!;

    for (const [n, serial] of [
      [1, 'GD20260000001'],
      [2, 'GD20260000002'],
    ] as const) {
      const row = page.getByTestId(`certificate-party${n}`);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(`booklet-serial-party${n}`);
      await keys.press('Alt+V');
      const preview = squash(pdfText(await previewPdf(page)));
      expect(preview).toContain(certificateNumber);
      expect(preview).toContain(n === 1 ? '张伟' : '李娜');
      // The 婚姻登记员 on the certificate is the registrar who registered it.
      expect(preview).toContain(suite.user.displayName);
      if (n === 1) {
        await settle(page);
        await snapshot(page, 'marriage-e2e-certificate-preview');
      }
      await previewLoaded(page);
      await keys.press('Escape');
      await page.getByTestId('print-preview-dialog').waitFor({ state: 'detached' });
      await keys.type(serial.toLowerCase());
      await keys.press('Enter');
      await expect.poll(() => row.getByTestId('print-result').textContent()).toContain(`已发送到打印机 ${PRINTER}`);
    }
    console.log(`keys pressed from first card read to certificates: ${keys.count}`);
    expect(keys.count).toBeLessThanOrEqual(45);

    // The booklets are on the ledger, each used by its party's certificate; the printer got both with the 字号.
    const ledger = await callApi(suite.app, 'booklets.ledger', {}, registrar);
    const used = Object.fromEntries(ledger.recent.filter((r) => r.outcome === 'used').map((r) => [r.serial, r.documentKey]));
    expect(used).toMatchObject({ GD20260000001: `${certificateNumber}/1`, GD20260000002: `${certificateNumber}/2` });
    expect(ledger.totals.find((t) => t.kind === 'marriage')).toMatchObject({ received: 20, used: 2, inStock: 18 });
    const certificates = printedTexts().slice(before + 1);
    expect(certificates).toHaveLength(2);
    for (const text of certificates) expect(text).toContain(certificateNumber);
    await snapshot(page, 'marriage-e2e-registered');

    // The review form (Alt+T) is printed from the record: what was checked, and the 字号.
    await page.keyboard.press('Alt+T');
    await expect.poll(() => printedTexts().length).toBe(before + 4);
    const review = printedTexts()[before + 3];
    expect(review).toContain('婚姻登记审查处理表');
    expect(review).toContain(certificateNumber);
    expect(review).toContain('达到法定婚龄');
    expect(review).toContain(suite.user.displayName);

    // Saving a printed certificate as PDF is a reprint: it asks why.
    await page.getByTestId('save-pdf-party1').click();
    const reprint = page.getByTestId('reprint-form');
    await reprint.getByLabel('重印原因').fill('存档留底');
    const [download] = await Promise.all([page.waitForEvent('download'), reprint.getByLabel('重印原因').press('Enter')]);
    const file = path.join(dir, 'cert.pdf');
    await download.saveAs(file);
    expect(squash(pdfText(fs.readFileSync(file)))).toContain(certificateNumber);

    await page.getByRole('menuitem', { name: '证书台账' }).click();
    await expect.poll(() => page.getByTestId('booklet-totals-marriage').textContent()).toContain('领入 20 = 已用 2 + 作废 0 + 库存 18');
    await expect.poll(() => page.getByTestId('booklet-recent').textContent()).toContain('GD20260000002');
    await snapshot(page, 'marriage-e2e-booklet-ledger');
    await page.getByRole('menuitem', { name: '结婚登记' }).click();
    await page.getByTestId('marriage-page').waitFor();
  });

  it('a case saved with Alt+S is resumed from its address and registered; the draft goes with it', async () => {
    const page = suite.page;
    const registrar = await loginApi(suite.app, suite.user);
    if (!(await page.getByTestId('training-card-panel').isVisible())) await page.getByTestId('training-toggle').click();
    await placeCard('王强', id('44200019700101123'));
    await placeCard('阿依古丽·买买提', id('65010219950611004'));
    await page.keyboard.press('F2');
    await expect.poll(() => nameOf(1)).toBe('王强');
    await page.keyboard.press('F3');
    await expect.poll(() => nameOf(2)).toBe('阿依古丽·买买提');
    await page.keyboard.press('Alt+S');
    const tag = page.getByTestId('marriage-draft');
    await expect.poll(() => tag.textContent()).toMatch(/暂存第 \d+ 号/);
    const draftId = Number(/暂存第 (\d+) 号/.exec((await tag.textContent())!)![1]);
    const overview = await callApi(suite.app, 'counter.overview', {}, registrar);
    expect(overview.drafts.map((d) => [d.id, d.title])).toContainEqual([draftId, '王强、阿依古丽·买买提']);

    await page.getByTestId('marriage-reset').click();
    await expect.poll(() => nameOf(1)).toBe('');

    await page.evaluate((href) => {
      window.location.hash = href;
    }, `#/marriage?draft=${draftId}`);
    await expect.poll(() => nameOf(1)).toBe('王强');
    expect(await nameOf(2)).toBe('阿依古丽·买买提');
    expect(await page.getByTestId('marriage-draft').textContent()).toContain(`暂存第 ${draftId} 号`);
    await settle(page);
    await snapshot(page, 'marriage-e2e-draft-resumed');

    await page.keyboard.press('Enter');
    await page.getByTestId('marriage-check-ok').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Alt+R');
    await expect.poll(() => page.getByTestId('certificate-number').textContent()).toBe('J442000-2026-000002');
    expect((await callApi(suite.app, 'counter.overview', {}, registrar)).drafts.map((d) => d.id)).not.toContain(draftId);

    await page.getByTestId('marriage-new').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/marriage');
    await expect.poll(() => nameOf(1)).toBe('');
  });

  it('a foreign party at an office not authorized for it: the check says so; the birth date is typed', async () => {
    const page = suite.page;
    await party(1).getByLabel('姓名').fill('张伟');
    await party(1).getByLabel('证件号码').fill(id('11010519930307123'));
    await page.getByTestId('party2-document-type').click();
    await page.getByRole('option', { name: '护照' }).click();
    await party(2).getByLabel('姓名').fill('EMMA·SMITH');
    await party(2).getByLabel('证件号码').fill('e12345678');
    await party(2).getByRole('radio', { name: '女' }).check();
    await party(2).getByTestId('party2-birth-date').fill('19960315');
    await party(2).getByLabel('国籍').fill('英国');
    expect(await party(2).getByTestId('party2-birth-date').inputValue()).toBe('1996-03-15');
    await party(2).getByLabel('国籍').press('Enter');
    await expect.poll(() => page.getByTestId('marriage-problems').textContent()).toContain('本登记机关未获授权办理涉外（含华侨）的婚姻登记');
    await settle(page);
    await snapshot(page, 'marriage-e2e-foreign');
  });
});
