import type Database from 'better-sqlite3';
import {
  REFUSAL_REASONS,
  REFUSAL_REASON_CODES,
  isRefusalReason,
  type MarriageStatsView,
  type StatsGranularity,
  type StatsPeriodView,
} from '../contract';
import { addDays, localDate } from '../calendar/dates';

export interface StatsRange {
  from: string;
  to: string;
  granularity: StatsGranularity;
}

/** The range asked for, or the station's current month to date. */
export function resolveRange(input: { from?: string; to?: string; granularity: StatsGranularity }, now: Date): StatsRange {
  if (input.from && input.to) return { from: input.from, to: input.to, granularity: input.granularity };
  const today = localDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today, granularity: input.granularity };
}

/** Every period label of the range in order: each day, or each month it touches. */
export function periodLabels(range: StatsRange): string[] {
  const labels: string[] = [];
  if (range.granularity === 'day') {
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) labels.push(d);
    return labels;
  }
  let [y, m] = range.from.split('-').map(Number);
  const last = range.to.slice(0, 7);
  for (;;) {
    const label = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    labels.push(label);
    if (label >= last) return labels;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

type Row = { p: string; n: number; cp?: number };

/**
 * A party came from another province when the document they registered with is a 居民身份证 whose
 * address code (the number's first two digits) is not the station's province.
 */
const CROSS_PROVINCE = `(
  (party1_document_type = 'resident-id' AND substr(party1_id_number, 1, 2) <> @province)
  OR (party2_document_type = 'resident-id' AND substr(party2_id_number, 1, 2) <> @province)
)`;

/**
 * Grouped counts per period. Dates are stored as YYYY-MM-DD text, so a month is the first seven
 * characters; the range conditions are on the bare date columns, which lets SQLite use
 * marriages_registered_on.
 */
function statements(sqlite: Database.Database) {
  return {
    marriages: sqlite.prepare<Record<string, unknown>, Row>(
      `SELECT substr(registered_on, 1, @len) AS p, count(*) AS n, sum(${CROSS_PROVINCE}) AS cp
         FROM marriages WHERE registered_on BETWEEN @from AND @to GROUP BY p`,
    ),
    divorces: sqlite.prepare<Record<string, unknown>, Row>(
      `SELECT substr(ended_on, 1, @len) AS p, count(*) AS n
         FROM divorce_applications WHERE status = 'registered' AND ended_on BETWEEN @from AND @to GROUP BY p`,
    ),
    reissues: sqlite.prepare<Record<string, unknown>, Row>(
      `SELECT substr(issued_on, 1, @len) AS p, count(*) AS n
         FROM certificate_reissues WHERE issued_on BETWEEN @from AND @to GROUP BY p`,
    ),
    reissueKinds: sqlite.prepare<Record<string, unknown>, { kind: string; n: number }>(
      `SELECT substr(certificate_number, 1, 2) AS kind, count(*) AS n
         FROM certificate_reissues WHERE issued_on BETWEEN @from AND @to GROUP BY kind`,
    ),
    refusals: sqlite.prepare<Record<string, unknown>, Row>(
      `SELECT substr(decided_on, 1, @len) AS p, count(*) AS n
         FROM marriage_refusals WHERE decided_on BETWEEN @from AND @to GROUP BY p`,
    ),
    refusalReasons: sqlite.prepare<Record<string, unknown>, { reason: string; n: number }>(
      `SELECT reason_code AS reason, count(*) AS n
         FROM marriage_refusals WHERE decided_on BETWEEN @from AND @to GROUP BY reason_code`,
    ),
    divorcesReceived: sqlite.prepare<Record<string, unknown>, { n: number }>(
      `SELECT count(*) AS n FROM divorce_applications WHERE received_on BETWEEN @from AND @to`,
    ),
    divorcesEnded: sqlite.prepare<Record<string, unknown>, { status: string; n: number }>(
      `SELECT status, count(*) AS n FROM divorce_applications
         WHERE status <> 'received' AND ended_on BETWEEN @from AND @to GROUP BY status`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;
const prepared = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = statements(sqlite);
    prepared.set(sqlite, s);
  }
  return s;
}

export interface StationInfo {
  officeName: string;
  divisionCode: string;
}

/** The figures for one range, every period present (zeros where nothing happened). */
export function marriageStats(sqlite: Database.Database, station: StationInfo, range: StatsRange, now: Date): MarriageStatsView {
  const s = statementsFor(sqlite);
  const params = { from: range.from, to: range.to, len: range.granularity === 'day' ? 10 : 7, province: station.divisionCode.slice(0, 2) };
  const byPeriod = new Map<string, StatsPeriodView>(
    periodLabels(range).map((period) => [period, { period, marriages: 0, divorces: 0, reissues: 0, refusals: 0, crossProvince: 0 }]),
  );
  const at = (p: string): StatsPeriodView => {
    const row = byPeriod.get(p);
    // Cannot happen for rows selected within the range; fail loudly rather than drop a count.
    if (!row) throw new Error(`统计期间 ${p} 不在 ${range.from}–${range.to} 内`);
    return row;
  };
  for (const r of s.marriages.all(params)) {
    at(r.p).marriages = r.n;
    at(r.p).crossProvince = r.cp ?? 0;
  }
  for (const r of s.divorces.all(params)) at(r.p).divorces = r.n;
  for (const r of s.reissues.all(params)) at(r.p).reissues = r.n;
  for (const r of s.refusals.all(params)) at(r.p).refusals = r.n;
  const periods = [...byPeriod.values()];

  const sum = (key: 'marriages' | 'divorces' | 'reissues' | 'refusals' | 'crossProvince'): number => periods.reduce((t, p) => t + p[key], 0);
  const kinds = new Map(s.reissueKinds.all(params).map((r) => [r.kind, r.n]));
  const marriages = sum('marriages');
  const crossProvince = sum('crossProvince');

  const reasons = new Map(s.refusalReasons.all(params).map((r) => [r.reason, r.n]));
  const refusalsByReason = [
    ...REFUSAL_REASON_CODES.map((reason) => ({ reason, label: REFUSAL_REASONS[reason], count: reasons.get(reason) ?? 0 })),
    // A code this version does not know (written by a newer one) is still counted, under its code.
    ...[...reasons].filter(([reason]) => !isRefusalReason(reason)).map(([reason, count]) => ({ reason, label: reason, count })),
  ];

  const ended = new Map(s.divorcesEnded.all(params).map((r) => [r.status, r.n]));
  return {
    from: range.from,
    to: range.to,
    granularity: range.granularity,
    today: localDate(now),
    officeName: station.officeName,
    periods,
    totals: {
      marriages,
      divorces: sum('divorces'),
      reissues: sum('reissues'),
      reissuedMarriage: kinds.get('BJ') ?? 0,
      reissuedDivorce: kinds.get('BL') ?? 0,
      refusals: sum('refusals'),
    },
    crossProvince: { marriages, crossProvince, share: marriages ? crossProvince / marriages : 0 },
    refusalsByReason,
    divorceOutcomes: {
      received: s.divorcesReceived.get(params)?.n ?? 0,
      withdrawn: ended.get('withdrawn') ?? 0,
      lapsed: ended.get('lapsed') ?? 0,
      registered: ended.get('registered') ?? 0,
    },
  };
}
