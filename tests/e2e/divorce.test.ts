import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { callApi, closePreview, loginApi, snapshot } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

/** A 1×1 PNG: the scan of the 离婚协议书. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Three couples married here; each will apply for a divorce by agreement. */
const COUPLES = [
  { a: { name: '张伟', id: id('44200019930307123') }, b: { name: '李娜', id: id('44200019950611102') } },
  { a: { name: '陈志强', id: id('44200019880512121') }, b: { name: '黄丽华', id: id('44200019900823104') } },
  { a: { name: '刘洋', id: id('44200019910101113') }, b: { name: '阿依古丽·买买提', id: id('65010219950611004') } },
];

/** Received 2026-10-12: the 30th day after is Wednesday 2026-11-11, the 30th after that Friday 2026-12-11. */
const RECEIVED = { on: '2026-10-12', coolingOffEnds: '2026-11-11', deadline: '2026-12-11' };
const CLOCK = {
  received: '2026-10-12T04:00:00.000Z',
  afterCoolingOff: '2026-11-12T04:00:00.000Z',
  afterDeadline: '2026-12-14T04:00:00.000Z',
};

function pdfOf(base64: string): string {
  return squash(pdfText(Buffer.from(base64, 'base64')));
}

describe('协议离婚 at the counter: 受理, 撤回, 登记 after the 离婚冷静期, 视为撤回', () => {
  const suite = signedInSuite({ CIVREG_CLOCK: CLOCK.received }, { role: 'registrar' });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-divorce-dl-'));
  /** The registrar's page; a new one after each restart. */
  let page: Page;
  const marriageNumbers: string[] = [];

  /** Stop the station and start it again on the same data, its clock at `clock`; log in again. */
  async function restartAt(clock: string): Promise<void> {
    await suite.restart({ CIVREG_CLOCK: clock });
    page = suite.page;
    await openDivorcePage();
  }

  /** Dialogs and drawers zoom or slide in: wait until they have (a click mid-way may not land). Spinners spin on. */
  async function settled(): Promise<void> {
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
  }

  async function settledSnapshot(name: string): Promise<void> {
    await settled();
    await snapshot(page, name);
  }

  /** Open a dialog or drawer by clicking `button`, and wait until it is there and still. */
  async function open(button: string, dialog: string): Promise<ReturnType<Page['getByTestId']>> {
    await page.getByTestId(button).click();
    const found = page.getByTestId(dialog);
    await found.waitFor();
    await settled();
    return found;
  }

  async function openDivorcePage(): Promise<void> {
    await page.getByRole('menuitem', { name: '离婚登记' }).click();
    await page.getByTestId('divorce-page').waitFor();
  }

  async function savePdf(button: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
    const file = path.join(downloads, `${button}-${Date.now()}.pdf`);
    await download.saveAs(file);
    return squash(pdfText(fs.readFileSync(file)));
  }

  async function apply(fill: (form: ReturnType<Page['getByTestId']>) => Promise<void>): Promise<void> {
    await page.getByTestId('divorce-tab-apply').click();
    // The last one received stays on show (its receipt may still be printed) until 受理下一件.
    if (await page.getByTestId('divorce-apply-next').isVisible()) await page.getByTestId('divorce-apply-next').click();
    const form = page.getByTestId('divorce-apply-form');
    await fill(form);
    await form.getByLabel('子女抚养').fill('无子女');
    await form.getByLabel('财产处理').fill('各自名下财产归各自所有');
    await form.getByLabel('债务处理').fill('无共同债务');
    // Ctrl+Enter receives the application from wherever the cursor is.
    await form.getByLabel('债务处理').press('Control+Enter');
  }

  beforeAll(async () => {
    page = suite.page;
    // The three couples were married at this counter (through the API: the marriage E2E does it on the page).
    const session = await loginApi(suite.app, suite.user);
    for (const c of COUPLES) {
      const party = (p: { name: string; id: string }, sex: 'male' | 'female') => ({ name: p.name, sex, idNumber: p.id });
      const registered = await callApi(
        suite.app,
        'marriage.register',
        { party1: party(c.a, 'male'), party2: party(c.b, 'female'), declarationSigned: true, consentConfirmed: true },
        session,
      );
      marriageNumbers.push(registered.certificateNumber);
    }
  });

  afterAll(() => {
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('a 结婚证字号 that is not registered here is named in the message', async () => {
    await openDivorcePage();
    await apply(async (form) => {
      await form.getByLabel('结婚证字号').fill('J442000-2026-000099');
    });
    const error = page.getByTestId('divorce-apply-error');
    await expect.poll(() => error.textContent()).toContain('J442000-2026-000099');
    // The field says it too.
    expect(await page.getByTestId('divorce-apply-form').locator('.ant-form-item-explain').allTextContents()).toContain('未找到');
    await settledSnapshot('divorce-e2e-not-found');
    // Start clean for the real one.
    await page.getByTestId('divorce-apply-form').getByLabel('结婚证字号').fill('');
  });

  it('(a) an application is received with its dates and receipt, then withdrawn by one party', async () => {
    await apply(async (form) => {
      await form.getByLabel('结婚证字号').fill(marriageNumbers[0]!);
      await expect.poll(() => page.getByTestId('divorce-marriage-lookup').textContent()).toContain('张伟、李娜');
      await form.locator('input[type=file]').setInputFiles({ name: '离婚协议书.png', mimeType: 'image/png', buffer: PNG });
    });
    await page.getByTestId('divorce-received').waitFor();
    expect(await page.getByTestId('divorce-received-dates-received').textContent()).toContain(RECEIVED.on);
    expect(await page.getByTestId('divorce-received-dates-cooling-off').textContent()).toBe(`${RECEIVED.coolingOffEnds}星期三`);
    expect(await page.getByTestId('divorce-received-dates-deadline').textContent()).toBe(`${RECEIVED.deadline}星期五`);
    await settledSnapshot('divorce-e2e-received');

    const receipt = await savePdf('divorce-receipt-pdf');
    expect(receipt).toContain('离婚登记申请受理回执单');
    expect(receipt).toContain('张伟');
    expect(receipt).toContain('2026年11月11日');
    expect(receipt).toContain('2026年12月11日');

    await page.getByTestId('divorce-tab-cooling-off').click();
    await expect.poll(() => page.getByTestId('divorce-hint-1').textContent()).toContain('冷静期还剩 30 天');
    // The scan is there to look at.
    const scans = await open('divorce-scans-1', 'divorce-scans-dialog');
    await scans.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('divorce-scan-shown').locator('img').waitFor();
    await page.getByTestId('divorce-scans-close').click();

    const withdraw = await open('divorce-withdraw-1', 'divorce-withdraw-form');
    await withdraw.getByLabel('李娜（另一方）').check();
    await settledSnapshot('divorce-e2e-withdraw');
    await withdraw.getByRole('button', { name: '确认撤回' }).click();
    const documents = page.getByTestId('divorce-documents-withdrawal');
    await expect.poll(() => documents.getByTestId('divorce-documents-notice').textContent()).toContain(`已由李娜撤回（${RECEIVED.on}）`);
    await settled();
    const confirmation = await savePdf('divorce-withdrawal-pdf');
    expect(confirmation).toContain('撤回离婚登记申请确认单');
    expect(confirmation).toContain('李娜');
    await settledSnapshot('divorce-e2e-withdrawn');
    await page.getByTestId('divorce-documents-close').click();
    await page.getByTestId('divorce-tab-withdrawn').click();
    await expect.poll(() => page.getByTestId('divorce-row-1').textContent()).toContain(`${RECEIVED.on} 撤回`);
  });

  it('two more are received: one found by a spouse’s ID number (结婚证 lost), one by its 字号', async () => {
    await apply(async (form) => {
      await form.getByLabel('或：一方身份证件号码').fill(COUPLES[1]!.b.id);
    });
    await page.getByTestId('divorce-received').waitFor();
    expect(await page.getByTestId('divorce-received').textContent()).toContain('陈志强、黄丽华');
    await page.getByTestId('divorce-apply-next').click();
    await apply(async (form) => {
      await form.getByLabel('结婚证字号').fill(marriageNumbers[2]!);
    });
    await page.getByTestId('divorce-received').waitFor();
    await page.getByTestId('divorce-tab-cooling-off').click();
    await expect.poll(() => page.getByTestId('divorce-table-cooling-off').locator('tbody tr.ant-table-row').count()).toBe(2);
    await settledSnapshot('divorce-e2e-cooling-off');
  });

  it('the date calculator answers "when do we come back?" from the keyboard, rest days extending the period', async () => {
    await open('divorce-open-calculator', 'date-calculator');
    const input = page.getByTestId('dates-received-on');
    await input.fill('20261014');
    await input.press('Enter');
    // 30 days after 2026-10-14 is a working Friday; 30 days after that is Sunday 2026-12-13 → Monday.
    await expect.poll(() => page.getByTestId('dates-result-cooling-off').textContent()).toBe('2026-11-13星期五');
    expect(await page.getByTestId('dates-result-deadline').textContent()).toBe('2026-12-14星期一');
    expect(await page.getByTestId('dates-result').textContent()).toContain('第 30 日 2026-12-13（星期日，休息日）顺延 1 天至 2026-12-14');
    await settledSnapshot('divorce-e2e-calculator');
    // The next question replaces the date; a year not yet published is said, not guessed.
    await input.fill('2026-12-20');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('dates-error').textContent()).toContain('2027 年的法定节假日安排尚未载入');
    await page.keyboard.press('Escape');

    // On its own page too, for a quick answer at any window; a short date is this year's.
    await page.getByRole('menuitem', { name: '日期计算器' }).click();
    await page.getByTestId('dates-page').waitFor();
    // 今天受理 is the station's today, known once the page has asked for it.
    await expect.poll(() => page.getByTestId('dates-today').isEnabled()).toBe(true);
    await page.keyboard.type('1012');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dates-result-cooling-off').textContent()).toBe(`${RECEIVED.coolingOffEnds}星期三`);
    expect(await page.getByTestId('dates-result-received').textContent()).toBe(`${RECEIVED.on}星期一`);
    await settledSnapshot('divorce-e2e-dates-page');
    await openDivorcePage();
  });

  it('(b) after the 离婚冷静期 both come: registered with an L 字号, each 离婚证 previewed with it', async () => {
    await restartAt(CLOCK.afterCoolingOff);
    await page.getByTestId('divorce-tab-awaiting').click();
    await expect.poll(() => page.getByTestId('divorce-hint-2').textContent()).toContain('30 天后视为撤回');

    // (d) The cooling-off period has ended: no withdrawal any more, and the screen says why.
    expect(await page.getByTestId('divorce-withdraw-3').isDisabled()).toBe(true);
    await page.getByTestId('divorce-withdraw-3-disabled').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain(`离婚冷静期已于 ${RECEIVED.coolingOffEnds} 届满，不能再撤回`);
    await settledSnapshot('divorce-e2e-awaiting');
    // The server says the same to anyone who asks anyway.
    const refused = callApi(suite.app, 'divorce.withdraw', { applicationId: 3, party: 1 }, await loginApi(suite.app, suite.user));
    await expect(refused).rejects.toMatchObject({ message: `离婚冷静期已于 ${RECEIVED.coolingOffEnds} 届满，不能再撤回` });

    const register = await open('divorce-register-2', 'divorce-register-form');
    // Both present must be confirmed.
    await register.locator('button[type=submit]').click();
    await expect.poll(() => register.textContent()).toContain('离婚登记须双方亲自到场');
    await page.getByTestId('divorce-both-present').check();
    await register.locator('button[type=submit]').click();
    const number = page.getByTestId('divorce-certificate-number');
    await expect.poll(() => number.textContent()).toBe('L442000-2026-000001');
    await settled();
    await settledSnapshot('divorce-e2e-registered');

    for (const [party, name] of [
      [1, '陈志强'],
      [2, '黄丽华'],
    ] as const) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/print.preview')),
        page.getByTestId('divorce-certificates').getByTestId(`preview-party${party}`).click(),
      ]);
      const { result } = (await response.json()) as { result: { pdfBase64: string } };
      const text = pdfOf(result.pdfBase64);
      expect(text).toContain('L442000-2026-000001');
      expect(text).toContain(name);
      expect(text).toContain(suite.user.displayName);
      await page.getByTestId('print-preview-dialog').waitFor();
      await settled();
      if (party === 1) await settledSnapshot('divorce-e2e-certificate-preview');
      await closePreview(page);
    }
    await page.getByTestId('divorce-documents-close').click();
    await page.getByTestId('divorce-tab-registered').click();
    await expect.poll(() => page.getByTestId('divorce-row-2').textContent()).toContain('L442000-2026-000001');
  });

  it('(c) past the deadline, the one nobody came for is 视为撤回, dated, by itself at start-up', async () => {
    await restartAt(CLOCK.afterDeadline);
    await page.getByTestId('divorce-tab-lapsed').click();
    // Marked when the station started on 2026-12-14, the first day it ran after the deadline.
    const applications = await callApi(suite.app, 'divorce.list', {}, await loginApi(suite.app, suite.user));
    const lapsed = applications.find((a) => a.id === 3)!;
    expect(lapsed.status).toBe('lapsed');
    const row = page.getByTestId('divorce-row-3');
    await expect.poll(() => row.textContent()).toContain(`${lapsed.endedOn} 视为撤回`);
    expect(await row.textContent()).toContain('刘洋、阿依古丽·买买提');
    expect(await page.getByTestId('divorce-tab-awaiting').textContent()).toContain('0');
    await settledSnapshot('divorce-e2e-lapsed');
  });
});
