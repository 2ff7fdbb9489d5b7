import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { ADMIN, callApi, closePreview, loginApi, openLoggedIn, snapshot } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);
const GROOM = { name: '张伟', sex: 'male' as const, idNumber: id('44200019930307123') };
const BRIDE = { name: '李娜', sex: 'female' as const, idNumber: id('44200019950101002') };
const MARRIAGE_NUMBER = 'J442000-2026-000001';
/** The station is in Guangdong: 2026-11-23 (a Monday) at noon; then 2026-12-28, past the cooling-off period. */
const FIRST_DAY = '2026-11-23T04:00:00.000Z';
const AFTER_COOLING_OFF = '2026-12-28T04:00:00.000Z';

describe('the registrar’s desk: today’s work, search, 补领 and 婚姻登记记录证明', () => {
  // A step that cannot happen fails within seconds, naming what it waited for.
  const suite = signedInSuite({ CIVREG_CLOCK: FIRST_DAY }, { role: 'registrar', stepTimeout: 20_000 });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-counter-pdf-'));
  /** The registrar's page; a new one after the restart. */
  let page: Page;
  let applicationId: number;
  const registrarSession = (): Promise<string> => loginApi(suite.app, suite.user);

  async function savePdf(click: () => Promise<void>, name: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(downloads, name);
    await download.saveAs(file);
    return squash(pdfText(fs.readFileSync(file)));
  }

  beforeAll(() => {
    page = suite.page;
  });
  afterAll(() => {
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('the administrator sets the office’s authorization and loads the 2027 holiday calendar, the server’s objection shown on its field', async () => {
    // At the administrator's desk, in a window of its own; the registrar's stays open on the home page.
    const admin = await openLoggedIn(suite.browser, suite.app, ADMIN);
    admin.setDefaultTimeout(20_000);
    await admin.getByRole('menuitem', { name: '系统设置' }).click();
    await admin.getByTestId('settings-page').waitFor();
    const authorization = admin.getByTestId('authorization-section');
    await authorization.getByTestId('authorized-hmt').click();
    await authorization.getByTestId('authorization-save').click();
    await expect.poll(async () => (await callApi(suite.app, 'settings.get', {}, await loginApi(suite.app, ADMIN))).authorizedHkMacaoTaiwan).toBe(true);

    const section = admin.getByTestId('calendar-section');
    await expect.poll(() => section.getByTestId('calendar-next-year').textContent()).toContain('2027');
    const form = section.getByTestId('calendar-form');
    expect(await form.getByLabel('年份').inputValue()).toBe('2027');
    await form.getByLabel('依据').fill('国办发明电〔2026〕7号');
    await form.getByLabel('放假日期').fill('2027-01-01\n2027-02-05至2027-02-11\n2027-10-01至2027-10-07');
    // 2027-02-15 is a Monday: 调休 only turns weekends into working days, the server says.
    await form.getByLabel('调休上班日期').fill('2027-02-15');
    await expect.poll(() => form.textContent()).toContain('已识别 15 天');
    await form.getByTestId('calendar-load').click();
    // Under the field it names, as well as above the form (the message there says why).
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toContain('2027-02-15 不是周末');
    expect(await form.getByTestId('calendar-error').textContent()).toContain('调休只把周末改为工作日');
    await snapshot(admin, 'counter-calendar-refused');
    await form.getByLabel('调休上班日期').fill('2027-02-14\n2027-09-26');
    await form.getByTestId('calendar-load').click();
    const row = section.getByTestId('calendar-years').locator('tr', { hasText: '国办发明电〔2026〕7号' });
    await expect.poll(() => row.textContent()).toContain('2027');
    expect(await row.textContent()).toContain('15 天');
    expect(await row.textContent()).toContain('管理员载入');
    await snapshot(admin, 'counter-settings');
    await admin.context().close();
  });

  it('the registrar’s home lists today’s registration with masked numbers, and the draft put aside', async () => {
    const registrar = await registrarSession();
    const registered = await callApi(
      suite.app,
      'marriage.register',
      { party1: GROOM, party2: BRIDE, declarationSigned: true, consentConfirmed: true },
      registrar,
    );
    expect(registered.certificateNumber).toBe(MARRIAGE_NUMBER);
    await callApi(suite.app, 'drafts.save', { kind: 'marriage', title: '王强、赵敏（待补声明书）', data: { party1: { name: '王强' } } }, registrar);

    // The desk, shown again (F5), has them.
    await page.reload();
    const today = page.getByTestId('today-cases');
    const caseRow = today.locator('tr', { hasText: MARRIAGE_NUMBER });
    await expect.poll(() => caseRow.textContent()).toContain('张伟');
    expect(await caseRow.textContent()).toContain('结婚登记');
    expect(await caseRow.textContent()).toContain(`442000********${GROOM.idNumber.slice(-4)}`);
    expect(await page.getByTestId('home-page').textContent()).not.toContain(GROOM.idNumber);
    const drafts = page.getByTestId('drafts-card');
    expect(await drafts.textContent()).toContain('王强、赵敏（待补声明书）');
    // 继续办理 opens the marriage page on that draft.
    expect(await drafts.getByRole('link', { name: '继续办理' }).getAttribute('href')).toMatch(/^#\/marriage\?draft=\d+$/);
    // The search box has the cursor.
    expect(await page.getByTestId('case-search-input').evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    await snapshot(page, 'counter-home');
  });

  it('a draft is deleted after confirming', async () => {
    const drafts = page.getByTestId('drafts-card');
    await drafts.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => drafts.textContent()).toContain('没有暂存的登记');
  });

  it('search finds the registration by name, by the whole ID number and by the 字号, numbers masked', async () => {
    const input = page.getByTestId('case-search-input').locator('input');
    const results = page.getByTestId('case-search-results');
    for (const query of ['李娜', BRIDE.idNumber, 'J442000-2026']) {
      await input.fill(query);
      await input.press('Enter');
      await expect.poll(() => page.getByTestId('case-search-summary').textContent()).toContain(`「${query}」：找到 1 条记录`);
      expect(await results.textContent()).toContain(MARRIAGE_NUMBER);
      expect(await results.textContent()).not.toContain(BRIDE.idNumber);
    }
    await input.fill('x');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('case-search-problem').textContent()).toContain('至少 2 个字符');
    await input.fill('J442000-2026');
    await input.press('Enter');
    await expect.poll(() => results.textContent()).toContain(MARRIAGE_NUMBER);
    await snapshot(page, 'counter-search');
  });

  it('补领 from the search result gives a BJ 字号, and its booklet preview carries it', async () => {
    await page.getByTestId('case-search-results').getByRole('link', { name: '补领' }).click();
    const form = page.getByTestId('reissue-form');
    await form.waitFor();
    expect(await form.getByLabel('原证字号').inputValue()).toBe(MARRIAGE_NUMBER);
    // The wrong person first: only the holder may apply.
    await form.getByLabel('申请人身份证件号码').fill(BRIDE.idNumber);
    await form.getByLabel('补领原因').fill('遗失');
    await form.getByTestId('reissue-submit').click();
    await expect.poll(() => form.textContent()).toContain('与登记记录不一致');
    await form.getByLabel('申请人身份证件号码').fill(GROOM.idNumber);
    await form.getByLabel('补领原因').press('Enter');
    const number = page.getByTestId('reissue-number');
    await expect.poll(() => number.textContent()).toBe('BJ442000-2026-000001');
    const booklet = page.getByTestId('certificate-party1');
    expect(await booklet.textContent()).toContain('张伟');
    await booklet.getByTestId('preview-party1').click();
    const preview = page.getByTestId('print-preview-dialog');
    await expect.poll(() => page.getByTestId('print-preview').getAttribute('src')).toMatch(/^blob:/);
    await snapshot(page, 'counter-reissue-preview');
    const text = await savePdf(() => preview.getByTestId('print-preview-download').click(), 'reissue-preview.pdf');
    expect(text).toContain('BJ442000-2026-000001');
    expect(text).toContain(MARRIAGE_NUMBER);
    await closePreview(page);
    await snapshot(page, 'counter-reissue');
  });

  it('a divorce application received today shows on the home page with its cooling-off end and deadline', async () => {
    const application = await callApi(
      suite.app,
      'divorce.apply',
      { marriageCertificateNumber: MARRIAGE_NUMBER, children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' },
      await registrarSession(),
    );
    applicationId = application.id;
    await page.evaluate(() => {
      window.location.hash = '#/home';
    });
    const stages = page.getByTestId('divorce-stages');
    const row = stages.locator('tr', { hasText: MARRIAGE_NUMBER });
    await expect.poll(() => row.textContent()).toContain('冷静期');
    expect(await row.textContent()).toContain(application.coolingOffEnds);
    expect(await row.textContent()).toContain(application.certificateDeadline);
    expect(await row.textContent()).toContain('冷静期还剩 30 天');
    await snapshot(page, 'counter-home-divorce');
  });

  it('after the divorce, 补领 of the 结婚证 is refused with the reason, and a record certificate lists both registrations', async () => {
    // A month later: the cooling-off period is over; the station restarts with its clock there.
    await suite.restart({ CIVREG_CLOCK: AFTER_COOLING_OFF });
    page = suite.page;
    const row = page.getByTestId('divorce-stages').locator('tr', { hasText: MARRIAGE_NUMBER });
    await expect.poll(() => row.textContent()).toContain('待领证');
    expect(await row.textContent()).toMatch(/\d+ 天后视为撤回/);
    const divorce = await callApi(suite.app, 'divorce.register', { applicationId, bothPresent: true }, await registrarSession());
    expect(divorce.certificateNumber).toMatch(/^L442000-2026-\d{6}$/);

    await page.getByRole('menuitem', { name: '补领与记录证明' }).click();
    const form = page.getByTestId('reissue-form');
    await form.getByLabel('原证字号').fill(MARRIAGE_NUMBER);
    await form.getByLabel('申请人身份证件号码').fill(GROOM.idNumber);
    await form.getByText('遗失', { exact: true }).click();
    await form.getByTestId('reissue-submit').click();
    const refused = page.getByTestId('reissue-refused');
    await expect.poll(() => refused.getByTestId('reissue-refused-reason').textContent()).toContain('该婚姻已解除');
    expect(await form.getByTestId('reissue-submit').isDisabled()).toBe(true);
    expect(await form.getByTestId('reissue-read-card').isDisabled()).toBe(true);
    await snapshot(page, 'counter-reissue-refused');

    await refused.getByLabel('用途').fill('办理房产过户');
    await refused.getByTestId('record-certificate-issue').click();
    await expect.poll(() => refused.getByTestId('record-certificate-number').textContent()).toMatch(/\d{4}-\d{6}$/);
    const text = await savePdf(() => refused.getByTestId('record-certificate-output-pdf').click(), 'record-certificate.pdf');
    expect(text).toContain('婚姻登记记录证明');
    expect(text).toContain('张伟');
    expect(text).toContain(MARRIAGE_NUMBER);
    expect(text).toContain(divorce.certificateNumber);
    expect(text).toContain('结婚登记');
    expect(text).toContain('离婚登记');
    await snapshot(page, 'counter-record-certificate');
  });
});
