import { idCheckChar, type OpInput } from '../src-main/contract';
import { CivReg } from '../src-main/core/civreg';
import { ADMIN, tempDir } from './fixtures';
import { summarize } from './stats';

/** Entries timed on a fresh station (the "waiver entry" figure). */
const ENTRY_RUNS = 200;
const WARMUP = 20;
/** A year of waivers, June 2025 to May 2026 under 惠州's 2025 scheme: about 1,000 a month. */
const MONTHS = 12;
const PER_MONTH = 1_000;
const SETTLEMENT_RUNS = 7;
const OFFICE = '惠州市殡仪馆';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨宇浩然子涵欣怡梓萱雨轩'];

/** A movable clock: the station's date drives the date-of-death check and the settlement month. */
class BenchClock {
  private t: number;
  constructor(iso: string) {
    this.t = new Date(iso).getTime();
  }
  readonly now = (): Date => new Date(this.t);
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
}

type WaiverInput = OpInput<'funeral.enterWaiver'>;

/**
 * Person `i`: a valid resident ID of their own (500 per birth date, odd sequence codes: men), a bill
 * that varies — about a third over the 1,780 元 cap, some without storage, ash storage or an eco-burial
 * instead — as a funeral home's month really looks.
 */
function waiverInput(i: number, dateOfDeath: string): WaiverInput {
  const name = SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length] + GIVEN[(i * 13 + 5) % GIVEN.length];
  const birth = new Date(Date.UTC(1930, 0, 1 + Math.floor(i / 500))).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `441302${birth}${String((i % 500) * 2 + 1).padStart(3, '0')}`;
  const cost = (base: number, spread: number) => (base + ((i * 37) % spread)) * 100;
  const services: WaiverInput['services'] = [
    { itemId: 'transport', quantity: 1, actualCost: cost(300, 300) },
    { itemId: 'washing', quantity: 1, actualCost: cost(100, 150) },
    ...(i % 4 === 0 ? [] : [{ itemId: 'storage', quantity: 1 + (i % 3), actualCost: cost(150, 300) }]),
    ...(i % 5 === 0 ? [] : [{ itemId: 'farewell', quantity: 1, actualCost: cost(200, 400) }]),
    { itemId: 'cremation', quantity: 1, actualCost: cost(400, 300) },
    { itemId: 'urn', quantity: 1, actualCost: cost(150, 300) },
    i % 7 === 0 ? { itemId: 'eco-burial', quantity: 1, actualCost: cost(300, 200) } : { itemId: 'ash-storage', quantity: 1, actualCost: cost(100, 150) },
  ];
  return {
    deceased: {
      name,
      sex: 'male',
      idNumber: first17 + idCheckChar(first17),
      dateOfDeath,
      hukou: '广东省惠州市惠城区',
      hukouInCity: i % 6 !== 0,
      placeOfDeath: '惠州市中心人民医院',
      diedInCity: true,
      crematedAtCityHome: true,
      deathCertificateNumber: `Y4413${String(i).padStart(7, '0')}`,
    },
    categoryId: 'all',
    services,
    payer: { name: `${name.slice(0, 1)}小明`, idNumber: '441302197001010029', relation: '子' },
  };
}

const ym = (year: number, month0: number): string => {
  const d = new Date(Date.UTC(year, month0, 1));
  return d.toISOString().slice(0, 7);
};

export interface FuneralBench {
  entryMedianMs: number;
  entryP95Ms: number;
  entries: number;
  yearWaivers: number;
  /** Entry through the write path while the year was loaded (the later entries, on a growing table). */
  yearEntryMedianMs: number;
  yearEntryP95Ms: number;
  month: string;
  monthWaivers: number;
  /** funeral.settlement + the statement PDF (print.output) + settlementExport, in sequence. */
  settlementMedianMs: number;
  settlementP95Ms: number;
  settlementPartsMedianMs: { settlement: number; statementPdf: number; export: number };
}

