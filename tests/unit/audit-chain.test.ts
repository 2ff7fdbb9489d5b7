import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src-main/audit/canonical';
import { GENESIS_HASH, changeDigest, entryHash, verifyChain, type AuditContent } from '../../src-main/audit/chain';
import { CivReg } from '../../src-main/core/civreg';
import { cleanupTempDirs, count, login, makeApp, rawOpen, tempDir, FixedClock, idNumber } from '../helpers/civreg';

const base: AuditContent = {
  seq: 7,
  at: '2025-03-10T01:00:00.000Z',
  userId: 3,
  username: 'zhangsan',
  role: 'registrar',
  stationId: 'ST-0001',
  operation: 'users.create',
  recordIds: ['user:4', 'station:ST-0001'],
  summary: '新建用户 lisi（婚姻登记员）',
  changeDigest: 'a'.repeat(64),
};
const prev = 'b'.repeat(64);

describe('entryHash', () => {
  const original = entryHash(prev, base);

  it('is a deterministic sha256 hex digest', () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(prev, { ...base, recordIds: [...base.recordIds] })).toBe(original);
  });

  const variants: Array<[string, Partial<AuditContent>]> = [
    ['seq', { seq: 8 }],
    ['at', { at: '2025-03-10T01:00:00.001Z' }],
    ['userId (other id)', { userId: 4 }],
    ['userId (null)', { userId: null }],
    ['username', { username: 'zhangsan2' }],
    ['role', { role: 'admin' }],
    ['stationId', { stationId: 'ST-0002' }],
    ['operation', { operation: 'users.update' }],
    ['recordIds (value)', { recordIds: ['user:5', 'station:ST-0001'] }],
    ['recordIds (order)', { recordIds: ['station:ST-0001', 'user:4'] }],
    ['recordIds (one dropped)', { recordIds: ['user:4'] }],
    ['summary', { summary: '新建用户 lisi（审核员）' }],
    ['changeDigest', { changeDigest: 'c'.repeat(64) }],
  ];
  it.each(variants)('changes when %s changes', (_name, change) => {
    expect(entryHash(prev, { ...base, ...change })).not.toBe(original);
  });

  it('changes when prevHash changes', () => {
    expect(entryHash('c'.repeat(64), base)).not.toBe(original);
    expect(entryHash(GENESIS_HASH, base)).not.toBe(original);
  });

  it('does not depend on the key order of the content object', () => {
    const reversed = Object.fromEntries(Object.entries(base).reverse()) as unknown as AuditContent;
    expect(entryHash(prev, reversed)).toBe(original);
  });
});

describe('canonicalJson', () => {
  it('is independent of key order, at every depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('keeps array order and distinguishes different values', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('changeDigest is key-order independent and sensitive to content', () => {
    expect(changeDigest({ a: 1, b: 2 }, { c: 3 })).toBe(changeDigest({ b: 2, a: 1 }, { c: 3 }));
    expect(changeDigest({ a: 1 }, { a: 2 })).not.toBe(changeDigest({ a: 2 }, { a: 1 }));
    expect(changeDigest(undefined, undefined)).toBe(changeDigest(null, null));
  });
});

