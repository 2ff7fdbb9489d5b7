import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../../src-main/contract';
import type { PolicyVersion } from '../../src-main/contract/funeral-policy';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, count, FixedClock, idNumber, login, makeApp, readyUser } from '../helpers/civreg';

type IntakeInput = OpInput<'unclaimed.intake'>;

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function body(intakeDate: string, over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    intakeDate,
    deliveringUnit: '惠城区公安分局',
    identityKnown: false,
    sex: 'male',
    estimatedAge: 60,
    description: '身高约一米七，偏瘦，短发花白，左臂有旧伤疤，着深蓝色夹克',
    placeFound: '惠城区江北街道滨江公园',
    policeCaseNumber: 'GA2025-0815',
    policeSamples: '指纹 ZW-1；DNA D-2',
    belongings: '旧手表一块',
    storageLocation: '冷藏柜 A-03',
    ...over,
  };
}

/** Whole days from a to b, plus one: the days a body received on `a` has been stored on `b`. */
function storedDays(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
}

interface Parties {
  app: CivReg;
  clock: FixedClock;
  admin: string;
  staff: string;
  reviewer: string;
}

function setUp(start: string): Parties {
  const clock = new FixedClock(start);
  const { app } = makeApp({ clock });
  const admin = login(app);
  const staff = readyUser(app, admin, { username: 'binyi', displayName: '殡仪馆录入员', role: 'funeral', password: 'Funeral123' });
  const reviewer = readyUser(app, admin, { username: 'shenhe', displayName: '民政审核员', role: 'reviewer', password: 'Review123' });
  return { app, clock, admin, staff, reviewer };
}

function helpers(p: () => Parties) {
  const snapshot = () => {
    const { app } = p();
    const all = (sql: string) => app.database.sqlite.prepare(sql).all();
    return {
      bodies: all('SELECT * FROM unclaimed_bodies ORDER BY id'),
      certs: all('SELECT * FROM cremation_certificates ORDER BY number'),
      serials: all('SELECT * FROM certificate_serials ORDER BY prefix, year'),
      attachments: count(app, 'attachments'),
      audit: count(app, 'audit_log'),
      outbox: count(app, 'outbox'),
    };
  };
  return {
    /** A refused command leaves every table as it was. */
    refused(fn: () => unknown) {
      const before = snapshot();
      const err = appError(fn);
      expect(snapshot()).toEqual(before);
      return err;
    },
    /** Move the clock by whole days, unlocking the sessions the idle lock closed. */
    days(n: number) {
      const { app, clock, admin, staff, reviewer } = p();
      clock.advanceMinutes(n * 24 * 60);
      app.call('auth.unlock', { password: 'Admin12345' }, admin);
      app.call('auth.unlock', { password: 'Funeral123x9' }, staff);
      app.call('auth.unlock', { password: 'Review123x9' }, reviewer);
    },
    lastAudit() {
      return p().app.database.sqlite.prepare('SELECT operation, summary, record_ids AS recordIds FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
        operation: string;
        summary: string;
        recordIds: string;
      };
    },
    events(recordId: string) {
      return (
        p().app.database.sqlite.prepare('SELECT event_type AS type FROM outbox WHERE record_id = ? ORDER BY rowid').all(recordId) as { type: string }[]
      ).map((e) => e.type);
    },
  };
}

