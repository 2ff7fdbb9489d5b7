import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src-main/contract';
import { startPlatformSimulator, type PlatformSimulator } from '../../src-main/platform-sim/server';
import { ADMIN, addUser, callApi, loginApi, openLoggedIn, snapshot, STAFF } from './harness';
import { signedInSuite } from './signed-in-suite';

const id = (first17: string): string => first17 + idCheckChar(first17);
const SECRET = Buffer.alloc(32, 5).toString('base64');
const STATION_ID = 'GD-ZS-01';

/**
 * Sync as the counter and the supervisor see it, against the platform simulator: a registration made
 * while the platform is down waits as 待上报 and goes when it is back; a registration the platform rejects
 * shows on 数据同步 with its reason, is corrected there, and goes through.
 */
describe('sync with the provincial platform, in the UI', () => {
  let sim: PlatformSimulator;
  const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-sim-'));
  const suite = signedInSuite({ CIVREG_SYNC_BACKOFF_MS: '100', CIVREG_SYNC_MAX_BACKOFF_MS: '400' }, { role: 'registrar' });
  const party = (n: 1 | 2): Locator => suite.page.getByTestId(`party${n}-form`);
  const statusBar = (): Promise<string | null> => suite.page.getByTestId('status-bar').textContent();

  beforeAll(async () => {
    sim = await startPlatformSimulator({ dbFile: path.join(simDir, 'platform.sqlite'), seedStations: [{ stationId: STATION_ID, secret: SECRET }] });
    const admin = await loginApi(suite.app, ADMIN);
    await addUser(suite.app, admin, STAFF.reviewer);
    await callApi(suite.app, 'sync.configure', { url: sim.url, secret: SECRET, blockSize: 20 }, admin);
  });
  afterAll(async () => {
    await sim?.close();
    fs.rmSync(simDir, { recursive: true, force: true });
  });

  /** Both parties typed in by hand (no card reader), then 审查 with Enter. */
  async function fillAndCheck(page: Page, groom: { name: string; id: string }, bride: { name: string; id: string }): Promise<void> {
    await page.getByRole('menuitem', { name: '结婚登记' }).click();
    await party(1).getByLabel('姓名').fill(groom.name);
    await party(1).getByLabel('证件号码').fill(groom.id);
    await party(2).getByLabel('姓名').fill(bride.name);
    await party(2).getByLabel('证件号码').fill(bride.id);
    await party(2).getByLabel('证件号码').press('Enter');
  }

  it('online: the station leased its serials and says so in the status bar', async () => {
    await expect.poll(statusBar, { timeout: 20_000 }).toContain('在线');
    expect(sim.store.serialBlocks().filter((b) => b.stationId === STATION_ID)).toHaveLength(5);
  });

  it('the platform down: the check says so, a supervisor authorizes, the registration waits as 待上报 — then goes', async () => {
    const page = suite.page;
    sim.setFaults({ down: true });
    await fillAndCheck(page, { name: '刘强', id: id('44200019880203311') }, { name: '周敏', id: id('44200019890707442') });
    await page.getByTestId('platform-unreachable').waitFor();
    // Keyboard only: the two confirmations, then the supervisor's authorization, then Alt+R.
    await page.getByLabel('申请结婚登记声明书已由双方在婚姻登记员面前签名并按指纹').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF.reviewer.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF.reviewer.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type('省级平台中断，当事人急需办理');
    await snapshot(page, 'sync-e2e-1-override');
    await page.keyboard.press('Alt+R');
    await page.getByTestId('marriage-registered').waitFor();
    await page.getByTestId('marriage-authorized').waitFor();
    await expect.poll(statusBar, { timeout: 20_000 }).toMatch(/离线[\s\S]*待上报 1 条/);
    await snapshot(page, 'sync-e2e-2-pending');
    expect(sim.store.events({ recordType: 'marriage' })).toHaveLength(0);

    sim.setFaults({});
    await expect.poll(statusBar, { timeout: 20_000 }).toMatch(/在线[\s\S]*待上报 0 条/);
    expect(sim.store.events({ recordType: 'marriage' }).map((e) => [e.eventType, e.status])).toEqual([['marriage.registered', 'accepted']]);
  });

  it('rejected: 数据同步 shows the platform’s reason; the supervisor corrects the number; it goes through', async () => {
    const wrong = id('44200019900412002'); // mistyped at the counter; the public security bureau cancelled it
    const right = id('44200019900412004');
    sim.store.cancelIdNumber(wrong);
    const page = suite.page;
    await page.getByTestId('marriage-new').click();
    await fillAndCheck(page, { name: '陈明', id: id('44200019880101331') }, { name: '黄丽', id: wrong });
    await page.getByTestId('marriage-check-ok').waitFor();
    await page.getByLabel('申请结婚登记声明书已由双方在婚姻登记员面前签名并按指纹').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Alt+R');
    await page.getByTestId('marriage-registered').waitFor();
    await expect.poll(statusBar, { timeout: 20_000 }).toContain('1 条需处理');

    const reviewer = await openLoggedIn(suite.browser, suite.app, STAFF.reviewer);
    await reviewer.getByRole('menuitem', { name: '数据同步' }).click();
    const parked = reviewer.getByTestId('sync-parked-table');
    await expect.poll(() => parked.textContent(), { timeout: 10_000 }).toContain('已被公安机关注销');
    await snapshot(reviewer, 'sync-e2e-3-parked');
    await parked.getByRole('button', { name: '更正' }).click();
    const form = reviewer.getByTestId('correct-marriage-form');
    await expect.poll(() => form.getByTestId('correct-recorded').textContent()).toContain('黄丽');
    // 一方 has the focus; the arrow key moves to 另一方, Tab on to the boxes.
    await reviewer.keyboard.press('ArrowRight');
    await form.getByLabel('更正后的身份证件号码').fill(right);
    await form.getByLabel('更正原因').fill('登记时身份证号码录入错误，已核对原件');
    await snapshot(reviewer, 'sync-e2e-4-correct');
    await form.getByLabel('更正原因').press('Enter');
    await expect.poll(() => parked.textContent(), { timeout: 20_000 }).not.toContain('已被公安机关注销');
    const onPlatform = sim.store.events({ recordType: 'marriage' }).filter((e) => e.eventType === 'marriage.corrected');
    expect(onPlatform.map((e) => e.status)).toEqual(['accepted']);
    expect(JSON.stringify(onPlatform[0].payload)).toContain(right);
    await expect.poll(() => reviewer.getByTestId('status-bar').textContent(), { timeout: 20_000 }).toMatch(/待上报 0 条/);
    expect(await reviewer.getByTestId('status-bar').textContent()).not.toContain('需处理');
    await snapshot(reviewer, 'sync-e2e-5-corrected');
    await reviewer.context().close();
  });
});