describe('verifyChain on a real database', () => {
  /** A closed, self-contained database with a chain of 6 entries; each test tampers with a copy. */
  let template: string;
  let entries: number;
  const MIDDLE = 3;

  beforeAll(() => {
    const { app, dbFile } = makeApp({ clock: new FixedClock() });
    const session = login(app); // #2
    const user = app.call(
      'users.create',
      { username: 'lisi', displayName: '李四', role: 'registrar', password: 'Lisi12345', idNumber: idNumber() },
      session,
    ); // #3
    app.call('settings.update', { idleLockMinutes: 15 }, session); // #4
    app.call('users.revealIdNumber', { id: user.id }, session); // #5
    app.call('auth.logout', {}, session); // #6
    entries = count(app, 'audit_log');
    expect(verifyChain(app.database.sqlite)).toEqual({ ok: true, checked: entries, firstBad: null });
    app.close();
    template = dbFile;
  });
  afterAll(cleanupTempDirs);

  function tamperedCopy(sql: string): string {
    const file = path.join(tempDir(), 'civreg.sqlite');
    fs.copyFileSync(template, file);
    const raw = rawOpen(file);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(sql);
    raw.close();
    return file;
  }

  function verifyFile(file: string) {
    const raw = rawOpen(file);
    try {
      return verifyChain(raw);
    } finally {
      raw.close();
    }
  }

  it('a fresh database (setup.initialize and some operations) verifies clean', () => {
    expect(entries).toBe(6);
    expect(verifyFile(template)).toEqual({ ok: true, checked: 6, firstBad: null });
  });

  it('verifies clean through CivReg after reopening', () => {
    const dataDir = tempDir();
    fs.copyFileSync(template, path.join(dataDir, 'civreg.sqlite'));
    const app = new CivReg({ dataDir, clock: new FixedClock().clock });
    try {
      expect(app.callAsSystemSync('audit.verify', {})).toEqual({ ok: true, checked: 6, firstBad: null, anchor: null });
    } finally {
      app.close();
    }
  });

  const tampers: Array<[string, string]> = [
    ['at', `UPDATE audit_log SET at = '2025-03-10T02:00:00.000Z' WHERE seq = ${MIDDLE}`],
    ['user_id', `UPDATE audit_log SET user_id = 99 WHERE seq = ${MIDDLE}`],
    ['user_id (to NULL)', `UPDATE audit_log SET user_id = NULL WHERE seq = ${MIDDLE}`],
    ['username', `UPDATE audit_log SET username = 'someone' WHERE seq = ${MIDDLE}`],
    ['role', `UPDATE audit_log SET role = 'reviewer' WHERE seq = ${MIDDLE}`],
    ['station_id', `UPDATE audit_log SET station_id = 'ST-9999' WHERE seq = ${MIDDLE}`],
    ['operation', `UPDATE audit_log SET operation = 'users.update' WHERE seq = ${MIDDLE}`],
    ['record_ids', `UPDATE audit_log SET record_ids = '["user:1"]' WHERE seq = ${MIDDLE}`],
    ['record_ids (not JSON)', `UPDATE audit_log SET record_ids = 'garbage' WHERE seq = ${MIDDLE}`],
    ['summary', `UPDATE audit_log SET summary = summary || ' ' WHERE seq = ${MIDDLE}`],
    ['change_digest', `UPDATE audit_log SET change_digest = '${'0'.repeat(64)}' WHERE seq = ${MIDDLE}`],
    ['prev_hash', `UPDATE audit_log SET prev_hash = '${'1'.repeat(64)}' WHERE seq = ${MIDDLE}`],
    ['hash', `UPDATE audit_log SET hash = '${'2'.repeat(64)}' WHERE seq = ${MIDDLE}`],
  ];
  it.each(tampers)('altering %s of a middle entry is caught at that entry', (_col, sql) => {
    const result = verifyFile(tamperedCopy(sql));
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(MIDDLE);
    expect(result.checked).toBe(MIDDLE - 1);
    expect(result.firstBad?.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('re-hashing the altered entry is still caught, at the next entry', () => {
    // The tamperer fixes up the altered entry's own hash; the next entry's prev_hash no longer matches.
    const file = path.join(tempDir(), 'civreg.sqlite');
    fs.copyFileSync(template, file);
    const raw = rawOpen(file);
    raw.exec('DROP TRIGGER audit_log_no_update;');
    const row = raw.prepare(`SELECT * FROM audit_log WHERE seq = ${MIDDLE}`).get() as Record<string, string | number | null>;
    const content: AuditContent = {
      seq: MIDDLE,
      at: row.at as string,
      userId: row.user_id as number | null,
      username: 'someone-else',
      role: row.role as string,
      stationId: row.station_id as string,
      operation: row.operation as string,
      recordIds: JSON.parse(row.record_ids as string) as string[],
      summary: row.summary as string,
      changeDigest: row.change_digest as string,
    };
    raw
      .prepare('UPDATE audit_log SET username = ?, hash = ? WHERE seq = ?')
      .run('someone-else', entryHash(row.prev_hash as string, content), MIDDLE);
    raw.close();
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(MIDDLE + 1);
  });

  it('deleting a middle entry is caught as a sequence gap naming the missing entry', () => {
    const result = verifyFile(tamperedCopy(`DELETE FROM audit_log WHERE seq = ${MIDDLE}`));
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(MIDDLE + 1);
    expect(result.firstBad?.reason).toContain(`#${MIDDLE}`);
    expect(result.checked).toBe(MIDDLE - 1);
  });

  it('a tampered copy is reported by audit.verify through CivReg too', () => {
    const file = tamperedCopy(`UPDATE audit_log SET summary = '篡改' WHERE seq = ${MIDDLE}`);
    const app = new CivReg({ dataDir: path.dirname(file), clock: new FixedClock().clock });
    try {
      const result = app.callAsSystemSync('audit.verify', {});
      expect(result.ok).toBe(false);
      expect(result.firstBad?.seq).toBe(MIDDLE);
    } finally {
      app.close();
    }
  });
});

describe('append-only triggers', () => {
  afterAll(cleanupTempDirs);

  it('refuse UPDATE and DELETE on audit_log, leaving the entries as they were', () => {
    const { app } = makeApp();
    try {
      const sqlite = app.database.sqlite;
      const before = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      expect(before).toHaveLength(1);
      expect(() => sqlite.prepare("UPDATE audit_log SET summary = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => sqlite.prepare('UPDATE audit_log SET hash = hash').run()).toThrow(/append-only/);
      expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
      expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
      expect(verifyChain(sqlite).ok).toBe(true);
    } finally {
      app.close();
    }
  });
});