describe('unclaimed bodies: intake to the ashes, in order', () => {
  let t: Parties;
  const h = helpers(() => t);
  const known = idNumber('44130219600101001');
  let a: { id: number; number: string };
  let b: { id: number; number: string };

  beforeAll(() => {
    t = setUp('2025-07-01T02:00:00.000Z');
  });
  afterAll(() => {
    t.app.close();
    cleanupTempDirs();
  });

  it('receives a body without a policy, but no notice is published until the administrator selects one', () => {
    const { app, staff, admin } = t;
    const v = app.call('unclaimed.intake', { ...body('2025-06-20'), deathCertificateNumber: 'Y441300001', photos: [{ name: '正面.png', mimeType: 'image/png', dataBase64: PNG }] }, staff);
    a = v;
    expect(v).toMatchObject({ number: 'WR2025-000001', stage: 'stored', name: '无名氏（男，约 60 岁）', idNumberMasked: null, daysInStorage: 12, noticeExpires: null });
    expect(count(app, 'attachments')).toBe(1);
    expect(h.lastAudit().summary).toBe('接收无人认领遗体 WR2025-000001（身份不明，接收日期 2025-06-20，照片 1 张）');

    const err = h.refused(() => app.call('unclaimed.publishNotice', { id: a.id, noticeStart: '2025-06-25', medium: '惠州市民政局网站' }, staff));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('尚未选择本地殡葬政策方案');
    expect(err.message).toContain('请管理员');
    app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin);
  });

  it('refuses bad intakes: a future date, a known identity without a name, a name on an unknown body, a wrong ID number', () => {
    const { app, staff } = t;
    expect(h.refused(() => app.call('unclaimed.intake', body('2025-07-02'), staff)).fieldErrors.intakeDate).toBe('不能晚于今天');
    expect(h.refused(() => app.call('unclaimed.intake', { ...body('2025-06-20'), identityKnown: true }, staff)).fieldErrors.name).toBeDefined();
    expect(h.refused(() => app.call('unclaimed.intake', { ...body('2025-06-20'), name: '张三' }, staff)).fieldErrors.identityKnown).toBeDefined();
    const bad = known.slice(0, 17) + (known[17] === '0' ? '1' : '0');
    expect(h.refused(() => app.call('unclaimed.intake', { ...body('2025-06-20'), identityKnown: true, name: '张三', idNumber: bad }, staff)).fieldErrors.idNumber).toBeDefined();
    // 441302196001010 01 → odd sequence: male; entered as female.
    expect(h.refused(() => app.call('unclaimed.intake', { ...body('2025-06-20'), identityKnown: true, name: '张三', idNumber: known, sex: 'female' }, staff)).fieldErrors.sex).toBeDefined();
  });

  it('refuses every step before the notice, with nothing written, naming what must happen first', () => {
    const { app, staff, reviewer } = t;
    const confirm = { id: a.id, officer: '李警官', policeUnit: '惠城区公安分局', confirmedOn: '2025-07-01' };
    expect(h.refused(() => app.call('unclaimed.confirmByPolice', confirm, staff)).message).toContain('须先发布认尸公告');
    const approve = h.refused(() => app.call('unclaimed.approve', { id: a.id }, reviewer));
    expect(approve.code).toBe('CONFLICT');
    expect(approve.message).toContain('须先发布认尸公告');
    expect(h.refused(() => app.call('unclaimed.cremate', { id: a.id, crematedOn: '2025-07-01', ashLocation: '骨灰楼 3-12' }, staff)).message).toContain('存放待公告');
    expect(h.refused(() => app.call('unclaimed.disposeAshes', { id: a.id, disposedOn: '2025-07-01', disposition: 'eco-burial', method: '树葬' }, reviewer)).code).toBe('CONFLICT');
    expect(h.refused(() => app.call('unclaimed.document', { id: a.id }, staff)).message).toContain('尚未发布认尸公告');
    // The approval is the reviewer's, the disposal too.
    expect(h.refused(() => app.call('unclaimed.approve', { id: a.id }, staff)).code).toBe('FORBIDDEN');
    expect(h.refused(() => app.call('unclaimed.disposeAshes', { id: a.id, disposedOn: '2025-07-01', disposition: 'eco-burial', method: '树葬' }, staff)).code).toBe('FORBIDDEN');
    expect(h.refused(() => app.call('unclaimed.publishNotice', { id: 999, noticeStart: '2025-06-25', medium: '报纸' }, staff)).code).toBe('NOT_FOUND');
  });

  it('publishes the notice for the policy’s 15 days; the police confirmation waits for its expiry', () => {
    const { app, staff } = t;
    expect(h.refused(() => app.call('unclaimed.publishNotice', { id: a.id, noticeStart: '2025-07-02', medium: '报纸' }, staff)).fieldErrors.noticeStart).toBe('不能晚于今天');
    expect(h.refused(() => app.call('unclaimed.publishNotice', { id: a.id, noticeStart: '2025-06-19', medium: '报纸' }, staff)).fieldErrors.noticeStart).toBe('不能早于接收日期');
    const v = app.call('unclaimed.publishNotice', { id: a.id, noticeStart: '2025-06-25', medium: '惠州市民政局网站' }, staff);
    expect(v).toMatchObject({ stage: 'notice', noticeStart: '2025-06-25', noticeExpires: '2025-07-10' });
    expect(h.lastAudit().summary).toBe('发布遗体 WR2025-000001 的认尸公告（2025-06-25 起 15 天，至 2025-07-10 届满）');
    expect(h.refused(() => app.call('unclaimed.publishNotice', { id: a.id, noticeStart: '2025-06-25', medium: '报纸' }, staff)).message).toContain('已过该环节');

    const early = h.refused(() => app.call('unclaimed.confirmByPolice', { id: a.id, officer: '李警官', policeUnit: '惠城区公安分局', confirmedOn: '2025-07-01' }, staff));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('2025-07-10 届满');
    expect(early.message).toContain('2025-07-11 起');
    expect(h.refused(() => app.call('unclaimed.approve', { id: a.id }, t.reviewer)).message).toContain('须待认尸公告期满');
  });

  it('the notice document comes from the record and renders on A4 with the photo and the expiry date', async () => {
    const { app, staff } = t;
    const doc = app.call('unclaimed.document', { id: a.id }, staff);
    expect(doc).toMatchObject({ templateId: 'unclaimed-notice', title: '认尸公告', documentKey: 'unclaimed-notice:WR2025-000001' });
    expect(doc.data).toMatchObject({
      number: 'WR2025-000001',
      name: '不详',
      sex: '男',
      estimatedAge: '约 60 岁',
      intakeDate: '2025-06-20',
      placeFound: '惠城区江北街道滨江公园',
      noticeStart: '2025-06-25',
      noticeExpires: '2025-07-10',
      photo: `data:image/png;base64,${PNG}`,
    });
    expect(String(doc.data.description)).toContain('左臂有旧伤疤');
    expect(JSON.stringify(doc.data)).not.toContain('旧手表'); // belongings and police references stay internal
    const pdf = await app.callAsync('print.preview', { templateId: doc.templateId, data: doc.data }, staff);
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    expect(app.call('print.templates', {}, staff).some((x: { id: string }) => x.id === 'unclaimed-notice')).toBe(true);
  });

  it('a family claims a known body mid-way; the claim ends it and later steps are refused', () => {
    const { app, staff } = t;
    b = app.call('unclaimed.intake', { ...body('2025-06-28'), identityKnown: true, name: '陈某某', idNumber: known, sex: 'male' }, staff);
    expect(b).toMatchObject({ number: 'WR2025-000002', name: '陈某某', idNumberMasked: `441302${'*'.repeat(8)}${known.slice(-4)}` });
    expect(app.call('unclaimed.list', {}, staff).find((x) => x.id === b.id)?.idNumberMasked).not.toContain(known.slice(6, 14));
    app.call('unclaimed.publishNotice', { id: b.id, noticeStart: '2025-06-29', medium: '惠州日报' }, staff);
    const claim = { id: b.id, claimedOn: '2025-07-01', claimantName: '陈小明', claimantIdNumber: idNumber('44130219850101002'), relation: '子', verifiedBy: '户口簿及公安机关出具的亲属关系证明' };
    expect(h.refused(() => app.call('unclaimed.claim', { ...claim, claimedOn: '2025-06-28' }, staff)).fieldErrors.claimedOn).toBe('不能早于公告日期');
    const v = app.call('unclaimed.claim', claim, staff);
    expect(v).toMatchObject({ stage: 'claimed', endedOn: '2025-07-01', outcome: '亲属认领遗体', daysInStorage: 4 });
    const audit = h.lastAudit();
    expect(audit.summary).toBe('遗体 WR2025-000002 由亲属认领（2025-07-01，原阶段：认尸公告中）');
    expect(h.refused(() => app.call('unclaimed.claim', claim, staff)).message).toContain('不能再认领');
    expect(h.refused(() => app.call('unclaimed.confirmByPolice', { id: b.id, officer: '李警官', policeUnit: '惠城区公安分局', confirmedOn: '2025-07-01' }, staff)).message).toContain('该遗体已办结');
    expect(h.events('WR2025-000002')).toEqual(['unclaimed.intake', 'unclaimed.noticePublished', 'unclaimed.claimed']);
  });

  it('after the notice expires: police confirmation, approval by a reviewer, cremation with a certificate in the ledger', () => {
    const { app, staff, reviewer } = t;
    h.days(10); // 2025-07-11
    const board = app.call('unclaimed.dashboard', {}, staff);
    expect(board.expiredWithoutAction).toEqual([{ id: a.id, number: a.number, name: '无名氏（男，约 60 岁）', noticeExpires: '2025-07-10', daysSince: 1 }]);

    const confirm = { id: a.id, officer: '李警官', policeUnit: '惠城区公安分局', confirmedOn: '2025-07-11' };
    expect(h.refused(() => app.call('unclaimed.confirmByPolice', { ...confirm, confirmedOn: '2025-07-10' }, staff)).fieldErrors.confirmedOn).toBe('应在公告期满之后');
    expect(h.refused(() => app.call('unclaimed.confirmByPolice', { ...confirm, confirmedOn: '2025-07-12' }, staff)).fieldErrors.confirmedOn).toBe('不能晚于今天');
    expect(app.call('unclaimed.confirmByPolice', confirm, staff)).toMatchObject({ stage: 'awaiting-approval', policeConfirmedBy: '惠城区公安分局 李警官', policeConfirmedOn: '2025-07-11' });
    expect(app.call('unclaimed.dashboard', {}, staff).expiredWithoutAction).toEqual([]);

    expect(h.refused(() => app.call('unclaimed.cremate', { id: a.id, crematedOn: '2025-07-11', ashLocation: '骨灰楼 3-12' }, staff)).message).toContain('须先由审核员批准火化');
    expect(app.call('unclaimed.approve', { id: a.id }, reviewer)).toMatchObject({ stage: 'approved', approvedBy: '民政审核员', approvedOn: '2025-07-11' });
    expect(h.lastAudit().summary).toBe('批准火化处置遗体 WR2025-000001（2025-07-11）');
    expect(h.refused(() => app.call('unclaimed.approve', { id: a.id }, reviewer)).message).toContain('已过该环节');

    expect(h.refused(() => app.call('unclaimed.cremate', { id: a.id, crematedOn: '2025-07-10', ashLocation: '骨灰楼 3-12' }, staff)).fieldErrors.crematedOn).toBe('不能早于批准日期');
    const v = app.call('unclaimed.cremate', { id: a.id, crematedOn: '2025-07-11', ashLocation: '骨灰楼 3-12' }, staff);
    expect(v).toMatchObject({ stage: 'cremated', crematedOn: '2025-07-11', cremationCertificateNumber: 'HH2025-000001', ashLocation: '骨灰楼 3-12', ashRetainUntil: '2028-07-11', daysInStorage: 22 });
    expect(JSON.parse(h.lastAudit().recordIds)).toEqual([`unclaimed-body:${a.id}`, 'cremation-certificate:HH2025-000001']);
    expect(app.call('cremation.ledger', {}, staff)).toEqual([
      { number: 'HH2025-000001', issuedOn: '2025-07-11', deceasedName: '无名氏（男，约 60 岁）', status: 'issued', voidReason: null, ashDisposition: null, ashLocation: '骨灰楼 3-12', registeredOn: null, source: 'WR2025-000001', bodyNumber: 'WR2025-000001' },
    ]);
    // The body's certificate follows the body: not registered or voided from the ledger.
    expect(h.refused(() => app.call('cremation.void', { number: 'HH2025-000001', reason: '录入错误' }, reviewer)).message).toContain('属于无人认领遗体 WR2025-000001');
    expect(h.refused(() => app.call('cremation.registerAshes', { number: 'HH2025-000001', disposition: 'storage', location: '骨灰楼', on: '2025-07-11' }, staff)).code).toBe('CONFLICT');
  });

  it('the ashes are kept for the retention period, then disposed of', () => {
    const { app, reviewer, clock } = t;
    const early = h.refused(() => app.call('unclaimed.disposeAshes', { id: a.id, disposedOn: '2025-07-11', disposition: 'eco-burial', method: '树葬' }, reviewer));
    expect(early.message).toContain('骨灰保存期至 2028-07-11');
    expect(early.message).toContain('2028-07-12 起');
    h.days(Math.round((Date.parse('2028-07-12') - clock.now.getTime()) / 86_400_000) + 0); // → 2028-07-12
    expect(clock.now.toISOString().slice(0, 10)).toBe('2028-07-12');
    expect(h.refused(() => app.call('unclaimed.disposeAshes', { id: a.id, disposedOn: '2028-07-11', disposition: 'eco-burial', method: '树葬' }, reviewer)).code).toBe('CONFLICT');
    const v = app.call('unclaimed.disposeAshes', { id: a.id, disposedOn: '2028-07-12', disposition: 'eco-burial', method: '树葬（罗浮山生态园）' }, reviewer);
    expect(v).toMatchObject({ stage: 'ashes-disposed', endedOn: '2028-07-12', outcome: '骨灰处置：树葬（罗浮山生态园）', daysInStorage: 22 });
    expect(app.call('cremation.ledger', {}, reviewer)[0]).toMatchObject({ status: 'registered', ashDisposition: 'eco-burial', registeredOn: '2028-07-12' });
    expect(h.refused(() => app.call('unclaimed.claim', { id: a.id, claimedOn: '2028-07-12', claimantName: '某', claimantIdNumber: idNumber('44130219850101002'), relation: '子', verifiedBy: '户口簿' }, t.staff)).code).toBe('CONFLICT');
    expect(h.events('WR2025-000001')).toEqual([
      'unclaimed.intake',
      'unclaimed.noticePublished',
      'unclaimed.policeConfirmed',
      'unclaimed.approved',
      'unclaimed.cremated',
      'unclaimed.ashesDisposed',
    ]);
    expect(h.events('HH2025-000001')).toEqual(['cremation.issued', 'cremation.ashesRegistered']);
  });

  it('audit summaries name bodies by number only: no names, no ID numbers', () => {
    const rows = t.app.database.sqlite.prepare("SELECT summary FROM audit_log WHERE record_ids LIKE '%unclaimed-body:%'").all() as { summary: string }[];
    expect(rows.length).toBe(9); // six steps of WR2025-000001, three of WR2025-000002
    for (const { summary } of rows) {
      expect(summary).toMatch(/WR2025-00000[12]/);
      expect(summary).not.toContain('陈');
      expect(summary).not.toContain(known);
    }
  });
});

