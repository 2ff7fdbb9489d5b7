import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../../src-main/contract';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, asyncAppError, cleanupTempDirs, count, FixedClock, idNumber, login, makeApp, readyUser, refusedUnchanged, STATION } from '../helpers/civreg';
import { DONGGUAN_BILL, serviceLine as svc, waiver } from '../helpers/funeral-bills';

type WaiverInput = OpInput<'funeral.enterWaiver'>;

const HOME = STATION.officeName;

/** 02:00 UTC: the same calendar date from UTC−2 to UTC+21. */
const clock = new FixedClock('2025-10-15T02:00:00.000Z');

describe('惠民殡葬: waivers, review, monthly settlement', () => {
  let app: CivReg;
  let admin: string;
  let staff: string;
  let reviewer: string;
  let reviewerId: number;
  let first: { id: number; number: string };

  const days = (n: number): void => {
    clock.advanceMinutes(n * 24 * 60);
    app.call('auth.unlock', { password: 'Admin12345' }, admin);
    app.call('auth.unlock', { password: 'Funeral123x9' }, staff);
    app.call('auth.unlock', { password: 'Review123x9' }, reviewer);
  };
  const snapshot = () => ({
    waivers: app.database.sqlite.prepare('SELECT * FROM funeral_waivers ORDER BY id').all(),
    settlements: count(app, 'funeral_settlements'),
    schemes: app.database.sqlite.prepare('SELECT * FROM funeral_policy_schemes').all(),
    settings: app.database.sqlite.prepare('SELECT * FROM settings').all(),
    serials: app.database.sqlite.prepare('SELECT * FROM certificate_serials').all(),
    audit: count(app, 'audit_log'),
    outbox: count(app, 'outbox'),
  });
  /** A refused command leaves every table as it was. */
  const refused = (fn: () => unknown) => refusedUnchanged(snapshot, fn);
  const enter = (input: WaiverInput) => app.call('funeral.enterWaiver', input, staff);
  const lastEvent = () =>
    app.database.sqlite.prepare('SELECT event_type AS type, record_id AS recordId, payload FROM outbox ORDER BY rowid DESC LIMIT 1').get() as {
      type: string;
      recordId: string;
      payload: string;
    };
  const lastAudit = () => app.database.sqlite.prepare('SELECT operation, summary, record_ids AS recordIds FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    operation: string;
    summary: string;
    recordIds: string;
  };

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    staff = readyUser(app, admin, { username: 'binyi', displayName: '殡仪馆录入员', role: 'funeral', password: 'Funeral123' });
    reviewer = readyUser(app, admin, { username: 'shenhe', displayName: '民政审核员', role: 'reviewer', password: 'Review123' });
    reviewerId = (app.database.sqlite.prepare("SELECT id FROM users WHERE username = 'shenhe'").get() as { id: number }).id;
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('without a selected scheme nothing is computed or entered, and the message tells whom to ask', () => {
    const err = refused(() => enter(waiver(1, '2025-10-08')));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('尚未选择本地殡葬减免方案');
    expect(err.message).toContain('请管理员');
    expect(appError(() => app.call<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-08'), staff)).message).toContain('尚未选择');
  });

  it('the administrator selects 惠州; an eco-burial-only scheme cannot be selected; staff cannot select', () => {
    expect(refused(() => app.call('funeral.selectPolicy', { schemeId: 'shenzhen' }, admin)).message).toContain('没有基本殡葬服务减免项目');
    expect(refused(() => app.call('funeral.selectPolicy', { schemeId: 'nowhere' }, admin)).code).toBe('NOT_FOUND');
    expect(refused(() => app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, staff)).code).toBe('FORBIDDEN');
    expect(app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin)).toEqual({ selected: 'huizhou' });
    const p = app.call('funeral.policies', {}, reviewer);
    expect(p.selected).toBe('huizhou');
    expect(p.schemes.map((s) => s.id)).toContain('dongguan');
    expect(p.usedVersionIds).toEqual([]);
  });

  it('computeWaiver shows each line and the 1,780 元 cap, and writes nothing', () => {
    const before = snapshot();
    const w = app.call<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-08'), staff);
    expect(snapshot()).toEqual(before);
    expect(w).toMatchObject({ versionId: 'hz-2025', eligible: true, totalClaimed: 285000, totalWaived: 178000, familyPays: 107000, overallCap: { cap: 178000, beforeCap: 285000 } });
    expect(w.lines.map((l) => [l.itemId, l.waived])).toEqual([
      ['transport', 37474],
      ['washing', 12491],
      ['storage', 28105],
      ['farewell', 31228],
      ['cremation', 37474],
      ['urn', 18737],
      ['ash-storage', 12491],
    ]);
    expect(w.lines[5].rule).toContain('总额不超过 1,780 元');
  });

  it('enters a waiver: JM number, pending, the audit without personal data, the event with what the province needs', () => {
    const input = waiver(1, '2025-10-08');
    const w = enter(input);
    first = { id: w.id, number: w.number };
    expect(w.number).toBe('JM2025-000001');
    expect(w).toMatchObject({ funeralHome: HOME, status: 'pending', totalWaived: 178000, totalClaimed: 285000, enteredBy: '殡仪馆录入员', settlementMonth: null });
    expect(w.idNumberMasked).toBe(`441302********${input.deceased.idNumber.slice(-4)}`);
    expect(w.computation.totalWaived).toBe(178000);

    const audit = lastAudit();
    expect(audit.operation).toBe('funeral.enterWaiver');
    expect(audit.summary).toContain('JM2025-000001');
    expect(audit.summary).not.toContain(input.deceased.name);
    expect(audit.summary).not.toContain(input.deceased.idNumber);
    expect(audit.recordIds).not.toContain(input.deceased.idNumber);

    const event = lastEvent();
    expect(event.type).toBe('funeral.waiver.entered');
    expect(event.recordId).toBe('JM2025-000001');
    expect(JSON.parse(event.payload)).toMatchObject({
      number: 'JM2025-000001',
      funeralHome: HOME,
      deceased: { idNumber: input.deceased.idNumber, dateOfDeath: '2025-10-08' },
      versionId: 'hz-2025',
      totalWaived: 178000,
    });

    // Lists mask the ID number; the detail shows it in full.
    const [listed] = app.call('funeral.waivers', {}, reviewer);
    expect(listed.idNumberMasked).not.toContain(input.deceased.idNumber);
    expect(JSON.stringify(listed)).not.toContain(input.deceased.idNumber);
    const detail = app.call('funeral.waiver', { id: w.id }, reviewer);
    expect(detail.input.deceased.idNumber).toBe(input.deceased.idNumber);
    expect(detail.computation.lines).toHaveLength(7);
    expect(app.call('funeral.policies', {}, admin).usedVersionIds).toEqual(['hz-2025']);
  });

  it('a second waiver for the same ID number is refused with nothing written', () => {
    const err = refused(() => enter(waiver(1, '2025-10-08', { deceased: { name: '李另名' } })));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(`该逝者已于 2025-10-15 在${HOME}办理减免（编号 JM2025-000001），不能重复减免`);
    expect(err.fieldErrors['deceased.idNumber']).toContain('JM2025-000001');
    expect(count(app, 'funeral_waivers')).toBe(1);
    // The trial computation shows it as the refusal it is.
    const trial = app.call<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-08'), staff);
    expect(trial.eligible).toBe(false);
    expect(trial.refusals[0].code).toBe('already-waived');
  });

  it('bad input is refused naming the field, with nothing written', () => {
    const future = refused(() => enter(waiver(2, '2025-10-16')));
    expect(future.code).toBe('VALIDATION');
    expect(future.fieldErrors['deceased.dateOfDeath']).toBe('死亡日期 2025-10-16 晚于今天（2025-10-15），不能是将来的日期');
    const beforeBirth = refused(() => enter(waiver(2, '1939-12-31')));
    expect(beforeBirth.fieldErrors['deceased.dateOfDeath']).toBe('死亡日期 1939-12-31 早于出生日期 1940-05-06');
    const noVersion = refused(() => enter(waiver(2, '2025-05-31')));
    expect(noVersion.fieldErrors['deceased.dateOfDeath']).toContain('死亡日期 2025-05-31 没有生效的惠州市基本殡葬服务减免版本');

    const overCap = refused(() => enter(waiver(2, '2025-10-08', { services: [svc('cremation', 1, 600), svc('storage', 5, 750)] })));
    expect(overCap.code).toBe('VALIDATION');
    expect(overCap.fieldErrors).toEqual({ 'services.1.quantity': '第 2 行：遗体冷藏（天）数量 5 超过政策上限 3 天' });

    const badId = refused(() => enter(waiver(2, '2025-10-08', { deceased: { idNumber: '441302194005060030' } })));
    expect(badId.fieldErrors['deceased.idNumber']).toBeDefined();
    const wrongSex = refused(() => enter(waiver(2, '2025-10-08', { deceased: { sex: 'female' } })));
    expect(wrongSex.fieldErrors['deceased.sex']).toBe('与身份证件号码不一致');
    const unknownItem = refused(() => enter(waiver(2, '2025-10-08', { services: [svc('coffin', 1, 800)] })));
    expect(unknownItem.fieldErrors['services.0.itemId']).toContain('coffin');
    const unknownCategory = refused(() => enter({ ...waiver(2, '2025-10-08'), categoryId: 'vip' }));
    expect(unknownCategory.fieldErrors.categoryId).toBe('减免对象类别「vip」不在版本「2025 年方案」中');
  });

  it('a person who is not eligible is not entered: the reasons are given, and the trial shows them', () => {
    const elsewhere = waiver(2, '2025-10-08', { deceased: { crematedAtCityHome: false } });
    const err = refused(() => enter(elsewhere));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^不符合减免条件，不能录入减免：不符合减免对象的户籍和地点条件/);
    expect(err.fieldErrors['deceased.hukouInCity']).toContain('在惠州市殡仪馆火化的人员');
    expect(app.call<'funeral.computeWaiver'>('funeral.computeWaiver', elsewhere, staff)).toMatchObject({ eligible: false, totalWaived: 0, familyPays: 285000 });
  });

  it('roles: the reviewer cannot enter, the funeral staff cannot review or close a month', () => {
    expect(refused(() => app.call('funeral.enterWaiver', waiver(2, '2025-10-08'), reviewer)).code).toBe('FORBIDDEN');
    expect(refused(() => app.call('funeral.reviewWaiver', { id: first.id, decision: 'approve' }, staff)).code).toBe('FORBIDDEN');
    expect(refused(() => app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-10' }, staff)).code).toBe('FORBIDDEN');
    expect(refused(() => app.call('funeral.reviewWaiver', { id: first.id, decision: 'approve' }, admin)).code).toBe('FORBIDDEN');
  });

  it('the reviewer may not review a waiver they entered (审核人不能是录入人)', () => {
    const set = app.database.sqlite.prepare('UPDATE funeral_waivers SET entered_by = ? WHERE id = ?');
    const original = (app.database.sqlite.prepare('SELECT entered_by AS e FROM funeral_waivers WHERE id = ?').get(first.id) as { e: number }).e;
    set.run(reviewerId, first.id);
    try {
      const err = refused(() => app.call('funeral.reviewWaiver', { id: first.id, decision: 'approve' }, reviewer));
      expect(err.message).toMatch(/^审核人不能是录入人/);
      expect(err.message).toContain('JM2025-000001');
    } finally {
      set.run(original, first.id);
    }
  });

  it('reject (with a reason) → correct (recomputed, pending again) → approve into the current month', () => {
    const noReason = refused(() => app.call('funeral.reviewWaiver', { id: first.id, decision: 'reject' }, reviewer));
    expect(noReason.fieldErrors.reason).toBe('请填写退回原因');
    const rejected = app.call('funeral.reviewWaiver', { id: first.id, decision: 'reject', reason: '缺少火化证明复印件' }, reviewer);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '缺少火化证明复印件', reviewedBy: '民政审核员', settlementMonth: null });
    expect(lastEvent().type).toBe('funeral.waiver.rejected');
    expect(lastAudit().summary).not.toContain('火化证明');
    expect(refused(() => app.call('funeral.reviewWaiver', { id: first.id, decision: 'approve' }, reviewer)).message).toContain('只有待审核的减免可以审核');

    // A returned waiver is not entered again: it is corrected in place.
    expect(refused(() => enter(waiver(1, '2025-10-08'))).message).toContain('该记录已被退回，请在原记录上修改后重新提交');
    const cheaper = [svc('transport', 1, 400), svc('cremation', 1, 600), svc('urn', 1, 300)];
    // The trial of the correction does not count the returned waiver as the person's earlier one.
    const trial = app.call<'funeral.computeWaiver'>('funeral.computeWaiver', { id: first.id, ...waiver(1, '2025-10-08', { services: cheaper }) }, staff);
    expect(trial).toMatchObject({ eligible: true, refusals: [], totalWaived: 130000 });
    expect(app.call<'funeral.computeWaiver'>('funeral.computeWaiver', waiver(1, '2025-10-08', { services: cheaper }), staff).refusals[0]?.code).toBe('already-waived');
    const corrected = app.call('funeral.correctWaiver', { id: first.id, ...waiver(1, '2025-10-08', { services: cheaper }) }, staff);
    expect(corrected).toMatchObject({ id: first.id, number: 'JM2025-000001', status: 'pending', totalWaived: 130000, rejectReason: null, reviewedBy: null });
    expect(corrected.computation.overallCap).toBeNull();
    expect(lastEvent().type).toBe('funeral.waiver.corrected');
    const pending = refused(() => app.call('funeral.correctWaiver', { id: first.id, ...waiver(1, '2025-10-08') }, staff));
    expect(pending.message).toBe('减免 JM2025-000001 待审核，不能更正：待审核的减免请审核员退回后修改');
    expect(pending.fieldErrors.id).toBe('待审核的减免请审核员退回后修改');

    const approved = app.call('funeral.reviewWaiver', { id: first.id, decision: 'approve' }, reviewer);
    expect(approved).toMatchObject({ status: 'approved', settlementMonth: '2025-10', reviewedBy: '民政审核员' });
    const event = lastEvent();
    expect(event.type).toBe('funeral.waiver.approved');
    expect(JSON.parse(event.payload)).toMatchObject({ number: 'JM2025-000001', settlementMonth: '2025-10', totalWaived: 130000 });
    // An approved waiver is corrected only with a reason (the 冲销 tests below).
    expect(refused(() => app.call('funeral.correctWaiver', { id: first.id, ...waiver(1, '2025-10-08') }, staff)).fieldErrors).toEqual({ reason: '请填写更正原因' });
  });

  it('the month: the settlement by item, closed once, a future month refused, later approvals go to the next month', () => {
    const second = enter(waiver(2, '2025-10-10'));
    expect(second.number).toBe('JM2025-000002');
    app.call('funeral.reviewWaiver', { id: second.id, decision: 'approve' }, reviewer);

    const open = app.call('funeral.settlement', { funeralHome: HOME, month: '2025-10' }, staff);
    expect(open).toMatchObject({ status: 'open', waivers: 2, totalClaimed: 130000 + 285000, totalWaived: 130000 + 178000, closedAt: null });
    expect(open.items.map((i) => [i.itemId, i.quantity, i.waived])).toEqual([
      ['transport', 2, 40000 + 37474],
      ['washing', 1, 12491],
      ['storage', 3, 28105],
      ['farewell', 1, 31228],
      ['cremation', 2, 60000 + 37474],
      ['urn', 2, 30000 + 18737],
      ['ash-storage', 1, 12491],
    ]);
    expect(open.items.reduce((s, i) => s + i.waived, 0)).toBe(open.totalWaived);

    expect(refused(() => app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-11' }, reviewer)).message).toBe('2025-11 尚未到来（本月为 2025-10），不能提交该月结算');
    expect(refused(() => app.call('funeral.closeMonth', { funeralHome: '别处殡仪馆', month: '2025-10' }, reviewer)).code).toBe('NOT_FOUND');
    const closed = app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-10' }, reviewer);
    expect(closed).toMatchObject({ status: 'closed', waivers: 2, totalWaived: 308000, closedBy: '民政审核员' });
    const event = lastEvent();
    expect(event.type).toBe('funeral.settlement.closed');
    expect(JSON.parse(event.payload)).toMatchObject({ funeralHome: HOME, month: '2025-10', waiverCount: 2, totalWaived: 308000 });
    expect(refused(() => app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-10' }, reviewer)).message).toBe(
      `${HOME} 2025-10 的结算已于 2025-10-15 提交，不能重复提交`,
    );

    // Still October, but October is closed: the next approval goes to November, October does not change.
    const third = enter(waiver(3, '2025-10-12'));
    expect(app.call('funeral.reviewWaiver', { id: third.id, decision: 'approve' }, reviewer).settlementMonth).toBe('2025-11');
    expect(app.call('funeral.settlement', { funeralHome: HOME, month: '2025-10' }, reviewer)).toMatchObject({ waivers: 2, totalWaived: 308000 });
    expect(app.call('funeral.settlement', { funeralHome: HOME, month: '2025-11' }, reviewer)).toMatchObject({ status: 'open', waivers: 1, totalWaived: 178000 });
    expect(app.call('funeral.waivers', { month: '2025-11' }, reviewer).map((w) => w.number)).toEqual([third.number]);
    expect(app.call('funeral.waivers', { status: 'approved', month: '2025-10' }, reviewer).map((w) => w.number)).toEqual(['JM2025-000002', 'JM2025-000001']);

    // An empty month may be submitted: a zero statement.
    const september = app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-09' }, reviewer);
    expect(september).toMatchObject({ status: 'closed', waivers: 0, totalWaived: 0, items: [] });
  });

  it('settlementExport opens in exceljs and adds up to the statement', async () => {
    const s = app.call('funeral.settlement', { funeralHome: HOME, month: '2025-10' }, reviewer);
    const out = await app.callAsync('funeral.settlementExport', { funeralHome: HOME, month: '2025-10' }, reviewer);
    expect(out.fileName).toBe(`殡葬费用减免结算_${HOME}_2025-10.xlsx`);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(out.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '汇总']);

    const detail = wb.getWorksheet('明细')!;
    expect(String(detail.getCell(1, 1).value)).toContain(HOME);
    expect(String(detail.getCell(1, 1).value)).toContain('2025年10月');
    expect(String(detail.getCell(2, 1).value)).toContain('已提交');
    const header = (detail.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['编号', '逝者', '死亡日期']);
    expect(header.slice(-2)).toEqual(['合计（元）', '备注']);
    expect(detail.rowCount).toBe(3 + 2 + 1);
    const totalCol = header.length - 1;
    const rows = [4, 5].map((r) => detail.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['JM2025-000001', 'JM2025-000002']);
    const perWaiver = rows.map((r) => r.getCell(totalCol).value as number);
    expect(perWaiver).toEqual([1300, 1780]);
    // Each row's items add up to its total; the total row to the statement.
    for (const r of rows) {
      const items = header.slice(3, -2).map((_, i) => (r.getCell(4 + i).value as number | null) ?? 0);
      expect(items.reduce((a, b) => a + b, 0)).toBeCloseTo(r.getCell(totalCol).value as number, 2);
    }
    const total = detail.getRow(6);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(totalCol).value).toBe(s.totalWaived / 100);
    expect(total.getCell(totalCol).numFmt).toBe('#,##0.00');
    expect(rows[0].getCell(4).numFmt).toBe('#,##0.00');

    const summary = wb.getWorksheet('汇总')!;
    const items = s.items.map((_, i) => summary.getRow(4 + i));
    expect(items.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(5).value])).toEqual(
      s.items.map((i) => [i.label, i.quantity, i.itemId === 'storage' ? '天' : i.itemId === 'urn' ? '个' : i.itemId === 'ash-storage' ? '年' : '次', i.waived / 100]),
    );
    const sumRow = summary.getRow(4 + s.items.length);
    expect(sumRow.getCell(1).value).toBe('合计');
    expect(sumRow.getCell(4).value).toBe(s.totalClaimed / 100);
    expect(sumRow.getCell(5).value).toBe(3080);
    expect(sumRow.getCell(5).numFmt).toBe('#,##0.00');

    // An open month says so.
    const nov = await app.callAsync('funeral.settlementExport', { funeralHome: HOME, month: '2025-11' }, staff);
    const wbNov = new Workbook();
    await wbNov.xlsx.load(Buffer.from(nov.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    expect(String(wbNov.getWorksheet('明细')!.getCell(2, 1).value)).toContain('未提交');
  });

  it('both documents come from the record and render through print.preview', async () => {
    const form = app.call('funeral.document', { document: 'waiver-form', key: String(first.id) }, reviewer);
    expect(form).toMatchObject({ templateId: 'funeral-waiver-form', documentKey: 'funeral-waiver-form:JM2025-000001' });
    expect(form.data).toMatchObject({
      number: 'JM2025-000001',
      funeralHome: HOME,
      idNumber: waiver(1, '2025-10-08').deceased.idNumber,
      dateOfDeath: '2025年10月08日',
      category: '基本殡葬服务对象（不限身份）',
      payerName: '李小华',
      decision: '同意减免 1,300.00 元，计入 2025年10月结算。',
      enteredBy: '殡仪馆录入员',
      reviewedBy: '民政审核员',
    });
    const lines = form.data.lines as Record<string, string>[];
    expect(lines.at(-1)).toEqual({ no: '', item: '合计', quantity: '', claimed: '1,300.00 元', waived: '1,300.00 元', familyPays: '0.00 元' });
    expect(String(form.data.rules)).toContain('遗体接运按实际费用减免');
    const formPdf = await app.callAsync('print.preview', { templateId: form.templateId, data: form.data }, reviewer);
    expect(Buffer.from(formPdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // The capped waiver states the cap once, under the lines.
    const capped = app.call('funeral.document', { document: 'waiver-form', key: String(app.call('funeral.waivers', { month: '2025-11' }, staff)[0].id) }, staff);
    expect(String(capped.data.rules)).toContain('每具遗体减免总额不超过 1,780.00 元');
    expect(String(capped.data.rules)).not.toContain('；总额不超过');
    await app.callAsync('print.preview', { templateId: capped.templateId, data: capped.data }, staff);

    const statement = app.call('funeral.document', { document: 'settlement-statement', key: `${HOME}|2025-10` }, reviewer);
    expect(statement.templateId).toBe('funeral-settlement-statement');
    expect(statement.documentKey).toBe(`funeral-settlement-statement:${HOME}|2025-10`);
    expect(statement.data).toMatchObject({
      funeralHome: HOME,
      month: '2025年10月',
      waiverCount: '2 人',
      total: '3,080.00 元',
      totalUppercase: '人民币叁仟零捌拾元整',
      status: '已提交（2025年10月15日）',
    });
    expect((statement.data.items as Record<string, string>[]).at(-1)).toEqual({ no: '', item: '合计', quantity: '', waived: '3,080.00 元' });
    const pdf = await app.callAsync('print.preview', { templateId: statement.templateId, data: statement.data }, reviewer);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const saved = await app.callAsync(
      'print.output',
      { templateId: statement.templateId, data: statement.data, documentKey: statement.documentKey, destination: 'pdf' },
      reviewer,
    );
    expect(saved.pdfBase64).toBeTruthy();

    // The longest data the contract allows still fits the form (long cells wrap or shrink).
    const long = enter({
      ...waiver(8, '2025-10-09', {
        deceased: {
          name: '阿卜杜热合曼·买买提依明·'.repeat(5).slice(0, 50),
          hukou: '广东省惠州市惠城区江北街道'.repeat(8).slice(0, 100),
          placeOfDeath: '惠州市中心人民医院住院部'.repeat(10).slice(0, 100),
          deathCertificateNumber: 'Y'.padEnd(40, '7'),
        },
      }),
      payer: { name: '热'.repeat(50), idNumber: idNumber('44130219700101002'), relation: '远'.repeat(20) },
    });
    const longForm = app.call('funeral.document', { document: 'waiver-form', key: String(long.id) }, staff);
    expect(longForm.data.deceasedName).toHaveLength(50);
    await app.callAsync('print.preview', { templateId: longForm.templateId, data: longForm.data }, staff);

    expect(appError(() => app.call('funeral.document', { document: 'settlement-statement', key: 'no-month' }, reviewer)).fieldErrors.key).toBeDefined();
    expect(appError(() => app.call('funeral.document', { document: 'waiver-form', key: '999' }, reviewer)).code).toBe('NOT_FOUND');
  });

  it('policy versions: a used version is never replaced; a new version may not re-attribute decided waivers; deaths either side of a new version', () => {
    const hz = app.call('funeral.policies', {}, admin).schemes.find((s) => s.id === 'huizhou')!;
    const hz2025 = hz.versions[0];

    const replace = refused(() => app.call('funeral.addPolicyVersion', { schemeId: 'huizhou', version: { ...hz2025, overallCap: 200000 } }, admin));
    expect(replace.code).toBe('CONFLICT');
    expect(replace.message).toBe('版本「2025 年方案」（2025-06-01 起）已被减免记录使用，不能修改；政策有变化请新增一个版本');
    expect(replace.fieldErrors['version.id']).toBeDefined();

    // Waivers under hz-2025 have deaths up to 2025-10-12: a version from 2025-10-01 would move them.
    const hzNew = { ...hz2025, id: 'hz-2025b', name: '2025 年调整方案', effectiveFrom: '2025-10-01', overallCap: 200000 };
    const moved = refused(() => app.call('funeral.addPolicyVersion', { schemeId: 'huizhou', version: hzNew }, admin));
    expect(moved.code).toBe('CONFLICT');
    expect(moved.fieldErrors['version.effectiveFrom']).toContain('死亡日期 2025-10-08 至 2025-10-12');

    const next = app.call('funeral.addPolicyVersion', { schemeId: 'huizhou', version: { ...hzNew, effectiveFrom: '2025-10-13' } }, admin);
    expect(next.versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['hz-2025', '2025-06-01', '2025-10-12'],
      ['hz-2025b', '2025-10-13', undefined],
    ]);
    expect(lastAudit().summary).toBe('新增殡葬减免政策版本 huizhou/hz-2025b「2025 年调整方案」（2025-10-13 起）；版本「2025 年方案」改为 2025-06-01 至 2025-10-12');
    expect(app.call('funeral.policies', {}, staff).schemes.find((s) => s.id === 'huizhou')!.versions).toHaveLength(2);

    // The day before and the day it starts.
    const before = enter(waiver(4, '2025-10-12'));
    const after = enter(waiver(5, '2025-10-13'));
    expect([before.computation.versionId, before.totalWaived]).toEqual(['hz-2025', 178000]);
    expect([after.computation.versionId, after.totalWaived]).toEqual(['hz-2025b', 200000]);
  });

  it('an overlapping explicit range is refused with the message (东莞 2025 plan runs to 2030-12-31)', () => {
    const dg = app.call('funeral.policies', {}, admin).schemes.find((s) => s.id === 'dongguan')!;
    const version = { ...dg.versions[1], id: 'dg-2027', name: '2027 年方案', effectiveFrom: '2027-01-01', effectiveTo: undefined };
    const err = refused(() => app.call('funeral.addPolicyVersion', { schemeId: 'dongguan', version }, admin));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors['version.effectiveFrom']).toBe(
      '版本「2025 年方案」（2025-09-01 至 2030-12-31）与版本「2027 年方案」（2027-01-01 起）的生效期重叠：2027-01-01 至 2030-12-31 两个版本同时有效',
    );
    expect(err.message).toContain('东莞市基本殡葬服务减免：');
    expect(refused(() => app.call('funeral.addPolicyVersion', { schemeId: 'dongguan', version }, staff)).code).toBe('FORBIDDEN');
  });

  it('东莞: deaths either side of 2025-09-01 are waived under the 2020 scheme (1,170 元 cap) and the 2025 plan', () => {
    app.call('funeral.selectPolicy', { schemeId: 'dongguan' }, admin);
    const bill = DONGGUAN_BILL;
    const old = enter(waiver(6, '2025-08-31', { services: bill, deceased: { hukou: '广东省东莞市莞城街道' } }));
    const plan = enter(waiver(7, '2025-09-01', { services: bill, deceased: { hukou: '广东省东莞市莞城街道' } }));
    expect([old.computation.versionId, old.totalWaived]).toEqual(['dg-2020', 117000]);
    expect([plan.computation.versionId, plan.totalWaived]).toEqual(['dg-2025', 164000]);
    expect(app.call('funeral.policies', {}, admin).usedVersionIds).toEqual(['dg-2020', 'dg-2025', 'hz-2025', 'hz-2025b']);
  });

  it('a year boundary: with December submitted, a December approval goes to January of the next year', async () => {
    days(50); // 2025-12-04
    const pending = app.call('funeral.waivers', { status: 'pending' }, reviewer);
    expect(pending.length).toBeGreaterThan(0);
    app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-12' }, reviewer);
    const approved = app.call('funeral.reviewWaiver', { id: pending[0].id, decision: 'approve' }, reviewer);
    expect(approved.settlementMonth).toBe('2026-01');
    // A reviewer reading a settlement of a home with no records is told so, not shown an empty month.
    expect((await asyncAppError(app.callAsync('funeral.settlementExport', { funeralHome: '无此殡仪馆', month: '2025-10' }, reviewer))).code).toBe('NOT_FOUND');
  });
});

