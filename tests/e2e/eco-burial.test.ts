import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { ADMIN, STAFF, addFuneralStaff, callApi, loginApi, openLoggedIn, snapshot, type User } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

const CLERK: User = STAFF.funeral;
const REVIEWER: User = STAFF.reviewer;
/** 梁志明, 中山 户籍, died 2026-11-10, buried at sea on 2026-11-18: 中山 pays 1,000 元. */
const DECEASED_ID = id('44200019400308123');
const APPLICANT_ID = id('44200019700512201');
/** 周美玲, 户籍 elsewhere: 中山's subsidy is for its own 户籍 only. */
const VISITOR_ID = id('36010219450101222');

const settle = (page: Page): Promise<void> => page.waitForTimeout(600);

/** Where the keyboard is: the focused element's nearest data-testid. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

describe('生态安葬奖补: the funeral home takes the application, the bureau approves and pays', () => {
  // 2026-11-20 by the station's clock.
  const suite = signedInSuite({ CIVREG_CLOCK: '2026-11-20T04:00:00.000Z' });
  let clerk: Page;
  let reviewer: Page;
  let clerkSession: string;
  let number: string;

  beforeAll(async () => {
    clerkSession = await addFuneralStaff(suite.app);
  });

  it('the administrator selects 中山 as the eco-burial scheme; 系统设置 shows its amounts', async () => {
    await callApi(suite.app, 'ecoBurial.selectPolicy', { schemeId: 'zhongshan' }, await loginApi(suite.app, ADMIN));
    const { page } = suite;
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    const section = page.getByTestId('eco-policy-section');
    await section.getByTestId('eco-scheme-current').filter({ hasText: '中山市节地生态安葬奖补' }).waitFor();
    const versions = await section.getByTestId('eco-scheme-versions').textContent();
    expect(versions).toContain('1,000.00 元');
    expect(versions).toContain('仅限本市户籍');
    await section.scrollIntoViewIfNeeded();
    await settle(page);
    await snapshot(page, 'eco-burial-settings');
  });

  it('the funeral clerk applies for a sea burial from the keyboard; 试算 shows 1,000.00 元', async () => {
    clerk = await openLoggedIn(suite.browser, suite.app, CLERK);
    await clerk.getByRole('link', { name: '进入生态安葬奖补' }).click();
    await clerk.getByTestId('eco-burial-page').waitFor();
    const k = clerk.keyboard;
    await clerk.getByTestId('eco-deceased-name').click();
    await k.type('梁志明');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('eco-deceased-id');
    await k.type(DECEASED_ID);
    await k.press('Enter');
    await k.type('20261110');
    await k.press('Enter');
    expect(await clerk.getByTestId('eco-date-of-death').inputValue()).toBe('2026-11-10');
    expect(await focused(clerk)).toBe('eco-hukou-in-city');
    await k.press('Enter'); // 本市户籍: 是
    expect(await focused(clerk)).toBe('eco-burial-type');
    await k.press('Space'); // 海葬, the first
    await k.press('Enter');
    expect(await focused(clerk)).toBe('eco-burial-date');
    await k.type('20261118');
    await k.press('Enter');
    await k.type('中山市海域（磨刀门外）');
    await k.press('Enter');
    // The amount is known before the applicant's details are typed.
    await expect.poll(() => clerk.getByTestId('eco-trial-amount').textContent()).toBe('1,000.00 元');
    expect(await clerk.getByTestId('eco-trial-reason').textContent()).toContain('海葬奖补');
    expect(await focused(clerk)).toBe('eco-applicant-name');
    await k.type('梁伟');
    await k.press('Enter');
    await k.type(APPLICANT_ID);
    await k.press('Enter');
    await k.type('儿子');
    await k.press('Enter');
    await k.type('中国工商银行中山分行 6222020200112233445');
    await k.press('Enter');
    expect(await focused(clerk)).toBe('eco-submit');
    await expect.poll(() => clerk.getByTestId('eco-trial-result').count()).toBe(1);
    await settle(clerk);
    await snapshot(clerk, 'eco-burial-trial');
    await k.press('Control+Enter');
    const outcome = clerk.getByTestId('eco-outcome');
    await outcome.waitFor();
    expect(await outcome.getByTestId('eco-outcome-amount').textContent()).toBe('1,000.00 元');
    number = (await outcome.getByTestId('eco-number').textContent())!;
    // The list below: one pending, 1,000.00 元.
    await expect.poll(() => clerk.getByTestId('eco-total').textContent()).toContain('1 件');
    expect(await clerk.getByTestId('eco-total').textContent()).toContain('1,000.00 元');
    expect(await clerk.getByTestId('eco-list').textContent()).toContain(number);
    await settle(clerk);
    await snapshot(clerk, 'eco-burial-submitted');
  });

  it('a deceased without 中山 户籍: 试算 shows the refusal', async () => {
    await clerk.getByTestId('eco-new').click();
    await clerk.getByTestId('eco-deceased-name').fill('周美玲');
    await clerk.getByTestId('eco-deceased-id').fill(VISITOR_ID);
    await clerk.getByTestId('eco-date-of-death').fill('2026-11-12');
    await clerk.getByTestId('eco-hukou-in-city').click();
    await clerk.getByTestId('eco-burial-type').getByText('海葬').click();
    await clerk.getByTestId('eco-burial-date').fill('2026-11-19');
    await clerk.getByTestId('eco-burial-place').fill('中山市海域');
    const refusal = clerk.getByTestId('eco-trial-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('不予补贴');
    expect(await refusal.textContent()).toContain('仅限本市户籍');
    expect(await clerk.getByTestId('eco-trial-amount').count()).toBe(0);
    await settle(clerk);
    await snapshot(clerk, 'eco-burial-refusal');
  });

  it('the reviewer approves and records the payment; the list shows it 已发放 with the total', async () => {
    const [subsidy] = (await callApi(suite.app, 'ecoBurial.list', {}, clerkSession)).items.filter((s) => s.number === number);
    reviewer = await openLoggedIn(suite.browser, suite.app, REVIEWER);
    await reviewer.getByRole('link', { name: '进入生态安葬奖补' }).click();
    await reviewer.getByTestId('eco-burial-page').waitFor();
    expect(await reviewer.getByTestId('eco-form').count()).toBe(0);
    await expect.poll(() => reviewer.getByTestId('eco-list').textContent()).toContain(number);
    await reviewer.getByTestId(`eco-approve-${subsidy.id}`).click();
    await reviewer.getByTestId('eco-tab-approved').click();
    await reviewer.getByTestId(`eco-pay-${subsidy.id}`).click();
    const pay = reviewer.getByTestId('eco-pay-form');
    await pay.waitFor();
    expect(await reviewer.getByTestId('eco-paid-on').inputValue()).toBe('2026-11-20');
    await reviewer.getByTestId('eco-payment-reference').fill('ZS-GK-2026-118803');
    await reviewer.getByTestId('eco-payment-reference').press('Enter');
    await pay.waitFor({ state: 'detached' });
    await reviewer.getByTestId('eco-tab-paid').click();
    await expect.poll(() => reviewer.getByTestId('eco-total').textContent()).toBe('已发放共 1 件，奖补金额合计 1,000.00 元');
    const list = await reviewer.getByTestId('eco-list').textContent();
    expect(list).toContain(number);
    expect(list).toContain('2026-11-20 发放');
    expect(list).toContain('ZS-GK-2026-118803');
    const saved = (await callApi(suite.app, 'ecoBurial.list', { status: 'paid' }, clerkSession)).items;
    expect(saved.map((s) => [s.number, s.amount, s.paymentReference])).toEqual([[number, 100000, 'ZS-GK-2026-118803']]);
    await settle(reviewer);
    await snapshot(reviewer, 'eco-burial-paid');
  });
});
