import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, changeDigest, entryHash, type AuditContent } from '../src-main/audit/chain';
import { DATABASE_FILE } from '../src-main/core/paths';
import { initializedStation, tempDir } from './fixtures';
import { summarize } from './stats';

const ROWS = 1_000_000;
const RUNS = 7;

/** A station database holding a million audit entries (years of counter work), a valid chain. */
function millionRowStation(): string {
  const dir = tempDir('cold');
  initializedStation(dir).app.close();
  const db = new Database(path.join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, user_id, username, role, station_id, operation, record_ids, summary, change_digest, prev_hash, hash)
     VALUES (?, ?, 1, 'admin', 'admin', 'BENCH-01', 'users.update', ?, '修改用户 admin', ?, ?, ?)`,
  );
  const digest = changeDigest(null, null);
  let prev = head?.hash ?? GENESIS_HASH;
  const start = Date.parse('2020-01-01T00:00:00Z');
  db.transaction(() => {
    for (let seq = (head?.seq ?? 0) + 1; seq <= ROWS; seq++) {
      const content: AuditContent = {
        seq,
        at: new Date(start + seq * 60_000).toISOString(),
        userId: 1,
        username: 'admin',
        role: 'admin',
        stationId: 'BENCH-01',
        operation: 'users.update',
        recordIds: ['user:1'],
        summary: '修改用户 admin',
        changeDigest: digest,
      };
      const hash = entryHash(prev, content);
      insert.run(seq, content.at, JSON.stringify(content.recordIds), digest, prev, hash);
      prev = hash;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dir;
}

/** Cold start in a fresh process each run: open + migrate (none pending) + the first queries. */
export function benchColdStart(): Record<string, number> {
  const dir = millionRowStation();
  const child = path.join(__dirname, 'cold-start-child.ts');
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, dir], { env: { ...process.env, CIVREG_QUIET: '1' } });
    samples.push((JSON.parse(out.toString()) as { ms: number }).ms);
  }
  const s = summarize(samples);
  return { rows: ROWS, runs: RUNS, medianMs: s.median, maxMs: Math.max(...samples) };
}