function station(clock: BenchClock) {
  const app = new CivReg({ dataDir: tempDir('funeral'), clock: clock.now });
  app.call('setup.initialize', {
    stationId: 'BENCH-FH',
    officeName: OFFICE,
    divisionCode: '441302',
    adminUsername: ADMIN.username,
    adminDisplayName: '基准管理员',
    adminPassword: ADMIN.password,
  });
  const admin = app.call('auth.login', ADMIN).session;
  const ready = (username: string, role: 'funeral' | 'reviewer', password: string): string => {
    app.call('users.create', { username, displayName: username, role, password }, admin);
    const first = app.call('auth.login', { username, password }).session;
    app.call('auth.changePassword', { currentPassword: password, newPassword: `${password}x9` }, first);
    return app.call('auth.login', { username, password: `${password}x9` }).session;
  };
  const staff = ready('binyi', 'funeral', 'Funeral123');
  const reviewer = ready('shenhe', 'reviewer', 'Review123');
  app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin);
  const unlock = (): void => {
    app.call('auth.unlock', { password: 'Funeral123x9' }, staff);
    app.call('auth.unlock', { password: 'Review123x9' }, reviewer);
  };
  return { app, staff, reviewer, unlock };
}

export async function benchFuneral(): Promise<FuneralBench> {
  // 1. Entry on a fresh station.
  const clock = new BenchClock('2025-07-20T02:00:00.000Z');
  const fresh = station(clock);
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + ENTRY_RUNS; i++) {
      const input = waiverInput(100_000 + i, '2025-07-10');
      const t0 = performance.now();
      fresh.app.call('funeral.enterWaiver', input, fresh.staff);
      if (i >= WARMUP) samples.push(performance.now() - t0);
    }
  } finally {
    fresh.app.close();
  }
  const entry = summarize(samples);

  // 2. A year: each month's waivers entered and approved through the write path, the month then submitted.
  clock.set('2025-06-28T02:00:00.000Z');
  const { app, staff, reviewer, unlock } = station(clock);
  try {
    const yearSamples: number[] = [];
    let n = 0;
    for (let m = 0; m < MONTHS; m++) {
      const month = ym(2025, 5 + m);
      clock.set(`${month}-28T02:00:00.000Z`);
      unlock();
      for (let k = 0; k < PER_MONTH; k++, n++) {
        const input = waiverInput(n, `${month}-${String(1 + (k % 27)).padStart(2, '0')}`);
        const t0 = performance.now();
        const w = app.call('funeral.enterWaiver', input, staff);
        yearSamples.push(performance.now() - t0);
        app.call('funeral.reviewWaiver', { id: w.id, decision: 'approve' }, reviewer);
      }
      if (m < MONTHS - 1) app.call('funeral.closeMonth', { funeralHome: OFFICE, month }, reviewer);
    }
    const later = summarize(yearSamples.slice(-ENTRY_RUNS * 5));

    // 3. One month's settlement, as the reviewer runs it at the end of the month (the last, still open).
    const month = ym(2025, 5 + MONTHS - 1);
    const times: number[] = [];
    const parts = { settlement: [] as number[], statementPdf: [] as number[], export: [] as number[] };
    let monthWaivers = 0;
    for (let r = 0; r < SETTLEMENT_RUNS + 1; r++) {
      const t0 = performance.now();
      const s = app.call('funeral.settlement', { funeralHome: OFFICE, month }, reviewer);
      const t1 = performance.now();
      const doc = app.call('funeral.document', { document: 'settlement-statement', key: `${OFFICE}|${month}` }, reviewer);
      const pdf = await app.callAsync(
        'print.output',
        { templateId: doc.templateId, data: doc.data, documentKey: doc.documentKey, destination: 'pdf', reprintReason: '基准测试重复输出' },
        reviewer,
      );
      const t2 = performance.now();
      const xlsx = await app.callAsync('funeral.settlementExport', { funeralHome: OFFICE, month }, reviewer);
      const t3 = performance.now();
      if (!pdf.pdfBase64 || !xlsx.xlsxBase64) throw new Error('settlement outputs missing');
      monthWaivers = s.waivers;
      if (r === 0) continue; // warm-up
      times.push(t3 - t0);
      parts.settlement.push(t1 - t0);
      parts.statementPdf.push(t2 - t1);
      parts.export.push(t3 - t2);
    }
    const total = summarize(times);
    return {
      entryMedianMs: entry.median,
      entryP95Ms: entry.p95,
      entries: entry.n,
      yearWaivers: n,
      yearEntryMedianMs: later.median,
      yearEntryP95Ms: later.p95,
      month,
      monthWaivers,
      settlementMedianMs: total.median,
      settlementP95Ms: total.p95,
      settlementPartsMedianMs: {
        settlement: summarize(parts.settlement).median,
        statementPdf: summarize(parts.statementPdf).median,
        export: summarize(parts.export).median,
      },
    };
  } finally {
    app.close();
  }
}
