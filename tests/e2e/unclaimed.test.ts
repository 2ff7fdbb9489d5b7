import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar, type OpOutput } from '../../src-main/contract';
import { pdfText, squash } from '../print/raster';
import { STAFF, addFuneralStaff, callApi, chooseFuneralScheme, loginApi, openFuneralPolicy, openLoggedIn, snapshot, type User } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

const CLERK: User = STAFF.funeral;
const REVIEWER: User = STAFF.reviewer;
/** 李秀兰, female (17th digit even): delivered from hospital with her identity known; her son claims her. */
const KNOWN_ID = id('44130219500101242');
const CLAIMANT_ID = id('44130219750606211');

/** A 4 × 4 red PNG: the photo taken at intake, printed on the notice. */
const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEklEQVR4nGP4z8AARwzE8QHZAHdMA/2/jLwUAAAAAElFTkSuQmCC',
  'base64',
);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-unclaimed-'));
const settle = (page: Page): Promise<void> => page.waitForTimeout(600);

/** Where the keyboard is: the focused element's nearest data-testid. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

type Body = OpOutput<'unclaimed.list'>[number];

describe('无人认领遗体: intake, notice, police, approval, cremation, ashes; the dashboard and the cremation ledger', () => {
  // 2026-03-02 by the station's clock.
  const suite = signedInSuite({ CIVREG_CLOCK: '2026-03-02T04:00:00.000Z' });
  let clerk: Page;
  let reviewer: Page;
  let clerkSession: string;
  /** A: unknown man, entered at the desk from the keyboard; goes the whole way. */
  let a: Body;
  /** B: 李秀兰, claimed by her son. C: notice left expired. D: stored since October. */
  let b: Body;
  let c: Body;
  let certificate: string;

  const list = async (): Promise<Body[]> => callApi(suite.app, 'unclaimed.list', {}, await loginApi(suite.app, CLERK));
  const row = (page: Page, number: string) => page.getByTestId('unclaimed-list').locator('tr', { hasText: number });
  const openTab = async (page: Page, stage: string): Promise<void> => {
    await page.getByTestId(`tab-${stage}`).click();
  };

  beforeAll(async () => {
    clerkSession = await addFuneralStaff(suite.app);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the administrator chooses 惠州 (15-day notice, ashes kept 3 years)', async () => {
    const { page } = suite;
    await chooseFuneralScheme(page, await openFuneralPolicy(page), '惠州市基本殡葬服务减免');
  });

  it('the funeral clerk receives an unidentified body from the keyboard, with a photo', async () => {
    clerk = await openLoggedIn(suite.browser, suite.app, CLERK);
    await clerk.getByRole('link', { name: '进入无人认领遗体' }).click();
    await clerk.getByTestId('unclaimed-page').waitFor();
    await clerk.keyboard.press('Alt+N');
    const date = clerk.getByTestId('intake-date');
    await date.waitFor();
    expect(await date.inputValue()).toBe('2026-03-02');
    await date.click();
    const k = clerk.keyboard;
    await k.press('Control+A');
    await k.type('20251228');
    await k.press('Enter');
    expect(await date.inputValue()).toBe('2025-12-28');
    expect(await focused(clerk)).toBe('intake-delivering-unit');
    await k.type('惠州市公安局惠城分局');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('intake-identity-known');
    await k.press('Enter'); // 身份不明: no name or ID fields
    expect(await clerk.getByTestId('intake-name').count()).toBe(0);
    await k.press('ArrowLeft'); // 不详 → 女
    await k.press('ArrowLeft'); // → 男
    await k.press('Enter');
    expect(await focused(clerk)).toBe('intake-age');
    await k.type('60');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('intake-description');
    await k.type('身高约 170 厘米，偏瘦，短发花白，左手背有旧疤痕；着深蓝色夹克、黑色长裤');
    await k.press('Tab');
    await k.type('惠城区江北街道东江公园河堤');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('intake-death-certificate');
    await k.press('Enter'); // not issued yet
    await k.type('惠公刑〔2025〕1228 号');
    await k.press('Enter');
    await k.type('指纹 ZW-2025-8812，DNA D-2025-4410');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('intake-belongings');
    await k.type('旧手机一部（无卡）、现金 23 元');
    await k.press('Tab');
    await k.type('冷藏柜 A-03');
    await clerk.getByTestId('intake-form').locator('input[type="file"]').setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await clerk.getByTestId('intake-storage').press('Enter');
    expect(await focused(clerk)).toBe('intake-submit');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-intake-form');
    await k.press('Enter');
    await clerk.getByTestId('intake-form').waitFor({ state: 'detached' });

    [a] = await list();
    expect(a.name).toBe('无名氏（男，约 60 岁）');
    expect(a.stage).toBe('stored');
    expect(a.intakeDate).toBe('2025-12-28');
    // Three more by script: one known, one whose notice will lapse, one stored since October.
    b = await callApi(
      suite.app,
      'unclaimed.intake',
      {
        intakeDate: '2025-11-15',
        deliveringUnit: '惠州市中心人民医院',
        identityKnown: true,
        name: '李秀兰',
        idNumber: KNOWN_ID,
        sex: 'female',
        estimatedAge: 75,
        description: '老年女性，身高约 155 厘米',
        placeFound: '惠州市中心人民医院',
        deathCertificateNumber: '惠医死〔2025〕1115 号',
        belongings: '无',
        storageLocation: '冷藏柜 B-01',
      },
      clerkSession,
    );
    await callApi(
      suite.app,
      'unclaimed.intake',
      { intakeDate: '2025-10-01', deliveringUnit: '惠州市救助管理站', identityKnown: false, sex: 'male', description: '中年男性，身高约 165 厘米', placeFound: '惠州市救助管理站', belongings: '无', storageLocation: '冷藏柜 B-02' },
      clerkSession,
    );
    c = await callApi(
      suite.app,
      'unclaimed.intake',
      { intakeDate: '2026-02-20', deliveringUnit: '惠州市公安局惠阳分局', identityKnown: false, sex: 'female', description: '青年女性', placeFound: '惠阳区淡水河边', belongings: '无', storageLocation: '冷藏柜 B-03' },
      clerkSession,
    );
    c = await callApi(suite.app, 'unclaimed.publishNotice', { id: c.id, noticeStart: '2026-02-25', medium: '惠州日报' }, clerkSession);

    await clerk.getByRole('button', { name: /刷新/ }).click();
    await openTab(clerk, 'stored');
    await expect.poll(() => row(clerk, a.number).textContent()).toContain('冷藏柜 A-03');
    expect(await clerk.getByTestId('tab-stored').textContent()).toContain('3');
    expect(await clerk.getByTestId('tab-notice').textContent()).toContain('1');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-list-stored');
  });

  it('publishes the notice and prints it: the PDF carries the expiry, 15 days on', async () => {
    await row(clerk, a.number).getByTestId(`action-notice-${a.number}`).click();
    const dialog = clerk.getByTestId('notice-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('notice-start').inputValue()).toBe('2026-03-02');
    await dialog.getByTestId('notice-medium').fill('惠州市民政局网站');
    await dialog.getByTestId('notice-medium').press('Enter');
    const print = clerk.getByTestId('print-notice-dialog');
    await print.waitFor();
    expect(await print.getByTestId('print-notice-expires').textContent()).toBe('2026-03-17');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-notice-print');
    const [dl] = await Promise.all([clerk.waitForEvent('download'), print.getByTestId('notice-document-pdf').click()]);
    const file = path.join(dir, 'notice.pdf');
    await dl.saveAs(file);
    const text = squash(pdfText(fs.readFileSync(file)));
    expect(text).toContain('认尸公告');
    expect(text).toContain(a.number);
    expect(text).toMatch(/2026年0?3月17日|2026-03-17/);
    await clerk.keyboard.press('Escape');
    await print.waitFor({ state: 'detached' });
    await openTab(clerk, 'notice');
    expect(await row(clerk, a.number).textContent()).toContain('2026-03-17');
    // During the notice the next steps are refused, with the dates.
    await expect(callApi(suite.app, 'unclaimed.confirmByPolice', { id: a.id, officer: '张警官', policeUnit: '惠城分局', confirmedOn: '2026-03-02' }, clerkSession)).rejects.toThrow(
      /2026-03-17.*2026-03-18 起方可/,
    );
    await expect(callApi(suite.app, 'unclaimed.approve', { id: a.id }, await loginApi(suite.app, REVIEWER))).rejects.toThrow(/须待认尸公告期满/);
  });

  it('after the notice expires: police confirmation (the death certificate is required), then the reviewer approves', async () => {
    await suite.restart({ CIVREG_CLOCK: '2026-03-20T04:00:00.000Z' });
    // Sessions end with the station.
    clerkSession = await loginApi(suite.app, CLERK);
    clerk = await openLoggedIn(suite.browser, suite.app, CLERK);
    await clerk.getByRole('menuitem', { name: '无人认领遗体' }).click();
    await clerk.getByTestId('unclaimed-page').waitFor();
    await openTab(clerk, 'notice');
    await expect.poll(() => row(clerk, a.number).textContent()).toContain('已期满');
    await row(clerk, a.number).getByTestId(`action-police-${a.number}`).click();
    const dialog = clerk.getByTestId('police-dialog');
    await dialog.getByTestId('police-officer').fill('张警官');
    await dialog.getByTestId('police-unit').fill('惠州市公安局惠城分局');
    expect(await dialog.getByTestId('police-date').inputValue()).toBe('2026-03-20');
    await dialog.getByTestId('police-unit').press('Enter');
    // The server's own message: no death certificate yet.
    await expect.poll(() => dialog.textContent()).toContain('尚无死亡证明编号');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-police-refused');
    await dialog.getByTestId('police-death-certificate').fill('惠公死〔2026〕0320 号');
    await dialog.getByTestId('police-death-certificate').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await openTab(clerk, 'awaiting-approval');
    await expect.poll(() => row(clerk, a.number).textContent()).toContain('待审核员批准火化');

    reviewer = await openLoggedIn(suite.browser, suite.app, REVIEWER);
    await reviewer.getByRole('menuitem', { name: '无人认领遗体' }).click();
    await reviewer.getByTestId('unclaimed-page').waitFor();
    // The reviewer lands on the approvals.
    await row(reviewer, a.number).getByTestId(`action-approve-${a.number}`).click();
    await settle(reviewer);
    await snapshot(reviewer, 'unclaimed-approve-confirm');
    await reviewer.getByTestId('approve-confirm').click();
    await openTab(reviewer, 'approved');
    await expect.poll(() => row(reviewer, a.number).textContent()).toContain('待殡仪馆登记火化');
  });

  it('cremation gives a certificate number, which the ledger lists; the ashes cannot go before the retention ends', async () => {
    await clerk.getByRole('button', { name: /刷新/ }).click();
    await openTab(clerk, 'approved');
    await row(clerk, a.number).getByTestId(`action-cremate-${a.number}`).click();
    const dialog = clerk.getByTestId('cremate-dialog');
    await dialog.getByTestId('cremate-ash-location').fill('骨灰寄存楼 3 区 12 号');
    await dialog.getByTestId('cremate-ash-location').press('Enter');
    const result = clerk.getByTestId('cremation-result');
    await result.waitFor();
    certificate = (await result.getByTestId('cremation-certificate-number').textContent())!.trim();
    expect(certificate).toMatch(/^HH2026-\d{6}$/);
    expect(await result.textContent()).toContain('2029-03-20');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-cremated');
    await clerk.getByRole('button', { name: '知道了' }).click();

    await clerk.getByRole('menuitem', { name: '火化证明台账' }).click();
    const ledger = clerk.getByTestId('cremation-ledger');
    await expect.poll(() => ledger.textContent()).toContain(certificate);
    const entry = ledger.locator('tr', { hasText: certificate });
    expect(await entry.textContent()).toContain(a.number);
    expect(await entry.textContent()).toContain('已开具');
    expect(await entry.textContent()).toContain('随遗体');

    // An ordinary cremation: issued here, its ashes taken home.
    await clerk.getByTestId('ledger-issue').click();
    const issue = clerk.getByTestId('issue-dialog');
    await issue.getByTestId('issue-name').fill('黄志明');
    await issue.getByTestId('issue-name').press('Enter');
    await issue.waitFor({ state: 'detached' });
    await expect.poll(() => ledger.locator('tr', { hasText: '黄志明' }).count()).toBe(1);
    const ordinary = (await ledger.locator('tr', { hasText: '黄志明' }).locator('code').first().textContent())!;
    await ledger.getByTestId(`ledger-ashes-${ordinary}`).click();
    const ashes = clerk.getByTestId('register-ashes-dialog');
    await ashes.getByTestId('register-ashes-disposition').click();
    await clerk.locator('.ant-select-item-option', { hasText: '家属领回' }).click();
    await ashes.getByTestId('register-ashes-location').fill('家属黄伟领回');
    await ashes.getByTestId('register-ashes-location').press('Enter');
    await ashes.waitFor({ state: 'detached' });
    await expect.poll(() => ledger.locator('tr', { hasText: '黄志明' }).textContent()).toContain('已登记去向');
    // And one issued in error, for the reviewer to void.
    const { number: wrong } = await callApi(suite.app, 'cremation.issue', { deceasedName: '黄至明', crematedOn: '2026-03-20' }, clerkSession);

    await reviewer.getByRole('menuitem', { name: '火化证明台账' }).click();
    const rLedger = reviewer.getByTestId('cremation-ledger');
    await rLedger.getByTestId(`ledger-void-${wrong}`).click();
    const voiding = reviewer.getByTestId('void-dialog');
    await voiding.getByTestId('void-reason').fill('姓名录入错误（应为黄志明），已重开');
    await voiding.locator('button[type="submit"]').click();
    await voiding.waitFor({ state: 'detached' });
    await expect.poll(() => rLedger.locator('tr', { hasText: wrong }).textContent()).toContain('已作废');
    // The body's certificate is not voided from the ledger: its row offers nothing.
    expect(await rLedger.getByTestId(`ledger-void-${certificate}`).count()).toBe(0);
    await settle(reviewer);
    await snapshot(reviewer, 'unclaimed-cremation-ledger');

    // The reviewer tries to dispose of the ashes now: refused, naming the retention's end.
    await reviewer.getByRole('menuitem', { name: '无人认领遗体' }).click();
    await openTab(reviewer, 'cremated');
    await row(reviewer, a.number).getByTestId(`action-dispose-${a.number}`).click();
    const dispose = reviewer.getByTestId('dispose-dialog');
    await dispose.getByTestId('dispose-method').fill('集中树葬');
    await dispose.getByTestId('dispose-method').press('Enter');
    await expect.poll(() => dispose.textContent()).toContain('骨灰保存期至 2029-03-20，2029-03-21 起方可处置');
    await settle(reviewer);
    await snapshot(reviewer, 'unclaimed-ashes-refused');
    await reviewer.keyboard.press('Escape');
    await dispose.waitFor({ state: 'detached' });
  });

  it('a family claims 李秀兰 before any notice', async () => {
    await clerk.getByRole('menuitem', { name: '无人认领遗体' }).click();
    await openTab(clerk, 'stored');
    await row(clerk, b.number).getByTestId(`action-claim-${b.number}`).click();
    const dialog = clerk.getByTestId('claim-dialog');
    await dialog.getByTestId('claim-name').fill('王建华');
    await dialog.getByTestId('claim-id-number').fill(CLAIMANT_ID);
    await dialog.getByTestId('claim-relation').fill('儿子');
    await dialog.getByTestId('claim-verified-by').fill('户口簿（同一户）');
    await dialog.getByTestId('claim-verified-by').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await openTab(clerk, 'claimed');
    await expect.poll(() => row(clerk, b.number).textContent()).toContain('李秀兰');
    await settle(clerk);
    await snapshot(clerk, 'unclaimed-claimed');
    // Once claimed, nothing more: the server says why.
    await expect(callApi(suite.app, 'unclaimed.publishNotice', { id: b.id, noticeStart: '2026-03-20', medium: '惠州日报' }, clerkSession)).rejects.toThrow(/已由亲属认领/);
  });

  it('the dashboard shows what the records hold', async () => {
    const bodies = await list();
    const held = bodies.filter((x) => ['stored', 'notice', 'awaiting-approval', 'approved'].includes(x.stage));
    const leftOn = (x: Body): string | null => x.crematedOn ?? (x.stage === 'claimed' ? x.endedOn : null);
    const stockJan1 = bodies.filter((x) => x.intakeDate < '2026-01-01' && (leftOn(x) === null || leftOn(x)! >= '2026-01-01'));
    const disposed = stockJan1.filter((x) => leftOn(x)?.startsWith('2026'));
    expect(held.length).toBe(2);
    expect(stockJan1.length).toBe(3);
    expect(disposed.length).toBe(2);

    await reviewer.getByRole('menuitem', { name: '处置情况' }).click();
    const page = reviewer.getByTestId('unclaimed-dashboard-page');
    await page.waitFor();
    const value = async (testId: string): Promise<string> => (await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent())!;
    await expect.poll(() => value('dashboard-in-stock')).toBe(String(held.length));
    expect(await value('dashboard-stock-jan1')).toBe(String(stockJan1.length));
    expect(await value('dashboard-disposed')).toBe(String(disposed.length));
    for (const stage of ['stored', 'notice', 'awaiting-approval', 'approved', 'cremated', 'ashes-disposed', 'claimed']) {
      expect(await page.getByTestId(`dashboard-stage-${stage}-count`).textContent(), stage).toBe(String(bodies.filter((x) => x.stage === stage).length));
    }
    expect(await page.getByTestId('dashboard-ratio').textContent()).toContain('66.7%');
    expect(await page.getByTestId('dashboard-target').textContent()).toContain('未设定');
    // C's notice ran out on 2026-03-12 with nothing done; D (since 2025-10-01) is the longest stored.
    expect(await page.getByTestId('dashboard-expired').textContent()).toContain(c.number);
    expect(await page.getByTestId('dashboard-expired').textContent()).toContain('2026-03-12');
    const longest = page.getByTestId('dashboard-longest').locator('tbody tr').first();
    expect(await longest.textContent()).toContain('2025');
    expect(await longest.textContent()).toContain('171');
    await page.getByTestId('dashboard-chart').locator('canvas').waitFor();
    await settle(reviewer);
    await snapshot(reviewer, 'unclaimed-dashboard');
  });

  it('three years on, the reviewer disposes of the ashes; the ledger records where they went', async () => {
    await suite.restart({ CIVREG_CLOCK: '2029-03-21T04:00:00.000Z' });
    reviewer = await openLoggedIn(suite.browser, suite.app, REVIEWER);
    await reviewer.getByRole('menuitem', { name: '无人认领遗体' }).click();
    await openTab(reviewer, 'cremated');
    await row(reviewer, a.number).getByTestId(`action-dispose-${a.number}`).click();
    const dispose = reviewer.getByTestId('dispose-dialog');
    expect(await dispose.getByTestId('dispose-date').inputValue()).toBe('2029-03-21');
    await dispose.getByTestId('dispose-method').fill('集中树葬');
    await dispose.getByTestId('dispose-method').press('Enter');
    await dispose.waitFor({ state: 'detached' });
    await openTab(reviewer, 'ashes-disposed');
    await expect.poll(() => row(reviewer, a.number).textContent()).toContain('集中树葬');
    await reviewer.getByRole('menuitem', { name: '火化证明台账' }).click();
    const entry = reviewer.getByTestId('cremation-ledger').locator('tr', { hasText: certificate });
    await expect.poll(() => entry.textContent()).toContain('已登记去向');
    expect(await entry.textContent()).toContain('集中树葬');
    await settle(reviewer);
    await snapshot(reviewer, 'unclaimed-ledger-ashes-disposed');
  });
});
