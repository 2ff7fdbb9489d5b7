import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar, type OpInput } from '../../src-main/contract';
import { inkCount, pdfText, rasterize, squash } from '../print/raster';
import { STAFF, addFuneralStaff, callApi, chooseFuneralScheme, openFuneralPolicy, openLoggedIn, snapshot, type User } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

const CLERK: User = STAFF.funeral;
const REVIEWER: User = STAFF.reviewer;

/** 张国强, male (the 17th digit is odd), died 2026-11-15: the services cost 2,150 元, over 惠州's 1,780 元 cap. */
const DECEASED_ID = id('44130219400308123');
const PAYER_ID = id('44130219700512201');
/** 刘秀英, female: entered by script, returned by the reviewer, corrected at the desk. */
const SECOND_ID = id('44130219450101222');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-funeral-'));

/** A PDF's first page as a PNG under test-results/, to look at beside the screenshots. */
function pdfSnapshot(file: string, name: string): void {
  const results = path.resolve(__dirname, '../../test-results');
  fs.mkdirSync(results, { recursive: true });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', '1', '-l', '1', file, path.join(results, name)]);
}

/** Let opening dialogs and fading spinners finish before a screenshot. */
const settle = (page: Page): Promise<void> => page.waitForTimeout(600);

async function download(page: Page, click: () => Promise<void>, name: string): Promise<{ file: string; suggested: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return { file, suggested: dl.suggestedFilename() };
}

