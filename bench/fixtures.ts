import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CivReg } from '../src-main/core/civreg';

export const ADMIN = { username: 'admin', password: 'Bench1234' };

const made: string[] = [];

export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `civreg-bench-${label}-`));
  made.push(dir);
  return dir;
}

/** The million-row database alone is ~350 MB: leave nothing behind. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A station set up as at first run, with the administrator logged in. */
export function initializedStation(dataDir: string): { app: CivReg; session: string } {
  const app = new CivReg({ dataDir });
  app.call('setup.initialize', {
    stationId: 'BENCH-01',
    officeName: '基准测试婚姻登记处',
    divisionCode: '442000',
    adminUsername: ADMIN.username,
    adminDisplayName: '基准管理员',
    adminPassword: ADMIN.password,
  });
  const { session } = app.call('auth.login', ADMIN);
  return { app, session };
}