describe('惠民殡葬: correcting approved waivers (冲销), scans', () => {
  const octClock = new FixedClock('2025-10-15T02:00:00.000Z');
  let app: CivReg;
  let staff: string;
  let reviewer: string;

  const PDF = { name: '死亡医学证明书.pdf', mimeType: 'application/pdf' as const, dataBase64: Buffer.from('%PDF-1.4 死亡医学证明书').toString('base64') };
  const PNG = { name: '低保证.png', mimeType: 'image/png' as const, dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64') };
  const CHEAPER = [svc('transport', 1, 400), svc('cremation', 1, 600), svc('urn', 1, 300)];
  const REASON = '骨灰盒等项目按实际收费重新核定';

  const snapshot = () => ({
    waivers: app.database.sqlite.prepare('SELECT * FROM funeral_waivers ORDER BY id').all(),
    reversals: app.database.sqlite.prepare('SELECT * FROM funeral_waiver_reversals ORDER BY id').all(),
    attachments: count(app, 'attachments'),
    settlements: app.database.sqlite.prepare('SELECT * FROM funeral_settlements').all(),
    serials: app.database.sqlite.prepare('SELECT * FROM certificate_serials').all(),
    audit: count(app, 'audit_log'),
    outbox: count(app, 'outbox'),
  });
  const refused = (fn: () => unknown) => refusedUnchanged(snapshot, fn);
  const enter = (input: WaiverInput) => app.call('funeral.enterWaiver', input, staff);
  const approve = (id: number) => app.call('funeral.reviewWaiver', { id, decision: 'approve' }, reviewer);
  const correct = (id: number, input: WaiverInput, extra: { reason?: string; scans?: (typeof PDF | typeof PNG)[] } = {}) =>
    app.call('funeral.correctWaiver', { id, ...input, ...extra }, staff);
  const settlement = (month: string) => app.call('funeral.settlement', { funeralHome: HOME, month }, reviewer);
  const events = (n: number) =>
    (app.database.sqlite.prepare('SELECT event_type AS type, record_id AS recordId, payload FROM outbox ORDER BY rowid DESC LIMIT ?').all(n) as { type: string; recordId: string; payload: string }[])
      .reverse()
      .map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }));

  let a: { id: number; number: string };
  let b: { id: number; number: string };
  let replacement: { id: number; number: string };
  let closedOctober: unknown;
  let closedStatement: unknown;

  beforeAll(() => {
    ({ app } = makeApp({ clock: octClock }));
    const admin = login(app);
    staff = readyUser(app, admin, { username: 'binyi', displayName: '殡仪馆录入员', role: 'funeral', password: 'Funeral123' });
    reviewer = readyUser(app, admin, { username: 'shenhe', displayName: '民政审核员', role: 'reviewer', password: 'Review123' });
    app.call('funeral.selectPolicy', { schemeId: 'huizhou' }, admin);
  });
  afterAll(() => app.close());

  it('scans are stored with the waiver in its transaction and listed on the detail; bad base64 is refused with nothing written', () => {
    const bad = refused(() => app.call('funeral.enterWaiver', { ...waiver(1, '2025-10-08'), scans: [{ ...PDF, dataBase64: '不是base64!' }] }, staff));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors['scans.0.dataBase64']).toContain('扫描件内容不是有效的 base64 编码');
    const badType = refused(() => app.call('funeral.enterWaiver', { ...waiver(1, '2025-10-08'), scans: [{ ...PDF, mimeType: 'image/gif' as 'image/png' }] }, staff));
    expect(badType.fieldErrors['scans.0.mimeType']).toContain('扫描件须为 JPEG、PNG 或 PDF');
    // A refused entry stores none of its scans.
    const entered = app.call('funeral.enterWaiver', { ...waiver(1, '2025-10-08'), scans: [PDF, PNG] }, staff);
    a = { id: entered.id, number: entered.number };
    expect(refused(() => app.call('funeral.enterWaiver', { ...waiver(1, '2025-10-08'), scans: [PDF] }, staff)).code).toBe('CONFLICT');

    const detail = app.call('funeral.waiver', { id: a.id }, reviewer);
    expect(detail.attachments.map(({ name, mimeType, size, waiverNumber }) => ({ name, mimeType, size, waiverNumber }))).toEqual([
      { name: PDF.name, mimeType: 'application/pdf', size: Buffer.from(PDF.dataBase64, 'base64').length, waiverNumber: a.number },
      { name: PNG.name, mimeType: 'image/png', size: 11, waiverNumber: a.number },
    ]);
    expect(app.call('funeral.scan', { id: detail.attachments[1].id }, staff)).toEqual({ name: PNG.name, mimeType: 'image/png', dataBase64: PNG.dataBase64 });
    expect(app.database.sqlite.prepare('SELECT record_id AS r FROM attachments').all()).toEqual([{ r: `funeral-waiver:${a.id}` }, { r: `funeral-waiver:${a.id}` }]);
    expect(appError(() => app.call('funeral.scan', { id: 999 }, staff)).code).toBe('NOT_FOUND');
    // The stored input holds no scan: the attachments table does.
    expect(JSON.stringify(detail.input)).not.toContain(PNG.dataBase64);
  });

  it('October is approved and closed; its statement is kept to compare', () => {
    approve(a.id);
    const second = enter(waiver(2, '2025-10-10'));
    b = { id: second.id, number: second.number };
    approve(b.id);
    app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-10' }, reviewer);
    closedOctober = settlement('2025-10');
    closedStatement = app.call('funeral.document', { document: 'settlement-statement', key: `${HOME}|2025-10` }, reviewer).data;
    expect(closedOctober).toMatchObject({ status: 'closed', waivers: 2, totalWaived: 2 * 178000, reversals: [] });
    expect(app.call('funeral.waivers', { status: 'approved' }, staff).every((w) => w.settlementClosed)).toBe(true);
  });

  it('an approved waiver is corrected only with a 更正原因; a pending one only after the reviewer returns it', () => {
    expect(refused(() => correct(a.id, waiver(1, '2025-10-08', { services: CHEAPER }))).fieldErrors).toEqual({ reason: '请填写更正原因' });
    expect(refused(() => correct(a.id, waiver(1, '2025-10-08', { services: CHEAPER }), { reason: '   ' })).fieldErrors.reason).toBe('请填写更正原因');
    const pending = enter(waiver(3, '2025-10-11'));
    const err = refused(() => correct(pending.id, waiver(3, '2025-10-11'), { reason: REASON }));
    expect(err.code).toBe('CONFLICT');
    expect(err.fieldErrors).toEqual({ id: '待审核的减免请审核员退回后修改' });
  });

  it('settled in a closed month: one write supersedes it, reverses it in November, and enters a replacement for review', () => {
    const auditBefore = count(app, 'audit_log');
    const result = correct(a.id, waiver(1, '2025-10-08', { services: CHEAPER }), { reason: REASON, scans: [PDF] });
    replacement = { id: result.id, number: result.number };
    expect(result).toMatchObject({ number: 'JM2025-000004', status: 'pending', totalWaived: 130000, replacesNumber: a.number, settlementMonth: null, enteredBy: '殡仪馆录入员' });
    expect(result.id).not.toBe(a.id);
    expect(count(app, 'audit_log')).toBe(auditBefore + 1);

    const original = app.call('funeral.waiver', { id: a.id }, reviewer);
    expect(original).toMatchObject({ status: 'superseded', settlementMonth: '2025-10', settlementClosed: true, totalWaived: 178000 });
    expect(original.reversal).toMatchObject({ waiverNumber: a.number, originalMonth: '2025-10', settlementMonth: '2025-11', reason: REASON, totalWaived: -178000, totalClaimed: -285000, replacedBy: replacement.number });

    const detail = app.call('funeral.waiver', { id: replacement.id }, reviewer);
    expect(detail.correctionReason).toBe(REASON);
    // The replacement's file: its own scan, and those of the waiver it replaces.
    expect(detail.attachments.map((x) => [x.name, x.waiverNumber])).toEqual([
      [PDF.name, a.number],
      [PNG.name, a.number],
      [PDF.name, replacement.number],
    ]);

    const [reversed, entered] = events(2);
    expect(reversed).toMatchObject({
      type: 'funeral.waiver.reversed',
      recordId: a.number,
      payload: { number: a.number, originalMonth: '2025-10', settlementMonth: '2025-11', totalWaived: 178000, reason: REASON, replacedBy: replacement.number },
    });
    expect(entered).toMatchObject({ type: 'funeral.waiver.entered', recordId: replacement.number, payload: { number: replacement.number, replaces: a.number, totalWaived: 130000 } });
    const audit = app.database.sqlite.prepare('SELECT summary, record_ids AS r FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { summary: string; r: string };
    expect(audit.summary).toContain(`在 2025-11 冲销 1,780 元`);
    expect(audit.summary).not.toContain(REASON);
    expect(JSON.parse(audit.r)).toEqual([`funeral-waiver:${a.id}`, 'funeral-waiver-reversal:1', `funeral-waiver:${replacement.id}`]);
  });

  it('the closed month does not change; the open month carries the reversal as a negative line', () => {
    expect(settlement('2025-10')).toEqual(closedOctober);
    expect(app.call('funeral.document', { document: 'settlement-statement', key: `${HOME}|2025-10` }, reviewer).data).toEqual(closedStatement);
    // Approved waivers of October: the superseded one still counts there.
    expect(app.call('funeral.waivers', { month: '2025-10' }, reviewer).map((w) => [w.number, w.status])).toEqual([
      [b.number, 'approved'],
      [a.number, 'superseded'],
    ]);

    const november = settlement('2025-11');
    expect(november).toMatchObject({ status: 'open', waivers: 0, items: [], totalWaived: -178000, totalClaimed: -285000 });
    expect(november.reversals).toHaveLength(1);
  });

  it('the duplicate check ignores the superseded waiver but still refuses a second live one, naming it', () => {
    const err = refused(() => enter(waiver(1, '2025-10-08')));
    expect(err.message).toContain(`编号 ${replacement.number}`);
    expect(err.message).not.toContain(a.number);
    const again = refused(() => correct(a.id, waiver(1, '2025-10-08'), { reason: REASON }));
    expect(again.message).toBe(`减免 ${a.number} 已冲销，不能再更正，请更正替代它的减免 ${replacement.number}`);
    expect(again.fieldErrors.id).toBe(`已冲销，由 ${replacement.number} 替代`);
    // The trial of the replacement does not count the person's superseded waiver as an earlier one.
    expect(app.call<'funeral.computeWaiver'>('funeral.computeWaiver', { id: replacement.id, ...waiver(1, '2025-10-08', { services: CHEAPER }) }, staff).eligible).toBe(true);
  });

  it('approved in a month still open: recomputed in place and back to review, without a reversal', () => {
    const c = app.call('funeral.waivers', { status: 'pending' }, reviewer).find((w) => w.number === 'JM2025-000003')!;
    expect(approve(c.id).settlementMonth).toBe('2025-11');
    expect(settlement('2025-11').waivers).toBe(1);
    const reopened = correct(c.id, waiver(3, '2025-10-11', { services: CHEAPER }), { reason: '冷藏天数录入有误' });
    expect(reopened).toMatchObject({ id: c.id, number: c.number, status: 'pending', settlementMonth: null, totalWaived: 130000, reviewedBy: null, replacesNumber: null });
    expect(count(app, 'funeral_waiver_reversals')).toBe(1);
    expect(events(1)[0]).toMatchObject({ type: 'funeral.waiver.corrected', recordId: c.number, payload: { correction: { reason: '冷藏天数录入有误', withdrawnFrom: '2025-11' } } });
    expect(settlement('2025-11')).toMatchObject({ waivers: 0, totalWaived: -178000 });
  });

  it('the replacement approved: November nets it against the reversal, and closing stores the net', async () => {
    expect(approve(replacement.id).settlementMonth).toBe('2025-11');
    expect(events(1)[0]).toMatchObject({ type: 'funeral.waiver.approved', payload: { number: replacement.number, replaces: a.number, settlementMonth: '2025-11' } });
    const november = settlement('2025-11');
    expect(november).toMatchObject({ waivers: 1, totalWaived: 130000 - 178000, totalClaimed: 130000 - 285000 });
    expect(november.items.reduce((s, i) => s + i.waived, 0) + november.reversals.reduce((s, r) => s + r.totalWaived, 0)).toBe(november.totalWaived);

    const statement = app.call('funeral.document', { document: 'settlement-statement', key: `${HOME}|2025-11` }, reviewer);
    const rows = statement.data.items as Record<string, string>[];
    expect(rows.slice(-2)).toEqual([
      { no: '4', item: `冲销 ${a.number}`, quantity: '原2025年10月', waived: '-1,780.00 元' },
      { no: '', item: '合计', quantity: '', waived: '-480.00 元' },
    ]);
    expect(statement.data).toMatchObject({ total: '-480.00 元', totalUppercase: '人民币负肆佰捌拾元整' });
    expect(statement.data.reversalNotes).toBe(`冲销 ${a.number}（原2025年10月结算，由 ${replacement.number} 替代）：${REASON}。`);
    const pdf = await app.callAsync('print.preview', { templateId: statement.templateId, data: statement.data }, reviewer);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const out = await app.callAsync('funeral.settlementExport', { funeralHome: HOME, month: '2025-11' }, reviewer);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(out.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const detail = wb.getWorksheet('明细')!;
    const header = (detail.getRow(3).values as unknown[]).slice(1);
    const totalCol = header.indexOf('合计（元）') + 1;
    expect([4, 5, 6].map((r) => [detail.getRow(r).getCell(1).value, detail.getRow(r).getCell(totalCol).value, detail.getRow(r).getCell(totalCol + 1).value])).toEqual([
      [replacement.number, 1300, `更正减免 ${a.number}`],
      [`冲销 ${a.number}`, -1780, `原2025年10月结算；更正原因：${REASON}`],
      ['合计', -480, '含冲销 1 笔'],
    ]);
    const summary = wb.getWorksheet('汇总')!;
    const last = summary.getRow(summary.rowCount);
    expect([summary.getRow(summary.rowCount - 1).getCell(1).value, last.getCell(4).value, last.getCell(5).value]).toEqual(['冲销（1 笔）', -1550, -480]);

    octClock.advanceMinutes(20 * 24 * 60); // 2025-11-04
    for (const [token, password] of [
      [staff, 'Funeral123x9'],
      [reviewer, 'Review123x9'],
    ]) {
      app.call('auth.unlock', { password }, token);
    }
    const closed = app.call('funeral.closeMonth', { funeralHome: HOME, month: '2025-11' }, reviewer);
    expect(closed).toMatchObject({ status: 'closed', totalWaived: -48000 });
    expect(app.database.sqlite.prepare("SELECT waivers, total_waived AS t FROM funeral_settlements WHERE month = '2025-11'").get()).toEqual({ waivers: 1, t: -48000 });
    expect(events(1)[0].payload).toMatchObject({ totalWaived: -48000, reversals: [{ number: a.number, totalWaived: -178000, reason: REASON }] });
    expect(settlement('2025-10')).toEqual(closedOctober);
  });

  it('the superseded waiver’s form states its reversal', () => {
    const form = app.call('funeral.document', { document: 'waiver-form', key: String(a.id) }, reviewer);
    expect(form.data.decision).toBe(`同意减免 1,780.00 元，计入 2025年10月结算。已于 2025年11月冲销，由减免 ${replacement.number} 替代。更正原因：${REASON}`);
  });
});
