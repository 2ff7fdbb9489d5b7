import { describe, expect, it } from 'vitest';
import { snapshot } from './harness';
import { signedInSuite } from './signed-in-suite';


describe('the certificate booklet ledger, as a supervisor keeps it', () => {
  const suite = signedInSuite();

  it('receives a batch, voids a spoiled booklet, and the totals balance', async () => {
    await suite.page.getByRole('menuitem', { name: '证书台账' }).click();
    const ledger = suite.page.getByTestId('booklets-page');
    await ledger.getByRole('button', { name: '领入空白证书' }).click();
    const receive = suite.page.getByTestId('receive-booklets-form');
    await receive.getByText('结婚证', { exact: true }).click();
    await receive.getByLabel('编号前缀').fill('gd2026');
    await receive.getByLabel('起始号').fill('1');
    await receive.getByLabel('终止号').fill('100');
    await expect.poll(() => suite.page.getByTestId('receive-booklets-hint').textContent()).toContain('GD20260000001');
    await suite.page.getByRole('dialog').getByRole('button', { name: '领入' }).click();
    await expect.poll(() => suite.page.getByTestId('booklet-totals-marriage').textContent()).toContain('100');

    await ledger.getByRole('button', { name: '作废' }).click();
    const voidForm = suite.page.getByTestId('void-booklet-form');
    await voidForm.getByLabel('印制编号').fill('GD20260000003');
    await voidForm.getByLabel('作废原因').fill('套打错位，证书印坏');
    await suite.page.getByRole('dialog').getByRole('button', { name: '确认作废' }).click();
    await expect.poll(() => suite.page.getByTestId('booklet-recent').textContent()).toContain('GD20260000003');
    const totals = await suite.page.getByTestId('booklet-totals-marriage').textContent();
    expect(totals).toContain('领入 100 = 已用 0 + 作废 1 + 库存 99');
    await snapshot(suite.page, 'booklets-ledger');
  });
});
