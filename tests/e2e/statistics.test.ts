import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { ADMIN, STAFF, addUser, callApi, loginApi, openLoggedIn, snapshot, type User } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);

describe('婚姻登记统计, as a supervisor reads and exports it', () => {
  // The station (442000) is in Guangdong; 2026-11-23 by its clock.
  const suite = signedInSuite({ CIVREG_CLOCK: '2026-11-23T04:00:00.000Z' }, { role: 'reviewer' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-stats-'));
  /** The registrar whose work the figures count. */
  let registrar: User;

  beforeAll(async () => {
    registrar = await addUser(suite.app, await loginApi(suite.app, ADMIN), STAFF.registrar);
    const session = await loginApi(suite.app, registrar);
    const couple = (m: string, f: string) => ({
      party1: { name: '张伟', sex: 'male' as const, idNumber: id(m) },
      party2: { name: '阿依古丽·买买提', sex: 'female' as const, idNumber: id(f) },
    });
    // One couple from here, one with a bride from Xinjiang (跨省通办), and one refused as under age.
    await callApi(suite.app, 'marriage.register', { ...couple('44200019900101113', '44200019920202124'), declarationSigned: true, consentConfirmed: true }, session);
    await callApi(suite.app, 'marriage.register', { ...couple('44200019930307123', '65010219950611004'), declarationSigned: true, consentConfirmed: true }, session);
    await callApi(suite.app, 'marriage.refuse', { ...couple('44200020100101133', '44200020090101144'), reasonCode: 'under-age', reason: '双方均未达法定婚龄' }, session);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens 统计 on the station’s month to date, with the figures, the chart and the table', async () => {
    const page = suite.page;
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.getByTestId('statistics-page').waitFor();
    await expect.poll(() => page.getByTestId('stats-total-marriages').textContent()).toContain('2');
    expect(await page.getByTestId('stats-total-refusals').textContent()).toContain('1');
    expect(await page.getByTestId('stats-cross-province').textContent()).toContain('50.0%');
    // The range the server chose by the station clock, not the browser's.
    const range = page.getByTestId('statistics-page').locator('.ant-picker-range input');
    expect(await range.nth(0).inputValue()).toBe('2026-11-01');
    expect(await range.nth(1).inputValue()).toBe('2026-11-23');
    await page.getByTestId('stats-chart').locator('canvas').first().waitFor();
    const row = page.getByTestId('stats-table').locator('tr', { hasText: '2026-11-23' });
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['2026-11-23', '2', '0', '0', '1', '1']);
    await snapshot(page, 'statistics-month-to-date');
  });

  it('按月 shows the month, and 导出 Excel saves a workbook with the same figures', async () => {
    const page = suite.page;
    await page.getByTestId('stats-granularity').getByText('按月').click();
    await expect.poll(() => page.getByTestId('stats-table').locator('tbody tr').first().textContent()).toContain('2026-11');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    expect(download.suggestedFilename()).toBe('婚姻登记统计_2026-11-01_2026-11-23.xlsx');
    const file = path.join(dir, 'stats.xlsx');
    await download.saveAs(file);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['按月', '按日', '跨省通办', '不予登记原因', '离婚登记申请']);
    const monthly = workbook.getWorksheet('按月')!;
    expect(String(monthly.getCell('A1').value)).toContain('中山市民政局婚姻登记处');
    expect(monthly.getRow(4).values).toEqual([undefined, '2026-11', 2, 0, 0, 1, 1]);
    await snapshot(page, 'statistics-by-month');
  });

  it('a registrar is not offered 统计, and the page itself says no', async () => {
    const page = await openLoggedIn(suite.browser, suite.app, registrar);
    expect(await page.getByRole('menuitem', { name: '统计' }).count()).toBe(0);
    await page.evaluate(() => {
      window.location.hash = '#/statistics';
    });
    await expect.poll(() => page.getByTestId('forbidden').textContent()).toContain('婚姻登记统计仅限审核员、管理员');
  });
});
