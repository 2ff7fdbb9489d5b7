import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { ADMIN, initializeStation, launchBrowser, openLoggedIn, snapshot, startApp, type RunningApp } from './harness';

const id = (first17: string): string => first17 + idCheckChar(first17);
const REGISTRAR = { username: 'dengji', password: 'Counter2026x' };
const GROOM = { name: '张伟', sex: 'male', idNumber: id('44200019930307123') };
const BRIDE = { name: '李娜', sex: 'female', idNumber: id('44200019950101002') };
const MARRIAGE_NUMBER = 'J442000-2026-000001';
/** The station is in Guangdong: 2026-11-23 (a Monday) at noon; then 2026-12-28, past the cooling-off period. */
const FIRST_DAY = '2026-11-23T04:00:00.000Z';
const AFTER_COOLING_OFF = '2026-12-28T04:00:00.000Z';

describe('the registrar’s desk: today’s work, search, 补领 and 婚姻登记记录证明', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-counter-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-counter-pdf-'));
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let applicationId: number;

  /** The same HTTP API the page uses, with the launch token. */
  async function api<T = unknown>(name: string, input: unknown, session?: string): Promise<T> {
    const url = new URL(app.url);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-civreg-token': url.searchParams.get('token')! };
    if (session) headers['x-civreg-session'] = session;
    const res = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.result as T;
  }
  const login = async (username: string, password: string) => (await api<{ session: string }>('auth.login', { username, password })).session;

  /** Logged in as `user`; a step that cannot happen fails within seconds, naming what it waited for. */
  async function openPage(user = ADMIN): Promise<Page> {
    const opened = await openLoggedIn(browser, app, user);
    opened.setDefaultTimeout(20_000);
    return opened;
  }

  async function savePdf(click: () => Promise<void>, name: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(downloads, name);
    await download.saveAs(file);
    return squash(pdfText(fs.readFileSync(file)));
  }

  beforeAll(async () => {
    app = await startApp(dataDir, { CIVREG_CLOCK: FIRST_DAY });
    await initializeStation(app);
    browser = await launchBrowser();
    page = await openPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('the administrator sets the office’s authorization and loads the 2027 holiday calendar, the server’s objection shown on its field', async () => {
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByTestId('settings-page').waitFor();
    const authorization = page.getByTestId('authorization-section');
    await authorization.getByTestId('authorized-hmt').click();
    await authorization.getByTestId('authorization-save').click();
    await expect.poll(async () => (await api<{ authorizedHkMacaoTaiwan: boolean }>('settings.get', {}, await login(ADMIN.username, ADMIN.password))).authorizedHkMacaoTaiwan).toBe(true);

    const section = page.getByTestId('calendar-section');
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
    await snapshot(page, 'counter-calendar-refused');
    await form.getByLabel('调休上班日期').fill('2027-02-14\n2027-09-26');
    await form.getByTestId('calendar-load').click();
    const row = section.getByTestId('calendar-years').locator('tr', { hasText: '国办发明电〔2026〕7号' });
    await expect.poll(() => row.textContent()).toContain('2027');
    expect(await row.textContent()).toContain('15 天');
    expect(await row.textContent()).toContain('管理员载入');
    await snapshot(page, 'counter-settings');
  });

  it('the registrar’s home lists today’s registration with masked numbers, and the draft put aside', async () => {
    const admin = await login(ADMIN.username, ADMIN.password);
    await api('users.create', { username: REGISTRAR.username, displayName: '陈登记', role: 'registrar', password: 'Counter2026' }, admin);
    const first = await login(REGISTRAR.username, 'Counter2026');
    await api('auth.changePassword', { currentPassword: 'Counter2026', newPassword: REGISTRAR.password }, first);
    const registrar = await login(REGISTRAR.username, REGISTRAR.password);
    const registered = await api<{ certificateNumber: string }>(
      'marriage.register',
      { party1: GROOM, party2: BRIDE, declarationSigned: true, consentConfirmed: true },
      registrar,
    );
    expect(registered.certificateNumber).toBe(MARRIAGE_NUMBER);
    await api('drafts.save', { kind: 'marriage', title: '王强、赵敏（待补声明书）', data: { party1: { name: '王强' } } }, registrar);

    await page.close();
    page = await openPage(REGISTRAR);
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
    await page.getByTestId('print-preview-close').click();
    await snapshot(page, 'counter-reissue');
  });

  it('a divorce application received today shows on the home page with its cooling-off end and deadline', async () => {
    const registrar = await login(REGISTRAR.username, REGISTRAR.password);
    const application = await api<{ id: number; coolingOffEnds: string; certificateDeadline: string }>(
      'divorce.apply',
      { marriageCertificateNumber: MARRIAGE_NUMBER, children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' },
      registrar,
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
    // The browser goes first: browser mode stops only once no connection to it is left open.
    await browser.close();
    await app.stop();
    app = await startApp(dataDir, { CIVREG_CLOCK: AFTER_COOLING_OFF });
    browser = await launchBrowser();
    page = await openPage(REGISTRAR);
    const row = page.getByTestId('divorce-stages').locator('tr', { hasText: MARRIAGE_NUMBER });
    await expect.poll(() => row.textContent()).toContain('待领证');
    expect(await row.textContent()).toMatch(/\d+ 天后视为撤回/);
    const registrar = await login(REGISTRAR.username, REGISTRAR.password);
    const divorce = await api<{ certificateNumber: string }>('divorce.register', { applicationId, bothPresent: true }, registrar);
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
