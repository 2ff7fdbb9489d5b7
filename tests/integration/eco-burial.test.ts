import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../../src-main/contract';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, count, FixedClock, idNumber, login, makeApp, readyUser, refusedUnchanged } from '../helpers/civreg';

type Application = OpInput<'ecoBurial.apply'>;

/** A man born 1940-05-06 with sequence `seq`, who died on 2025-10-01 and was buried on 2025-10-10. */
function application(seq: number, over: Partial<Application> = {}): Application {
  return {
    deceasedName: `陈${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}`,
    deceasedIdNumber: idNumber(`442000194005060${String(seq * 2 + 1).padStart(2, '0')}`),
    dateOfDeath: '2025-10-01',
    hukouInCity: true,
    burialType: 'sea',
    burialDate: '2025-10-10',
    burialPlace: '中山市海域',
    applicantName: '陈小明',
    applicantIdNumber: idNumber('44200019700101002'),
    relation: '子',
    bankAccount: '6222020000000000001',
    ...over,
  };
}

/** 02:00 UTC: the same calendar date from UTC−2 to UTC+21. */
const clock = new FixedClock('2025-10-15T02:00:00.000Z');

describe('节地生态安葬奖补: scheme, application, review, payment', () => {
  let app: CivReg;
  let admin: string;
  let clerk: string;
  let reviewer: string;
  let sea: { id: number; number: string };
  let tree: { id: number; number: string };

  const snapshot = () => ({
    subsidies: app.database.sqlite.prepare('SELECT * FROM eco_burial_subsidies ORDER BY id').all(),
    settings: app.database.sqlite.prepare('SELECT * FROM settings').all(),
    serials: app.database.sqlite.prepare('SELECT * FROM certificate_serials').all(),
    audit: count(app, 'audit_log'),
    outbox: count(app, 'outbox'),
  });
  /** A refused command leaves every table as it was. */
  const refused = (fn: () => unknown) => refusedUnchanged(snapshot, fn);
  const apply = (input: Application) => app.call('ecoBurial.apply', input, clerk);
  const lastEvent = () => app.database.sqlite.prepare('SELECT event_type AS type, record_id AS recordId, payload FROM outbox ORDER BY rowid DESC LIMIT 1').get() as { type: string; recordId: string; payload: string };
  const lastAudit = () => app.database.sqlite.prepare('SELECT summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { summary: string };

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    clerk = readyUser(app, admin, { username: 'binyi', displayName: '殡仪馆受理员', role: 'funeral', password: 'Funeral123' });
    reviewer = readyUser(app, admin, { username: 'shenhe', displayName: '民政审核员', role: 'reviewer', password: 'Review123' });
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('without a selected scheme nothing is computed or taken, and the administrator is named', () => {
    const err = refused(() => apply(application(1)));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('尚未选择节地生态安葬奖补方案');
    expect(err.message).toContain('请管理员');
    expect(appError(() => app.call('ecoBurial.compute', application(1), clerk)).message).toContain('尚未选择');
  });

  it('the administrator selects 中山 (its own setting); a waiver-only scheme is refused; staff cannot select', () => {
    expect(refused(() => app.call('ecoBurial.selectPolicy', { schemeId: 'huizhou' }, admin)).message).toContain('没有节地生态安葬奖补');
    expect(refused(() => app.call('ecoBurial.selectPolicy', { schemeId: 'nowhere' }, admin)).code).toBe('NOT_FOUND');
    expect(refused(() => app.call('ecoBurial.selectPolicy', { schemeId: 'zhongshan' }, clerk)).code).toBe('FORBIDDEN');
    expect(app.call('ecoBurial.selectPolicy', { schemeId: 'zhongshan' }, admin)).toEqual({ selected: 'zhongshan' });
    const setting = app.database.sqlite.prepare("SELECT value FROM settings WHERE key = 'ecoBurialPolicyScheme'").get() as { value: string };
    expect(setting.value).toBe('zhongshan');
    expect(app.database.sqlite.prepare("SELECT value FROM settings WHERE key = 'funeralPolicyScheme'").get()).toBeUndefined();
    expect(lastEvent().type).toBe('ecoBurial.policy.selected');
    expect(app.call('ecoBurial.list', {}, reviewer)).toEqual({ selected: 'zhongshan', items: [] });
  });

  it('compute shows the amount and reason under the version in force, and writes nothing', () => {
    const before = snapshot();
    expect(app.call('ecoBurial.compute', application(1), clerk)).toMatchObject({ eligible: true, amount: 100000, versionName: '现行方案', schemeId: 'zhongshan' });
    expect(app.call('ecoBurial.compute', application(1, { burialType: 'flower' }), clerk)).toMatchObject({ eligible: false, amount: 0 });
    expect(snapshot()).toEqual(before);
  });

  it('a funeral clerk applies for a sea burial (1,000 元) and a tree burial (600 元): ST numbers, pending, masked ID', () => {
    const input = application(1);
    const a = apply(input);
    sea = { id: a.id, number: a.number };
    expect(a).toMatchObject({ number: 'ST2025-000001', amount: 100000, status: 'pending', burialType: 'sea', appliedOn: '2025-10-15', reviewedBy: null, applicantName: '陈小明' });
    expect(a.reason).toContain('海葬奖补 1,000 元');
    expect(a.idNumberMasked).toBe(`442000********${input.deceasedIdNumber.slice(-4)}`);
    const audit = lastAudit().summary;
    expect(audit).toBe('受理生态安葬奖补申请 ST2025-000001（奖补 1,000 元）');
    expect(audit).not.toContain(input.deceasedName);
    expect(audit).not.toContain(input.deceasedIdNumber);
    const ev = lastEvent();
    expect(ev).toMatchObject({ type: 'ecoBurial.subsidy.applied', recordId: 'ST2025-000001' });
    expect(JSON.parse(ev.payload)).toMatchObject({ amount: 100000, schemeId: 'zhongshan', versionId: 'zs-2024', deceased: { idNumber: input.deceasedIdNumber } });

    const b = apply(application(2, { burialType: 'tree', burialPlace: '中山市树葬园' }));
    tree = { id: b.id, number: b.number };
    expect(b).toMatchObject({ number: 'ST2025-000002', amount: 60000, status: 'pending' });
  });

  it('refuses a non-户籍 deceased with the reason, a type not subsidized, and a duplicate, writing nothing', () => {
    const err = refused(() => apply(application(3, { hukouInCity: false })));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('仅限本市户籍');
    expect(err.fieldErrors.hukouInCity).toBeDefined();
    const flower = refused(() => apply(application(3, { burialType: 'flower' })));
    expect(flower.code).toBe('CONFLICT');
    expect(flower.fieldErrors.burialType).toContain('不在奖补范围内');
    const dup = refused(() => apply(application(1, { burialType: 'tree' })));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('ST2025-000001');
    expect(dup.message).toContain('不能重复申请');
  });

  it('refuses bad dates and a bad ID number', () => {
    const future = refused(() => apply(application(3, { dateOfDeath: '2025-10-16', burialDate: '2025-10-16' })));
    expect(future.code).toBe('VALIDATION');
    expect(future.fieldErrors.dateOfDeath).toBeDefined();
    expect(refused(() => apply(application(3, { burialDate: '2025-09-30' }))).fieldErrors.burialDate).toContain('早于死亡日期');
    expect(refused(() => apply(application(3, { burialDate: '2025-10-16' }))).fieldErrors.burialDate).toContain('晚于今天');
    const before = refused(() => apply(application(3, { dateOfDeath: '2023-06-01', burialDate: '2023-06-10' })));
    expect(before.code).toBe('CONFLICT');
    expect(before.message).toContain('不在奖补范围内');
    const badId = application(3);
    badId.deceasedIdNumber = `${badId.deceasedIdNumber.slice(0, 17)}${badId.deceasedIdNumber.endsWith('0') ? '1' : '0'}`;
    expect(refused(() => apply(badId)).fieldErrors.deceasedIdNumber).toContain('校验位');
  });

  it('pay before approval is refused; a reject needs a reason; the reviewer approves, then pays', () => {
    expect(refused(() => app.call('ecoBurial.pay', { id: sea.id, paidOn: '2025-10-15', paymentReference: 'ZF001' }, reviewer)).code).toBe('CONFLICT');
    expect(refused(() => app.call('ecoBurial.review', { id: sea.id, decision: 'approve' }, clerk)).code).toBe('FORBIDDEN');
    expect(refused(() => app.call('ecoBurial.review', { id: tree.id, decision: 'reject' }, reviewer)).fieldErrors.reason).toBeDefined();
    expect(refused(() => app.call('ecoBurial.review', { id: tree.id, decision: 'reject', reason: '  ' }, reviewer)).code).toBe('VALIDATION');

    const rejected = app.call('ecoBurial.review', { id: tree.id, decision: 'reject', reason: '安葬地点非公益性生态安葬区' }, reviewer);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '安葬地点非公益性生态安葬区', reviewedBy: '民政审核员' });
    expect(lastAudit().summary).not.toContain('安葬地点');
    expect(lastEvent().type).toBe('ecoBurial.subsidy.rejected');
    expect(refused(() => app.call('ecoBurial.pay', { id: tree.id, paidOn: '2025-10-15', paymentReference: 'ZF001' }, reviewer)).code).toBe('CONFLICT');

    const approved = app.call('ecoBurial.review', { id: sea.id, decision: 'approve' }, reviewer);
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: '民政审核员' });
    expect(lastAudit().summary).toBe('批准生态安葬奖补 ST2025-000001（奖补 1,000 元）');
    expect(refused(() => app.call('ecoBurial.review', { id: sea.id, decision: 'approve' }, reviewer)).code).toBe('CONFLICT');

    expect(refused(() => app.call('ecoBurial.pay', { id: sea.id, paidOn: '2025-10-14', paymentReference: 'ZF001' }, reviewer)).fieldErrors.paidOn).toContain('批准日期');
    expect(refused(() => app.call('ecoBurial.pay', { id: sea.id, paidOn: '2025-10-16', paymentReference: 'ZF001' }, reviewer)).fieldErrors.paidOn).toContain('今天');
    const paid = app.call('ecoBurial.pay', { id: sea.id, paidOn: '2025-10-15', paymentReference: 'ZF001' }, reviewer);
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2025-10-15', paymentReference: 'ZF001' });
    expect(lastAudit().summary).toBe('登记生态安葬奖补发放 ST2025-000001（1,000 元）');
    expect(JSON.parse(lastEvent().payload)).toEqual({ number: 'ST2025-000001', amount: 100000, paidOn: '2025-10-15', paymentReference: 'ZF001' });
  });

  it('lists newest first with masked ID numbers and the selected scheme; filters by status', () => {
    const all = app.call('ecoBurial.list', {}, reviewer);
    expect(all.selected).toBe('zhongshan');
    expect(all.items.map((i) => i.number)).toEqual(['ST2025-000002', 'ST2025-000001']);
    expect(all.items.every((i) => i.idNumberMasked.includes('********'))).toBe(true);
    expect(app.call('ecoBurial.list', { status: 'paid' }, clerk).items.map((i) => i.number)).toEqual(['ST2025-000001']);
  });

  it('under 深圳 a sea burial is 3,000 元 and a non-户籍 deceased is covered; the amount fixed at application stays', () => {
    app.call('ecoBurial.selectPolicy', { schemeId: 'shenzhen' }, admin);
    const a = apply(application(4, { hukouInCity: false, burialPlace: '深圳市海域' }));
    expect(a).toMatchObject({ number: 'ST2025-000003', amount: 300000, status: 'pending' });
    expect(app.call('ecoBurial.list', {}, reviewer).items.find((i) => i.number === 'ST2025-000001')?.amount).toBe(100000);
  });
});