describe('unclaimed bodies: the dashboard and the cremation ledger', () => {
  let t: Parties;
  const h = helpers(() => t);
  const ids: Record<string, number> = {};
  const claimInput = (id: number, claimedOn: string) => ({ id, claimedOn, claimantName: '家属', claimantIdNumber: idNumber('44130219850101002'), relation: '女', verifiedBy: '户口簿' });

  beforeAll(() => {
    t = setUp('2026-03-15T02:00:00.000Z');
    const { app, admin, staff, reviewer } = t;
    app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin);
    // From 2026 a 30-day notice and a target: more than 50% of the 1 January stock.
    const hz2025 = app.call('funeral.policies', {}, admin).schemes.find((s) => s.id === 'huizhou')!.versions[0] as PolicyVersion;
    app.call(
      'funeral.addPolicyVersion',
      { schemeId: 'huizhou', version: { ...hz2025, id: 'hz-2026', name: '2026 年版', effectiveFrom: '2026-01-01', unclaimed: { noticeDays: 30, ashRetentionYears: 3, annualDisposalTarget: { percent: 50, exceed: true } } } },
      admin,
    );
    const intake = (key: string, date: string) => (ids[key] = app.call('unclaimed.intake', { ...body(date), deathCertificateNumber: `Y-${key}` }, staff).id);
    intake('P1', '2025-08-01'); // held since last year
    intake('P2', '2025-09-01');
    app.call('unclaimed.claim', claimInput(ids.P2, '2026-02-10'), staff); // from the stock, claimed this year
    intake('P3', '2025-10-01');
    app.call('unclaimed.publishNotice', { id: ids.P3, noticeStart: '2025-10-05', medium: '网站' }, staff);
    app.call('unclaimed.confirmByPolice', { id: ids.P3, officer: '王警官', policeUnit: '惠城区公安分局', confirmedOn: '2025-10-21' }, staff);
    app.call('unclaimed.approve', { id: ids.P3 }, reviewer);
    app.call('unclaimed.cremate', { id: ids.P3, crematedOn: '2026-03-15', ashLocation: '骨灰楼 1-01' }, staff); // from the stock, cremated this year
    intake('P4', '2025-11-01');
    app.call('unclaimed.claim', claimInput(ids.P4, '2025-12-01'), staff); // gone before 1 January
    intake('P5', '2026-01-10');
    app.call('unclaimed.publishNotice', { id: ids.P5, noticeStart: '2026-01-12', medium: '网站' }, staff); // 30 days → 2026-02-11
    intake('P6', '2026-02-01');
    app.call('unclaimed.claim', claimInput(ids.P6, '2026-02-20'), staff); // this year's intake, claimed
    intake('P7', '2025-12-20');
    app.call('unclaimed.publishNotice', { id: ids.P7, noticeStart: '2025-12-22', medium: '网站' }, staff); // 15 days → 2026-01-06
  });
  afterAll(() => {
    t.app.close();
    cleanupTempDirs();
  });

  it('takes the notice period from the version in force on the intake date', () => {
    const list = t.app.call('unclaimed.list', {}, t.staff);
    expect(list.find((x) => x.id === ids.P5)?.noticeExpires).toBe('2026-02-11');
    expect(list.find((x) => x.id === ids.P7)?.noticeExpires).toBe('2026-01-06');
    expect(list.find((x) => x.id === ids.P3)?.ashRetainUntil).toBe('2029-03-15');
    expect(t.app.call('unclaimed.list', { stage: 'notice' }, t.staff).map((x) => x.id)).toEqual([ids.P7, ids.P5]);
  });

  it('matches the records: stock, stages, storage days, expired notices, the 1 January stock, disposals, ratio, months', () => {
    const { app, staff } = t;
    const d = app.call('unclaimed.dashboard', {}, staff);
    const list = app.call('unclaimed.list', {}, staff);
    const held = list.filter((x) => ['stored', 'notice', 'awaiting-approval', 'approved'].includes(x.stage));
    expect(d.today).toBe('2026-03-15');
    expect(d.year).toBe(2026);
    expect(d.inStock).toBe(3);
    expect(d.inStock).toBe(held.length);
    const stages = Object.fromEntries(d.byStage.map((s) => [s.stage, s.count]));
    expect(stages).toEqual({ stored: 1, notice: 2, 'awaiting-approval': 0, approved: 0, cremated: 1, 'ashes-disposed': 0, claimed: 3 });
    for (const s of d.byStage) expect(s.count).toBe(list.filter((x) => x.stage === s.stage).length);
    expect(d.longestStored).toEqual([
      { id: ids.P1, number: 'WR2025-000001', name: '无名氏（男，约 60 岁）', days: storedDays('2025-08-01', '2026-03-15') },
      { id: ids.P7, number: 'WR2025-000005', name: '无名氏（男，约 60 岁）', days: storedDays('2025-12-20', '2026-03-15') },
      { id: ids.P5, number: 'WR2026-000001', name: '无名氏（男，约 60 岁）', days: storedDays('2026-01-10', '2026-03-15') },
    ]);
    for (const x of d.longestStored) expect(x.days).toBe(held.find((y) => y.id === x.id)?.daysInStorage);
    expect(d.expiredWithoutAction).toEqual([
      { id: ids.P7, number: 'WR2025-000005', name: '无名氏（男，约 60 岁）', noticeExpires: '2026-01-06', daysSince: 68 },
      { id: ids.P5, number: 'WR2026-000001', name: '无名氏（男，约 60 岁）', noticeExpires: '2026-02-11', daysSince: 32 },
    ]);
    // 1 January 2026: P1, P2, P3, P7 (P4 was claimed in 2025); P2 claimed and P3 cremated since.
    expect(d.stockOnJanuary1).toBe(4);
    expect(d.disposedThisYear).toBe(2);
    expect(d.ratio).toBe(50);
    expect(d.target).toEqual({ percent: 50, exceed: true });
    expect(d.byMonth).toHaveLength(12);
    expect(d.byMonth.slice(0, 4)).toEqual([
      { month: '2026-01', intake: 1, disposed: 0 },
      { month: '2026-02', intake: 1, disposed: 2 },
      { month: '2026-03', intake: 0, disposed: 1 },
      { month: '2026-04', intake: 0, disposed: 0 },
    ]);

    const last = app.call('unclaimed.dashboard', { year: 2025 }, staff);
    expect(last).toMatchObject({ year: 2025, stockOnJanuary1: 0, disposedThisYear: 0, ratio: null, target: null });
    expect(last.byMonth.map((m) => m.intake)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(last.byMonth[11]).toEqual({ month: '2025-12', intake: 1, disposed: 1 });
  });

  it('a claim after cremation hands over the ashes: the certificate is registered as taken home', () => {
    const { app, staff } = t;
    const cert = app.call('unclaimed.list', {}, staff).find((x) => x.id === ids.P3)!.cremationCertificateNumber!;
    expect(cert).toBe('HH2026-000001');
    expect(h.refused(() => app.call('unclaimed.claim', { ...claimInput(ids.P3, '2026-03-14') }, staff)).fieldErrors.claimedOn).toBe('不能早于火化日期');
    expect(app.call('unclaimed.claim', claimInput(ids.P3, '2026-03-15'), staff)).toMatchObject({ stage: 'claimed', outcome: '亲属认领骨灰' });
    expect(app.call('cremation.ledger', {}, staff).find((c) => c.number === cert)).toMatchObject({ status: 'registered', ashDisposition: 'taken-home', registeredOn: '2026-03-15' });
    // Still one disposal: the body left the stock when it was cremated.
    expect(app.call('unclaimed.dashboard', {}, staff)).toMatchObject({ stockOnJanuary1: 4, disposedThisYear: 2, ratio: 50 });
  });

  it('ledger: ordinary certificates are issued, registered once, voided only while issued', () => {
    const { app, staff, reviewer } = t;
    expect(h.refused(() => app.call('cremation.issue', { deceasedName: '刘某', crematedOn: '2026-03-16' }, staff)).fieldErrors.crematedOn).toBe('不能晚于今天');
    expect(h.refused(() => app.call('cremation.issue', { deceasedName: '刘某', crematedOn: '2026-03-15', waiverNumber: 'JM2026-000999' }, staff)).code).toBe('NOT_FOUND');
    const one = app.call('cremation.issue', { deceasedName: '刘某', deceasedIdNumber: idNumber('44130219500101003'), crematedOn: '2026-03-14' }, staff);
    expect(one).toEqual({ number: 'HH2026-000002' });
    expect(h.lastAudit().summary).toBe('开具火化证明 HH2026-000002（火化日期 2026-03-14）');
    expect(h.refused(() => app.call('cremation.registerAshes', { number: one.number, disposition: 'burial', location: '公墓', on: '2026-03-13' }, staff)).fieldErrors.on).toBe('不能早于火化日期');
    expect(h.refused(() => app.call('cremation.registerAshes', { number: 'HH2026-000099', disposition: 'burial', location: '公墓', on: '2026-03-15' }, staff)).code).toBe('NOT_FOUND');
    expect(app.call('cremation.registerAshes', { number: one.number, disposition: 'burial', location: '惠州市公墓 A 区', on: '2026-03-15' }, staff)).toEqual({ number: one.number, status: 'registered' });
    expect(h.refused(() => app.call('cremation.registerAshes', { number: one.number, disposition: 'storage', location: '骨灰楼', on: '2026-03-15' }, staff)).code).toBe('CONFLICT');
    expect(h.refused(() => app.call('cremation.void', { number: one.number, reason: '录入错误' }, reviewer)).message).toContain('已登记骨灰去向');

    const two = app.call('cremation.issue', { deceasedName: '黄某', crematedOn: '2026-03-15' }, staff);
    expect(h.refused(() => app.call('cremation.void', { number: two.number, reason: '重复开具' }, staff)).code).toBe('FORBIDDEN');
    expect(app.call('cremation.void', { number: two.number, reason: '重复开具' }, reviewer)).toEqual({ number: 'HH2026-000003', status: 'voided' });
    expect(h.lastAudit().summary).toBe('作废火化证明 HH2026-000003');
    expect(h.refused(() => app.call('cremation.void', { number: two.number, reason: '再次' }, reviewer)).message).toContain('已作废');
    expect(h.refused(() => app.call('cremation.registerAshes', { number: two.number, disposition: 'storage', location: '骨灰楼', on: '2026-03-15' }, staff)).code).toBe('CONFLICT');

    const ledger = app.call('cremation.ledger', {}, staff);
    expect(ledger.map((c) => [c.number, c.status, c.source])).toEqual([
      ['HH2026-000003', 'voided', '普通火化'],
      ['HH2026-000002', 'registered', '普通火化'],
      ['HH2026-000001', 'registered', 'WR2025-000003'],
    ]);
    expect(ledger[0].voidReason).toBe('重复开具');
    expect(ledger[1]).toMatchObject({ ashDisposition: 'burial', ashLocation: '惠州市公墓 A 区', registeredOn: '2026-03-15' });
    expect(h.events('HH2026-000003')).toEqual(['cremation.issued', 'cremation.voided']);
  });
});