/** Where the keyboard is: the focused element's data-testid, or its own, or its nearest ancestor's. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.getAttribute('data-testid') ?? null;
  });
}

describe('殡葬费用减免: the funeral home enters, the bureau reviews and settles the month', () => {
  // 2026-11-20 by the station's clock.
  const suite = signedInSuite({ CIVREG_CLOCK: '2026-11-20T04:00:00.000Z' });
  let clerk: Page;
  let reviewer: Page;
  let clerkSession: string;

  beforeAll(async () => {
    clerkSession = await addFuneralStaff(suite.app);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the administrator chooses 惠州 as the local scheme under 系统设置 → 殡葬减免政策', async () => {
    const { page } = suite;
    const section = await openFuneralPolicy(page);
    expect(await section.getByTestId('funeral-scheme-current').textContent()).toContain('尚未选择');
    await chooseFuneralScheme(page, section, '惠州市基本殡葬服务减免');
    // The chosen scheme opens with its versions; a version opens to its items and caps.
    const versions = section.getByTestId('policy-versions-huizhou');
    await versions.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => versions.textContent()).toContain('1,780.00 元');
    expect(await versions.textContent()).toContain('2025-06-01 起');
    await section.scrollIntoViewIfNeeded();
    await settle(page);
    await snapshot(page, 'funeral-settings-policy');
  });

  it('the funeral clerk enters a waiver from the keyboard; 试算 caps it at 1,780.00 元', async () => {
    clerk = await openLoggedIn(suite.browser, suite.app, CLERK);
    // The home page offers the work, and leads to the desk.
    await clerk.getByRole('link', { name: '进入殡葬费用减免' }).click();
    await clerk.getByTestId('funeral-waiver-page').waitFor();
    const name = clerk.getByTestId('deceased-name');
    await name.click();
    const k = clerk.keyboard;
    await k.type('张国强');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('deceased-id-number');
    await k.type(DECEASED_ID);
    await k.press('Enter');
    // The number gave the birth date and the sex; the birth date field is passed over.
    expect(await clerk.getByTestId('deceased-birth-date').inputValue()).toBe('1940-03-08');
    await k.press('Enter'); // 性别 (read from the number)
    expect(await focused(clerk)).toBe('deceased-date-of-death');
    await k.type('20261115');
    await k.press('Enter');
    expect(await clerk.getByTestId('deceased-date-of-death').inputValue()).toBe('2026-11-15');
    await k.type('惠州死证〔2026〕0815 号');
    await k.press('Enter');
    await k.type('广东省惠州市惠城区江北街道');
    await k.press('Enter');
    await k.type('惠州市中心人民医院');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('deceased-hukou-in-city');
    await k.press('Enter'); // 本市户籍: 是
    await k.press('Enter'); // 在本市死亡: 是
    await k.press('Enter'); // 在本市殡仪馆火化: 是
    expect(await focused(clerk)).toBe('waiver-category');
    await k.press('Enter'); // the one category of the version, preselected
    // The services: Space ticks, Enter goes to the quantity, the charge, the next item.
    const services: [string, number, string][] = [
      ['transport', 1, '300'],
      ['washing', 1, '200'],
      ['storage', 3, '450'],
      ['farewell', 1, '400'],
      ['cremation', 1, '500'],
      ['urn', 1, '300'],
    ];
    for (const [item, quantity, cost] of services) {
      expect(await focused(clerk)).toBe(`service-${item}-checked`);
      await k.press('Space');
      await k.press('Enter');
      expect(await focused(clerk)).toBe(`service-${item}-quantity`);
      if (quantity !== 1) {
        await k.press('Control+A');
        await k.type(String(quantity));
      }
      await k.press('Enter');
      await k.type(cost);
      await k.press('Enter');
    }
    // 骨灰寄存 and 生态安葬 are not used: on to the payer.
    await clerk.getByTestId('payer-name').click();
    await k.type('张明');
    await k.press('Enter');
    await k.type(PAYER_ID);
    await k.press('Enter');
    await k.type('儿子');

    // The live 试算: 2,150.00 元 charged, the cap holds the waiver to 1,780.00 元, the family pays 370.00 元.
    const panel = clerk.getByTestId('computation-panel');
    await expect.poll(() => panel.getByTestId('computation-waived').textContent(), { timeout: 10_000 }).toBe('1,780.00 元');
    await expect.poll(() => clerk.locator('[data-fresh="yes"]').count()).toBe(1);
    expect(await panel.getByTestId('computation-claimed').textContent()).toBe('2,150.00 元');
    expect(await panel.getByTestId('computation-family').textContent()).toBe('370.00 元');
    expect(await panel.getByTestId('computation-cap').textContent()).toContain('每具遗体减免总额不超过 1,780.00 元');
    expect(await panel.getByTestId('computation-line-storage').textContent()).toContain('遗体冷藏按实际费用减免');
    expect(await panel.getByTestId('computation-proofs').textContent()).toContain('火化证明');
    await settle(clerk);
    await snapshot(clerk, 'funeral-entry-trial');

    await k.press('Control+Enter');
    const outcome = clerk.getByTestId('waiver-outcome');
    await outcome.waitFor();
    const number = (await outcome.getByTestId('waiver-number').textContent())!;
    expect(number).toMatch(/\d/);
    expect(await outcome.getByTestId('waiver-outcome-waived').textContent()).toBe('1,780.00 元');
    // The 减免审批表 for the family's and the clerk's signatures.
    const { file } = await download(clerk, () => outcome.getByTestId('waiver-form-document-pdf').click(), 'waiver-form.pdf');
    pdfSnapshot(file, 'funeral-waiver-form-pdf');
    const text = squash(pdfText(fs.readFileSync(file)));
    expect(text).toContain('基本殡葬服务费用减免审批表');
    expect(text).toContain('张国强');
    expect(text).toContain('1,780.00元');
    await expect.poll(() => clerk.getByTestId('waiver-list').textContent()).toContain(number);
    expect(await clerk.getByTestId('waiver-list').textContent()).toContain('待审核');
    await settle(clerk);
    await snapshot(clerk, 'funeral-entry-submitted');
  });

  it('a second waiver for the same person is refused, with the reason', async () => {
    await clerk.keyboard.press('Alt+N');
    const name = clerk.getByTestId('deceased-name');
    await name.waitFor();
    await name.fill('张国强');
    await clerk.getByTestId('deceased-id-number').fill(DECEASED_ID);
    await clerk.getByTestId('deceased-date-of-death').fill('2026-11-15');
    await clerk.getByTestId('deceased-death-certificate').fill('惠州死证〔2026〕0815 号');
    await clerk.getByTestId('deceased-hukou').fill('广东省惠州市惠城区');
    await clerk.getByTestId('deceased-place-of-death').fill('惠州市中心人民医院');
    await clerk.getByTestId('service-cremation-checked').check();
    await clerk.getByTestId('service-cremation-cost').fill('500');
    await clerk.getByTestId('payer-name').fill('张明');
    await clerk.getByTestId('payer-id-number').fill(PAYER_ID);
    await clerk.getByTestId('payer-relation').locator('input').fill('儿子');
    // The trial already says so …
    await expect.poll(() => clerk.getByTestId('computation-refusals').textContent().catch(() => ''), { timeout: 10_000 }).toContain('不能重复减免');
    // … and submitting is refused, naming the earlier waiver.
    await clerk.getByTestId('waiver-submit').click();
    await expect.poll(() => clerk.getByTestId('waiver-error').textContent()).toContain('不能重复减免');
    expect(await clerk.getByTestId('waiver-form').textContent()).toContain('已办理减免');
    await settle(clerk);
    await snapshot(clerk, 'funeral-entry-duplicate');
  });

  it('the reviewer returns one waiver with a reason and approves the other', async () => {
    const second: OpInput<'funeral.enterWaiver'> = {
      deceased: {
        name: '刘秀英',
        sex: 'female',
        documentType: 'resident-id',
        idNumber: SECOND_ID,
        dateOfDeath: '2026-11-16',
        hukou: '广东省惠州市惠阳区',
        hukouInCity: true,
        placeOfDeath: '惠阳区人民医院',
        diedInCity: true,
        crematedAtCityHome: true,
        deathCertificateNumber: '惠州死证〔2026〕0816 号',
      },
      categoryId: 'all',
      exclusionIds: [],
      services: [
        { itemId: 'cremation', quantity: 1, actualCost: 50_000 },
        { itemId: 'urn', quantity: 1, actualCost: 20_000 },
      ],
      payer: { name: '黄伟', idNumber: PAYER_ID, relation: '配偶' },
    };
    const entered = await callApi(suite.app, 'funeral.enterWaiver', second, clerkSession);
    expect(entered.totalWaived).toBe(70_000);

    reviewer = await openLoggedIn(suite.browser, suite.app, REVIEWER);
    await reviewer.getByRole('link', { name: '进入殡葬减免审核' }).click();
    const list = reviewer.getByTestId('review-list');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(2);
    await settle(reviewer);
    await snapshot(reviewer, 'funeral-review-pending');

    // 刘秀英: returned.
    await reviewer.getByTestId(`review-open-${entered.id}`).click();
    const drawer = reviewer.getByTestId('review-drawer');
    await drawer.getByTestId('waiver-detail').waitFor();
    expect(await drawer.textContent()).toContain('刘秀英');
    await reviewer.getByTestId('review-reject').click();
    const reject = reviewer.getByTestId('reject-form');
    await reject.getByLabel('退回原因').fill('骨灰盒收费与收费清单不符，请核对');
    await reject.getByRole('button', { name: '退 回' }).or(reject.getByRole('button', { name: '退回' })).click();
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);

    // 张国强: approved, into November's settlement.
    await reviewer.locator('[data-testid^="review-open-"]').first().click();
    await drawer.getByTestId('waiver-detail').waitFor();
    expect(await drawer.getByTestId('computation-waived').textContent()).toBe('1,780.00 元');
    expect(await drawer.textContent()).toContain('每具遗体减免总额不超过 1,780.00 元');
    await settle(reviewer);
    await snapshot(reviewer, 'funeral-review-detail');
    await reviewer.keyboard.press('Alt+A');
    await expect.poll(() => list.textContent()).toContain('没有待审核的减免');
  });

  it('the clerk corrects the returned waiver and sends it again', async () => {
    await clerk.getByTestId('waiver-reset').click();
    const list = clerk.getByTestId('waiver-list');
    await clerk.getByTestId('waiver-status-filter').getByText('已退回').click();
    await expect.poll(() => list.textContent()).toContain('骨灰盒收费与收费清单不符');
    await list.locator('[data-testid^="waiver-correct-"]').click();
    await clerk.getByTestId('waiver-correcting').waitFor();
    expect(await clerk.getByTestId('deceased-name').inputValue()).toBe('刘秀英');
    expect(await clerk.getByTestId('deceased-birth-date').inputValue()).toBe('1945-01-01');
    expect(await clerk.getByTestId('service-urn-cost').inputValue()).toBe('200.00');
    await clerk.getByTestId('service-urn-cost').fill('150');
    await settle(clerk);
    await snapshot(clerk, 'funeral-entry-correcting');
    await clerk.keyboard.press('Control+Enter');
    const outcome = clerk.getByTestId('waiver-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('已修改并重新提交审核');
    expect(await outcome.getByTestId('waiver-outcome-waived').textContent()).toBe('650.00 元');

    // Back with the reviewer, approved this time.
    await reviewer.getByTestId('waiver-status-filter').getByText('全部').click();
    await reviewer.getByTestId('waiver-status-filter').getByText('待审核').click();
    await reviewer.locator('[data-testid^="review-open-"]').first().click();
    await reviewer.getByTestId('review-drawer').getByTestId('waiver-detail').waitFor();
    await reviewer.getByTestId('review-approve').click();
    await expect.poll(() => reviewer.getByTestId('review-list').textContent()).toContain('没有待审核的减免');
  });

  it('the reviewer submits November: the statement PDF and the Excel export carry the same total', async () => {
    await reviewer.getByRole('menuitem', { name: '月度结算' }).click();
    const page = reviewer.getByTestId('funeral-settlement-page');
    await page.waitFor();
    // The month with approved waivers is shown: 2 people, 1,780.00 + 650.00 元.
    await expect.poll(() => page.getByTestId('settlement-total').textContent()).toBe('2,430.00 元');
    expect(await page.getByTestId('settlement-count').textContent()).toBe('2 件');
    expect(await page.getByTestId('settlement-status').textContent()).toContain('未提交');
    expect(await page.locator('.ant-picker input').inputValue()).toBe('2026-11');
    await page.getByTestId('settlement-close').click();
    await reviewer.getByTestId('settlement-close-confirm').click();
    await expect.poll(() => page.getByTestId('settlement-status').textContent()).toContain('已提交');
    expect(await page.getByTestId('settlement-close').isDisabled()).toBe(true);
    await settle(reviewer);
    await snapshot(reviewer, 'funeral-settlement-closed');

    // 打印结算汇总表 → 保存 PDF.
    const pdf = await download(reviewer, () => page.getByTestId('settlement-document-pdf').click(), 'statement.pdf');
    pdfSnapshot(pdf.file, 'funeral-statement-pdf');
    const bytes = fs.readFileSync(pdf.file);
    const text = squash(pdfText(bytes));
    expect(text).toContain('基本殡葬服务费用减免月度结算汇总表');
    expect(text).toContain('2026年11月');
    expect(text).toContain('2,430.00元');
    expect(text).toContain('2人');
    expect(text).toContain('已提交');
    const [first] = rasterize(bytes, 100);
    // An A4 page with ink on it, inside the margins (nothing printed within 5 mm of an edge).
    expect(Math.round(first.width / first.pxPerMm)).toBe(210);
    expect(inkCount(first)).toBeGreaterThan(2000);
    const edge = 5;
    for (const box of [
      { x: 0, y: 0, width: 210, height: edge },
      { x: 0, y: 297 - edge, width: 210, height: edge },
      { x: 0, y: 0, width: edge, height: 297 },
      { x: 210 - edge, y: 0, width: edge, height: 297 },
    ]) {
      expect(inkCount(first, box)).toBe(0);
    }

    // 导出 Excel: 汇总's total row is the same amount.
    const xlsx = await download(reviewer, () => page.getByTestId('settlement-export').click(), 'settlement.xlsx');
    expect(xlsx.suggested).toBe('殡葬费用减免结算_中山市民政局婚姻登记处_2026-11.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx.file);
    const summary = workbook.getWorksheet('汇总')!;
    const headers = (summary.getRow(3).values as unknown[]).map(String);
    const total = summary.getRow(summary.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(headers.indexOf('减免金额（元）')).value).toBe(2430);
    expect(total.getCell(headers.indexOf('实际收费（元）')).value).toBe(2800);
    const detail = workbook.getWorksheet('明细')!;
    expect(detail.rowCount).toBe(3 + 2 + 1);
  });

  it('the clerk reads the month, without the submit button', async () => {
    await clerk.getByRole('menuitem', { name: '月度结算' }).click();
    const page = clerk.getByTestId('funeral-settlement-page');
    await expect.poll(() => page.getByTestId('settlement-status').textContent()).toContain('已提交');
    expect(await page.getByTestId('settlement-close').count()).toBe(0);
    expect(await clerk.getByRole('menuitem', { name: '殡葬减免审核' }).count()).toBe(0);
  });

  it('after November is submitted the clerk corrects 张国强 from the keyboard: 冲销 in December, a new waiver with its scan', async () => {
    await clerk.getByRole('menuitem', { name: '殡葬费用减免' }).click();
    const list = clerk.getByTestId('waiver-list');
    await clerk.getByTestId('waiver-status-filter').getByText('已审核通过').click();
    await expect.poll(() => list.textContent()).toContain('张国强');
    const row = list.locator('tr.ant-table-row', { hasText: '张国强' });
    const original = (await row.locator('code').textContent())!;
    const amend = row.locator('[data-testid^="waiver-correct-"]');
    expect(await amend.textContent()).toBe('更正（冲销）');
    await amend.focus();
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('waiver-correcting').waitFor();
    // The 更正原因 is the first field: typed where the cursor is, then the changed charge, then Ctrl+Enter.
    await expect.poll(() => focused(clerk)).toBe('waiver-correction-reason');
    await clerk.keyboard.type('遗体冷藏实为 2 天');
    await clerk.getByTestId('service-storage-cost').fill('300');
    await clerk.getByTestId('waiver-form').locator('input[type="file"]').setInputFiles({ name: '死亡证明.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    await clerk.keyboard.press('Control+Enter');
    const outcome = clerk.getByTestId('waiver-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain(`已冲销 ${original}`);
    const replacement = (await outcome.getByTestId('waiver-number').textContent())!;
    expect(replacement).not.toBe(original);

    // The new waiver's detail lists the scan; December's statement carries the reversal, negative.
    await clerk.getByTestId('waiver-status-filter').getByText('待审核').click();
    await list.locator('tr.ant-table-row', { hasText: replacement }).locator('[data-testid^="waiver-view-"]').click();
    const drawer = clerk.getByTestId('waiver-drawer');
    await expect.poll(() => drawer.getByTestId('waiver-attachments').textContent()).toContain('死亡证明.png');
    expect(await drawer.getByTestId('waiver-replaces').textContent()).toContain('遗体冷藏实为 2 天');
    await clerk.keyboard.press('Escape');
    await clerk.getByRole('menuitem', { name: '月度结算' }).click();
    const month = clerk.getByTestId('funeral-settlement-page').locator('.ant-picker input');
    await month.click();
    await month.fill('2026-12');
    await month.press('Enter');
    const items = clerk.getByTestId('settlement-items');
    await expect.poll(() => items.getByTestId(`settlement-reversal-${original}`).count()).toBe(1);
    expect(await items.textContent()).toContain('-1,780.00 元');
    await expect.poll(() => clerk.getByTestId('settlement-total').textContent()).toBe('-1,780.00 元');
    await settle(clerk);
    await snapshot(clerk, 'funeral-settlement-reversal');
  });

  it('the administrator adds 惠州’s next version; the server’s field messages show under the fields', async () => {
    const { page } = suite;
    const section = page.getByTestId('funeral-policy-section');
    await section.getByTestId('policy-add-version-huizhou').click();
    const form = page.getByTestId('policy-version-form');
    await form.getByLabel('版本编号').fill('hz-2027');
    await form.getByLabel('版本名称').fill('2027 年方案');
    await form.getByLabel('生效日期').fill('20270101');
    await form.getByLabel('失效日期').fill('2026-12-01');
    await form.getByLabel('每具遗体减免总额上限（元）').fill('1880');
    await form.getByRole('button', { name: '新增版本' }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('早于生效日期 2027-01-01')]);
    await settle(page);
    await snapshot(page, 'funeral-settings-version-error');
    await form.getByLabel('失效日期').fill('');
    await form.getByRole('button', { name: '新增版本' }).click();
    await form.waitFor({ state: 'detached' });
    const versions = section.getByTestId('policy-versions-huizhou');
    await expect.poll(() => versions.textContent()).toContain('2027 年方案');
    // The running version now ends the day before; the one the waivers used keeps its rules.
    expect(await versions.textContent()).toContain('2025-06-01 至 2026-12-31');
    expect(await versions.textContent()).toContain('1,880.00 元');
    expect(await versions.textContent()).toContain('已有减免使用');
  });
});
