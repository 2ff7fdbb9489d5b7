import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import type { CounterDocument, OpOutput } from '../../src-main/contract';
import { appError, asyncAppError, cleanupTempDirs, count, counts, FixedClock, idNumber, login, makeApp, readyUser } from '../helpers/civreg';

// 04:00 UTC: the same calendar date from UTC−4 to UTC+19, wherever the tests run.
const clock = new FixedClock('2026-09-01T04:00:00.000Z');
const TODAY = '2026-10-20';
const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };
const declared = { declarationSigned: true, consentConfirmed: true } as const;

type Party = { name: string; sex: 'male' | 'female'; nationality: string; idNumber: string; documentType?: 'passport' | 'hk-macao-permit'; birthDate?: string };
const man = (name: string, first17: string): Party => ({ name, sex: 'male', nationality: '中国', idNumber: idNumber(first17) });
const woman = (name: string, first17: string): Party => ({ name, sex: 'female', nationality: '中国', idNumber: idNumber(first17) });

// Registered on 2026-09-01 as J110105-2026-000001 … 000005.
const M1 = [man('张伟', '11010519930307123'), woman('李娜', '34052419950101002')] as const;
const M2 = [man('王强', '44200019900101123'), woman('陈静', '44200019920202124')] as const;
const M3 = [man('刘洋', '11010519900101111'), woman('赵敏', '11010519890909222')] as const; // 刘洋's number ends in X
const M4 = [man('孙磊', '32010219870101131'), woman('周婷', '32010219880202142')] as const;
const M5 = [man('吴刚', '11010519850505151'), woman('郑丽', '11010519860606162')] as const;
// Today, 2026-10-20.
const M6 = [man('黄明', '11010519910101171'), { name: '艾米丽·史密斯', sex: 'female', nationality: '美国', documentType: 'passport', idNumber: 'E12345678', birthDate: '1995-06-11' }] as const satisfies readonly Party[];
const M7 = [man('王𠮷祥', '11010519920202191'), woman('阿依古丽·买买提', '65010219950611004')] as const;
const R1 = [man('赵小军', '11010520070101123'), woman('钱小红', '11010520080101002')] as const;
const R2 = [man('吴昊', '11010519940404131'), { name: 'BROWNLUCY', sex: 'female', nationality: '英国', documentType: 'passport', idNumber: 'L87654321', birthDate: '1996-03-03' }] as const satisfies readonly Party[];

const EVERY_NUMBER = [M1, M2, M3, M4, M5, M6, M7, R1, R2].flatMap((pair) => pair.map((p) => p.idNumber));
const hk: Party = { name: '陈美玲', sex: 'female', nationality: '中国', documentType: 'hk-macao-permit', idNumber: 'H12345678', birthDate: '1994-04-04' };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x00, 0x7f, 0x80, 0xfe, 0x01, 0x02, 0x03]);
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');

describe('the registrar’s counter: settings, drafts, today’s work, search and documents', () => {
  let app: CivReg;
  let admin: string;
  let registrar: string;
  let archivist: string;
  const ids: Record<string, number> = {};
  let m6Findings: string[] = [];

  const days = (n: number): void => {
    clock.advanceMinutes(n * 24 * 60);
    app.call('auth.unlock', { password: 'Admin12345' }, admin);
    app.call('auth.unlock', { password: 'Regist123x9' }, registrar);
    app.call('auth.unlock', { password: 'Archiv123x9' }, archivist);
  };
  const register = (pair: readonly [Party, Party], draftId?: number) =>
    app.call<'marriage.register'>('marriage.register', { party1: pair[0], party2: pair[1], ...declared, ...(draftId ? { draftId } : {}) }, registrar);
  const overview = () => app.call<'counter.overview'>('counter.overview', {}, registrar);
  const search = (query: string) => app.call<'counter.search'>('counter.search', { query }, registrar);
  const documentOf = (document: CounterDocument, key: string, party?: 1 | 2, session = registrar) =>
    app.call<'counter.document'>('counter.document', { document, key, ...(party ? { party } : {}) }, session);
  const preview = async (doc: { templateId: string; data: Record<string, unknown> }): Promise<Buffer> =>
    Buffer.from((await app.callAsync<'print.preview'>('print.preview', { templateId: doc.templateId, data: doc.data }, registrar)).pdfBase64, 'base64');

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    registrar = readyUser(app, admin, { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' });
    archivist = readyUser(app, admin, { username: 'dangan', displayName: '档案员', role: 'archivist', password: 'Archiv123' });
    for (const pair of [M1, M2, M3, M4, M5]) register(pair);
    ids.A = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000001', ...agreement }, registrar).id;
    days(1); // 09-02
    ids.D = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000005', ...agreement }, registrar).id;
    days(1); // 09-03: withdrawn more than 30 days before "today"
    app.call('divorce.withdraw', { applicationId: ids.D, party: 1 }, registrar);
    days(28); // 10-01
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  describe('协议离婚 applied for by a spouse’s ID number (certificate lost), with scans (2026-10-01)', () => {
    it('finds the marriage by either spouse’s document number, stores the scans, lists them, and returns them byte for byte', () => {
      const before = counts(app);
      const b = app.call<'divorce.apply'>(
        'divorce.apply',
        {
          spouseIdNumber: M2[1].idNumber,
          ...agreement,
          scans: [
            { name: '离婚协议书.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') },
            { name: '身份证复印件.pdf', mimeType: 'application/pdf', dataBase64: PDF.toString('base64') },
          ],
        },
        registrar,
      );
      ids.B = b.id;
      expect(b).toMatchObject({ marriageCertificateNumber: 'J110105-2026-000002', names: ['王强', '陈静'], receivedOn: '2026-10-01', coolingOffEnds: '2026-11-02', certificateDeadline: '2026-12-02', status: 'received' });
      expect(b.attachments.map(({ name, mimeType, size }) => ({ name, mimeType, size }))).toEqual([
        { name: '离婚协议书.png', mimeType: 'image/png', size: PNG.length },
        { name: '身份证复印件.pdf', mimeType: 'application/pdf', size: PDF.length },
      ]);
      expect(count(app, 'attachments')).toBe(2);
      expect(counts(app).audit - before.audit).toBe(1);
      const [png, pdf] = b.attachments.map((a) => app.call<'divorce.scan'>('divorce.scan', { id: a.id }, registrar));
      expect(png.name).toBe('离婚协议书.png');
      expect(png.mimeType).toBe('image/png');
      expect(Buffer.from(png.dataBase64, 'base64').equals(PNG)).toBe(true);
      expect(pdf.mimeType).toBe('application/pdf');
      expect(Buffer.from(pdf.dataBase64, 'base64').equals(PDF)).toBe(true);
      expect(app.call<'divorce.list'>('divorce.list', {}, registrar).find((x) => x.id === b.id)!.attachments).toHaveLength(2);
    });

    it('the husband’s number (lower-case x) finds his marriage too; it already has an open application', () => {
      const err = appError(() => app.call('divorce.apply', { spouseIdNumber: M2[0].idNumber.toLowerCase(), ...agreement }, registrar));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain(`已有未结的离婚登记申请（第 ${ids.B} 号）`);
    });

    it('a scan of another type is refused naming 扫描件类型, and nothing is written', () => {
      const before = { ...counts(app), applications: count(app, 'divorce_applications'), attachments: count(app, 'attachments') };
      const err = appError(() =>
        app.call('divorce.apply', { spouseIdNumber: M3[1].idNumber, ...agreement, scans: [{ name: '协议.gif', mimeType: 'image/gif', dataBase64: PNG.toString('base64') }] } as never, registrar),
      );
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('扫描件类型');
      expect(err.message).toContain('JPEG、PNG 或 PDF');
      expect(Object.keys(err.fieldErrors)).toEqual(['scans.0.mimeType']);
      expect({ ...counts(app), applications: count(app, 'divorce_applications'), attachments: count(app, 'attachments') }).toEqual(before);
    });

    it('an unknown number, or neither a 字号 nor a number, is refused; a scan that does not exist is NOT_FOUND', () => {
      const unknown = appError(() => app.call('divorce.apply', { spouseIdNumber: idNumber('11010519700101111'), ...agreement }, registrar));
      expect(unknown.code).toBe('NOT_FOUND');
      expect(unknown.message).toContain('本机关没有该身份证件号码的当事人未解除的婚姻登记');
      const neither = appError(() => app.call('divorce.apply', { ...agreement }, registrar));
      expect(neither.code).toBe('VALIDATION');
      expect(neither.message).toContain('请填写结婚证字号或一方的身份证件号码');
      expect(appError(() => app.call('divorce.scan', { id: 999 }, registrar)).code).toBe('NOT_FOUND');
    });
  });

  describe(`today at the counter (${TODAY})`, () => {
    beforeAll(() => {
      days(19); // 10-20
      app.call('divorce.register', { applicationId: ids.A, bothPresent: true }, registrar); // L110105-2026-000001
      app.call('divorce.withdraw', { applicationId: ids.B, party: 2 }, registrar);
    });

    describe('the office’s authorization for foreign-related and Hong Kong/Macao/Taiwan marriages (settings)', () => {
      it('is off until the administrator turns it on; anyone signed in may read it', () => {
        expect(app.call<'settings.get'>('settings.get', {}, registrar)).toEqual({ idleLockMinutes: 10, authorizedForeign: false, authorizedHkMacaoTaiwan: false });
      });

      it('a registrar cannot change it, and nothing is written', () => {
        const before = { ...counts(app), settings: count(app, 'settings') };
        const err = appError(() => app.call('settings.update', { authorizedForeign: true }, registrar));
        expect(err.code).toBe('FORBIDDEN');
        expect(err.message).toBe('婚姻登记员无权修改设置');
        expect({ ...counts(app), settings: count(app, 'settings') }).toEqual(before);
      });

      it('unauthorized: a passport holder is refused with the reason; registering is refused the same way and writes nothing', () => {
        const r = app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: M6[1] }, registrar);
        expect(r.ok).toBe(false);
        expect(r.problems).toEqual(['本登记机关未获授权办理涉外（含华侨）的婚姻登记（另一方持护照，婚姻登记条例第二条），请到省级人民政府确定的登记机关办理']);
        const before = { ...counts(app), marriages: count(app, 'marriages') };
        const err = appError(() => register(M6));
        expect(err.message).toContain('未获授权办理涉外（含华侨）的婚姻登记');
        expect({ ...counts(app), marriages: count(app, 'marriages') }).toEqual(before);
      });

      it('the administrator authorizes foreign-related marriages: audited with the change, and the passport holder is accepted', () => {
        const before = counts(app);
        const after = app.call<'settings.update'>('settings.update', { authorizedForeign: true }, admin);
        expect(after).toEqual({ idleLockMinutes: 10, authorizedForeign: true, authorizedHkMacaoTaiwan: false });
        expect(counts(app).audit - before.audit).toBe(1);
        const last = app.database.sqlite.prepare('SELECT operation, username, summary, record_ids FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
        expect(last).toMatchObject({ operation: 'settings.update', username: 'admin', summary: '办理涉外婚姻登记 否 → 是' });
        expect(JSON.parse(last.record_ids)).toEqual(['settings:authorizedForeign']);
        expect(app.call<'settings.get'>('settings.get', {}, registrar).authorizedForeign).toBe(true);

        const r = app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: M6[1] }, registrar);
        expect(r).toMatchObject({ ok: true, problems: [], registrationDate: TODAY });
        expect(r.findings).toContain('另一方艾米丽·史密斯：护照 E12345678，女，1995-06-11 出生，国籍 美国');
        m6Findings = r.findings;
      });

      it('authorized, a passport holder still needs the birth date from the passport, and a date that exists', () => {
        const noDate = { ...M6[1], birthDate: undefined };
        expect(app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: noDate }, registrar).problems).toEqual(['请按另一方的护照填写出生日期']);
        const err = appError(() => app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: { ...M6[1], birthDate: '1995-02-30' } }, registrar));
        expect(err.fieldErrors['party2.birthDate']).toBe('另一方出生日期 1995-02-30 不是实际存在的日期（应为 YYYY-MM-DD）');
      });

      it('the foreign authorization does not cover Hong Kong, Macao and Taiwan; that one is its own setting, and can be withdrawn again', () => {
        const refused = app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: hk }, registrar);
        expect(refused.problems.join()).toContain('本登记机关未获授权办理涉港澳台居民的婚姻登记（另一方持港澳居民来往内地通行证');
        app.call('settings.update', { authorizedHkMacaoTaiwan: true }, admin);
        expect(app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: hk }, registrar).ok).toBe(true);
        const before = counts(app);
        expect(app.call<'settings.update'>('settings.update', { authorizedHkMacaoTaiwan: false }, admin).authorizedHkMacaoTaiwan).toBe(false);
        expect(counts(app).audit - before.audit).toBe(1);
        const last = app.database.sqlite.prepare('SELECT summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { summary: string };
        expect(last.summary).toBe('办理涉港澳台居民婚姻登记 是 → 否');
        expect(app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: hk }, registrar).ok).toBe(false);
      });

      it('the passport holder’s marriage is registered with the document type kept', () => {
        expect(register(M6).certificateNumber).toBe('J110105-2026-000006');
        const row = app.database.sqlite.prepare("SELECT party2_document_type AS t, party2_id_number AS n, party2_birth_date AS b FROM marriages WHERE certificate_number = 'J110105-2026-000006'").get();
        expect(row).toEqual({ t: 'passport', n: 'E12345678', b: '1995-06-11' });
      });
    });

    describe('drafts: a case saved at the counter and resumed', () => {
      const data1 = { party1: { name: M7[0].name, idNumber: M7[0].idNumber }, step: 1 };
      const data2 = { party1: M7[0], party2: M7[1], step: 2, note: '女方回家取身份证' };

      it('saving a new draft: listed with who saved it; the audit names the draft, not the people', () => {
        const before = counts(app);
        const d = app.call<'drafts.save'>('drafts.save', { kind: 'marriage', title: '王𠮷祥 / 阿依古丽·买买提', data: data1 }, registrar);
        ids.draft1 = d.id;
        expect(d).toEqual({ id: d.id, kind: 'marriage', title: '王𠮷祥 / 阿依古丽·买买提', updatedAt: clock.now.toISOString(), savedBy: '登记员' });
        expect(counts(app).audit - before.audit).toBe(1);
        const last = app.database.sqlite.prepare('SELECT summary, record_ids FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { summary: string; record_ids: string };
        expect(last.summary).toBe(`暂存结婚登记（第 ${d.id} 号）`);
        expect(`${last.summary}${last.record_ids}`).not.toContain(M7[0].idNumber);
        expect(app.call<'drafts.get'>('drafts.get', { id: d.id }, registrar)).toEqual({ ...d, data: data1 });
      });

      it('saving it again under its number replaces the content and the time; still one draft', () => {
        clock.advanceMinutes(5);
        const n = count(app, 'drafts');
        const d = app.call<'drafts.save'>('drafts.save', { id: ids.draft1, kind: 'marriage', title: '王𠮷祥 / 阿依古丽·买买提（待取证）', data: data2 }, registrar);
        expect(d).toMatchObject({ id: ids.draft1, title: '王𠮷祥 / 阿依古丽·买买提（待取证）', updatedAt: clock.now.toISOString() });
        expect(count(app, 'drafts')).toBe(n);
        expect(app.call<'drafts.get'>('drafts.get', { id: ids.draft1 }, admin).data).toEqual(data2);
      });

      it('a draft that does not exist: saving over it, reading it, deleting it are NOT_FOUND, nothing written', () => {
        const before = { ...counts(app), drafts: count(app, 'drafts') };
        for (const err of [
          appError(() => app.call('drafts.save', { id: 999, kind: 'marriage', title: '甲 / 乙', data: {} }, registrar)),
          appError(() => app.call('drafts.get', { id: 999 }, registrar)),
          appError(() => app.call('drafts.delete', { id: 999 }, registrar)),
        ]) {
          expect(err.code).toBe('NOT_FOUND');
          expect(err.message).toBe('暂存第 999 号不存在（可能已办结或被删除）');
        }
        expect({ ...counts(app), drafts: count(app, 'drafts') }).toEqual(before);
      });

      it('the content must be an object; roles that do not register marriages cannot save', () => {
        expect(appError(() => app.call('drafts.save', { kind: 'marriage', title: '甲', data: [1, 2] } as never, registrar)).message).toContain('暂存内容');
        expect(appError(() => app.call('drafts.save', { kind: 'marriage', title: '甲', data: {} }, archivist)).code).toBe('FORBIDDEN');
      });

      it('a registration that fails leaves the draft to resume', () => {
        const before = { drafts: count(app, 'drafts'), marriages: count(app, 'marriages') };
        const err = appError(() => register([M7[0], { ...M7[1], idNumber: idNumber('65010220100611004') }], ids.draft1));
        expect(err.message).toContain('未达法定婚龄');
        expect({ drafts: count(app, 'drafts'), marriages: count(app, 'marriages') }).toEqual(before);
        expect(app.call<'drafts.get'>('drafts.get', { id: ids.draft1 }, registrar).data).toEqual(data2);
      });

      it('the registration that finishes the case deletes its draft in the same command (one audit entry)', () => {
        const before = counts(app);
        expect(register(M7, ids.draft1).certificateNumber).toBe('J110105-2026-000007');
        expect(counts(app).audit - before.audit).toBe(1);
        expect(appError(() => app.call('drafts.get', { id: ids.draft1 }, registrar)).code).toBe('NOT_FOUND');
      });

      it('a refusal and a divorce application finish their drafts too; a draft may also just be deleted', () => {
        const save = (kind: 'marriage' | 'divorce', title: string) => app.call<'drafts.save'>('drafts.save', { kind, title, data: { title } }, registrar).id;
        const forRefusal = save('marriage', '赵小军 / 钱小红');
        const forDivorce = save('divorce', '刘洋 / 赵敏');
        const toDelete = save('marriage', '误存');
        ids.kept = save('marriage', '吴昊 / Lucy Brown');

        ids.R1 = app.call<'marriage.refuse'>('marriage.refuse', { party1: R1[0], party2: R1[1], reasonCode: 'under-age', reason: '男方赵小军未满 22 周岁', draftId: forRefusal }, registrar).id;
        ids.C = app.call<'divorce.apply'>('divorce.apply', { marriageCertificateNumber: 'J110105-2026-000003', ...agreement, draftId: forDivorce }, registrar).id;
        const before = counts(app);
        expect(app.call<'drafts.delete'>('drafts.delete', { id: toDelete }, registrar)).toEqual({ ok: true });
        expect(counts(app).audit - before.audit).toBe(1);
        for (const id of [forRefusal, forDivorce, toDelete]) expect(appError(() => app.call('drafts.get', { id }, registrar)).code).toBe('NOT_FOUND');
        expect(app.call<'drafts.get'>('drafts.get', { id: ids.kept }, registrar).title).toBe('吴昊 / Lucy Brown');

        ids.R2 = app.call<'marriage.refuse'>('marriage.refuse', { party1: R2[0], party2: R2[1], reasonCode: 'not-voluntary', reason: '女方表示并非自愿' }, registrar).id;
        expect(app.call<'certificates.reissue'>('certificates.reissue', { originalNumber: 'J110105-2026-000004', party: 1, idNumber: M4[0].idNumber, reason: '遗失' }, registrar).certificateNumber).toBe(
          'BJ110105-2026-000001',
        );
      });
    });

    describe('counter.overview: today’s cases, drafts, divorce applications by deadline', () => {
      it('lists exactly today’s marriages, refusals, divorce steps and reissues, newest date first', () => {
        const o = overview();
        expect(o.today).toBe(TODAY);
        const brief = o.cases.map((c) => [c.kind, c.certificateNumber ?? c.id, c.status]).sort((a, b) => String(a).localeCompare(String(b)));
        expect(brief).toEqual(
          [
            ['marriage', 'J110105-2026-000006', '已登记结婚'],
            ['marriage', 'J110105-2026-000007', '已登记结婚'],
            ['divorce', 'L110105-2026-000001', '已离婚'],
            ['divorce', 'J110105-2026-000002', '已撤回'],
            ['divorce', 'J110105-2026-000003', '冷静期/待登记'],
            ['refusal', ids.R1, '不予登记：未达法定婚龄'],
            ['refusal', ids.R2, '不予登记：非双方自愿'],
            ['reissue', 'BJ110105-2026-000001', '补发（原证 J110105-2026-000004）'],
          ].sort((a, b) => String(a).localeCompare(String(b))),
        );
        for (const c of o.cases) if (c.kind !== 'divorce') expect(c.date, `${c.kind} ${c.id}`).toBe(TODAY);
        const dates = o.cases.map((c) => c.date);
        expect(dates).toEqual([...dates].sort().reverse());
        expect(o.cases.find((c) => c.kind === 'reissue')!.names).toEqual(['孙磊']);
        expect(o.cases.find((c) => c.certificateNumber === 'J110105-2026-000007')!.names).toEqual(['王𠮷祥', '阿依古丽·买买提']);
      });

      it('the drafts left to resume', () => {
        expect(overview().drafts.map((d) => [d.id, d.title, d.savedBy])).toEqual([[ids.kept, '吴昊 / Lucy Brown', '登记员']]);
      });

      it('divorce applications soonest deadline first (the list of applications is newest first); one withdrawn long ago is not among them', () => {
        const o = overview();
        expect(o.divorces.map((d) => [d.id, d.status, d.certificateDeadline])).toEqual([
          [ids.A, 'registered', '2026-11-09'],
          [ids.B, 'withdrawn', '2026-12-02'],
          [ids.C, 'received', '2026-12-21'],
        ]);
        expect(o.divorces.find((d) => d.id === ids.C)).toMatchObject({ names: ['刘洋', '赵敏'], receivedOn: TODAY, coolingOffEnds: '2026-11-19', marriageCertificateNumber: 'J110105-2026-000003' });
        expect(app.call<'divorce.list'>('divorce.list', {}, registrar).map((d) => d.id)).toEqual([ids.C, ids.B, ids.D, ids.A]);
      });

      it('ID numbers are masked like 110105********123X, and no whole number appears anywhere in the overview', () => {
        const o = overview();
        const m7 = o.cases.find((c) => c.certificateNumber === 'J110105-2026-000007')!;
        expect(m7.idNumbersMasked).toEqual([`110105********${M7[0].idNumber.slice(-4)}`, `650102********${M7[1].idNumber.slice(-4)}`]);
        for (const c of o.cases) for (const m of c.idNumbersMasked) expect(m).toMatch(/^(\d{6}\*{8}\d{3}[\dX]|\*+)$/);
        const json = JSON.stringify(o);
        for (const n of EVERY_NUMBER) expect(json, n).not.toContain(n);
      });

      it('archivists have no counter', () => {
        expect(appError(() => app.call('counter.overview', {}, archivist)).code).toBe('FORBIDDEN');
      });
    });

    describe('counter.search', () => {
      const numbers = (rs: OpOutput<'counter.search'>) => rs.map((r) => `${r.kind}:${r.certificateNumber ?? r.id}`).sort();

      it('by 字号 or its beginning (any case): the registration, what followed it, and its reissues', () => {
        expect(numbers(search('J110105-2026-000004'))).toEqual(['marriage:J110105-2026-000004', 'reissue:BJ110105-2026-000001']);
        expect(numbers(search('bj110105-2026'))).toEqual(['reissue:BJ110105-2026-000001']);
        expect(numbers(search('L110105-2026-000001'))).toEqual(['divorce:L110105-2026-000001']);
        expect(numbers(search('l110105'))).toEqual(['divorce:L110105-2026-000001']);
        const all = search('J110105-2026');
        expect(all.filter((r) => r.kind === 'marriage').map((r) => r.certificateNumber).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `J110105-2026-00000${n}`));
        expect(search('J110105-2025')).toEqual([]);
      });

      it('by a whole document number (a lower-case x too): the person’s marriage, divorce applications and refusals', () => {
        expect(numbers(search(M1[1].idNumber))).toEqual(['divorce:L110105-2026-000001', 'marriage:J110105-2026-000001']);
        expect(numbers(search(M3[0].idNumber.toLowerCase()))).toEqual(['divorce:J110105-2026-000003', 'marriage:J110105-2026-000003']);
        expect(numbers(search(R1[0].idNumber))).toEqual([`refusal:${ids.R1}`]);
        expect(numbers(search('E12345678'))).toEqual(['marriage:J110105-2026-000006']);
      });

      it('a passport number that happens to begin with L and digits is still found as a document number', () => {
        expect(numbers(search('L87654321'))).toEqual([`refusal:${ids.R2}`]);
      });

      it('part of a number finds nothing: a search cannot list people by the beginning of their ID numbers', () => {
        expect(search(M1[1].idNumber.slice(0, 14))).toEqual([]);
        expect(search('11010519')).toEqual([]);
      });

      it('by part of a name, including a character outside the BMP and a name with ·', () => {
        expect(numbers(search('依古丽'))).toEqual(['marriage:J110105-2026-000007']);
        expect(numbers(search('𠮷祥'))).toEqual(['marriage:J110105-2026-000007']);
        expect(numbers(search('史密斯'))).toEqual(['marriage:J110105-2026-000006']);
        expect(numbers(search('张伟'))).toEqual(['divorce:L110105-2026-000001', 'marriage:J110105-2026-000001']);
        expect(numbers(search('小军'))).toEqual([`refusal:${ids.R1}`]);
        expect(search('查无此人')).toEqual([]);
      });

      it('a name in Latin letters written without spaces is found as a name, not only as a document number', () => {
        expect(numbers(search('BROWNLUCY'))).toEqual([`refusal:${ids.R2}`]);
      });

            it('LIKE’s wildcards are not a way to list everyone', () => {
        expect(search('%%')).toEqual([]);
        expect(search('__')).toEqual([]);
      });

      it('a one-character query is refused naming the field', () => {
        expect(appError(() => search('张')).message).toContain('查询内容至少 2 个字符');
      });

      it('no whole ID number appears anywhere in search results', () => {
        const json = JSON.stringify([search('J110105'), search('L110105'), search('BJ110105'), ...EVERY_NUMBER.map((n) => search(n)), search('郑丽'), search('张伟')]);
        for (const n of EVERY_NUMBER) expect(json, n).not.toContain(n);
      });

      it('one full number is revealed on request, and the look is audited without the person in the log', () => {
        const row = search('艾米丽')[0];
        const auditBefore = count(app, 'audit_log');
        expect(app.call<'counter.revealIdNumber'>('counter.revealIdNumber', { kind: row.kind, id: row.id, index: 1 }, registrar)).toEqual({ idNumber: 'E12345678' });
        expect(count(app, 'audit_log')).toBe(auditBefore + 1);
        const entry = app.database.sqlite.prepare('SELECT operation, summary, record_ids FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
        expect(entry.operation).toBe('counter.revealIdNumber');
        expect(JSON.parse(entry.record_ids)).toEqual([`marriage:${row.id}`]);
        expect(JSON.stringify(entry)).not.toMatch(/E12345678|艾米丽/);
        expect(appError(() => app.call<'counter.revealIdNumber'>('counter.revealIdNumber', { kind: 'refusal', id: 9999, index: 0 }, registrar)).code).toBe('NOT_FOUND');
      });
    });

    describe('counter.document: documents built from the record', () => {
      it('the 结婚证 data for each holder, both parties’ particulars, birth dates in Chinese', () => {
        const d1 = documentOf('certificate', 'J110105-2026-000006', 1);
        expect(d1).toMatchObject({ templateId: 'marriage-certificate', title: '结婚证或离婚证', documentKey: 'J110105-2026-000006/1' });
        expect(d1.data).toMatchObject({
          holder: '黄明',
          registrationDate: TODAY,
          certificateNumber: 'J110105-2026-000006',
          party1Name: '黄明',
          party1Sex: '男',
          party1Nationality: '中国',
          party1BirthDate: '1991年01月01日',
          party1IdNumber: M6[0].idNumber,
          party2Name: '艾米丽·史密斯',
          party2Sex: '女',
          party2Nationality: '美国',
          party2BirthDate: '1995年06月11日',
          party2IdNumber: 'E12345678',
          office: '朝阳区民政局婚姻登记处',
          registrar: '登记员',
        });
        expect(d1.data.remarks).toBeUndefined();
        const d2 = documentOf('certificate', 'J110105-2026-000006', 2);
        expect(d2.documentKey).toBe('J110105-2026-000006/2');
        expect(d2.data.holder).toBe('艾米丽·史密斯');
      });

      it('the 离婚证 data for an L 字号: dated the day of the divorce, from the marriage’s particulars', () => {
        const d = documentOf('certificate', 'L110105-2026-000001', 2);
        expect(d.templateId).toBe('divorce-certificate');
        expect(d.data).toMatchObject({
          holder: '李娜',
          registrationDate: TODAY,
          certificateNumber: 'L110105-2026-000001',
          party1Name: '张伟',
          party1BirthDate: '1993年03月07日',
          party2Name: '李娜',
          party2BirthDate: '1995年01月01日',
          party2IdNumber: M1[1].idNumber,
        });
      });

      it('a certificate needs its holder; an unknown 字号 is NOT_FOUND', () => {
        expect(appError(() => documentOf('certificate', 'J110105-2026-000006')).message).toContain('请选择持证人');
        expect(appError(() => documentOf('certificate', 'J110105-2026-999999', 1)).code).toBe('NOT_FOUND');
        expect(appError(() => documentOf('certificate', 'L110105-2026-000009', 1)).code).toBe('NOT_FOUND');
      });

      it('the certificates render through print.preview', async () => {
        for (const [key, party] of [['J110105-2026-000006', 1], ['J110105-2026-000007', 2], ['L110105-2026-000001', 1]] as const) {
          const pdf = await preview(documentOf('certificate', key, party));
          expect(pdf.subarray(0, 5).toString('latin1'), key).toBe('%PDF-');
        }
      });

      it('the 审查处理表 carries the findings saved at registration, even after the settings change', () => {
        app.call('settings.update', { authorizedForeign: false }, admin);
        expect(app.call<'marriage.check'>('marriage.check', { party1: M6[0], party2: M6[1] }, registrar).ok).toBe(false);
        const f = documentOf('review-form', 'J110105-2026-000006');
        expect(f).toMatchObject({ templateId: 'marriage-review', title: '婚姻登记审查处理表', documentKey: 'review-form:J110105-2026-000006' });
        expect(m6Findings.length).toBeGreaterThan(5);
        // Each finding as recorded at registration, in order (as a list, or as the lines of one text).
        const checks = f.data.checks;
        expect(Array.isArray(checks) ? checks : String(checks).split('\n')).toEqual(m6Findings);
        expect(f.data).toMatchObject({ party1Name: '黄明', party2Name: '艾米丽·史密斯', party2DocumentType: '护照', party2IdNumber: 'E12345678', certificateNumber: 'J110105-2026-000006', applicationDate: TODAY });
        expect(appError(() => documentOf('review-form', 'J110105-2026-999999')).code).toBe('NOT_FOUND');
      });

      it('the 审查处理表 names the registrar who handled the case, whoever prints it', () => {
        expect(documentOf('review-form', 'J110105-2026-000006', undefined, admin).data.registrar).toBe('登记员');
      });

      it('the refusal notice carries the reason and its legal basis', () => {
        const n = documentOf('refusal-notice', String(ids.R1));
        expect(n).toMatchObject({ templateId: 'marriage-refusal-notice', title: '不予办理结婚登记告知书' });
        expect(n.data).toMatchObject({
          party1Name: '赵小军',
          party2Name: '钱小红',
          applicationDate: TODAY,
          decisionDate: TODAY,
          reason: '未达法定婚龄：男方赵小军未满 22 周岁',
          legalBasis: '《中华人民共和国民法典》第一千零四十七条',
          office: '朝阳区民政局婚姻登记处',
        });
        expect(documentOf('refusal-notice', String(ids.R2)).data).toMatchObject({ reason: '非双方自愿：女方表示并非自愿', legalBasis: '《中华人民共和国民法典》第一千零四十六条' });
        expect(appError(() => documentOf('refusal-notice', 'abc')).code).toBe('VALIDATION');
        expect(appError(() => documentOf('refusal-notice', '999')).code).toBe('NOT_FOUND');
      });

      it('the divorce receipt carries the date received and both periods', () => {
        const r = documentOf('divorce-receipt', String(ids.C));
        expect(r.templateId).toBe('divorce-receipt');
        expect(r.data).toMatchObject({
          applicationNumber: String(ids.C),
          party1Name: '刘洋',
          party2Name: '赵敏',
          marriageCertificateNumber: 'J110105-2026-000003',
          receivedOn: TODAY,
          coolingOffEnds: '2026-11-19',
          certificateDeadline: '2026-12-21',
        });
      });

      it('the withdrawal confirmation exists only for a withdrawn application, and names who withdrew', () => {
        const w = documentOf('divorce-withdrawal', String(ids.B));
        expect(w.templateId).toBe('divorce-withdrawal');
        expect(w.data).toMatchObject({ withdrawingPartyName: '陈静', withdrawingPartyIdNumber: M2[1].idNumber, otherPartyName: '王强', receivedOn: '2026-10-01', withdrawnOn: TODAY, marriageCertificateNumber: 'J110105-2026-000002' });
        for (const id of [ids.C, ids.A]) {
          const err = appError(() => documentOf('divorce-withdrawal', String(id)));
          expect(err.code).toBe('CONFLICT');
          expect(err.message).toContain('未撤回');
        }
        expect(appError(() => documentOf('divorce-withdrawal', '999')).code).toBe('NOT_FOUND');
      });

      it('the 婚姻登记记录证明 lists the marriage and the divorce in date order', () => {
        const before = counts(app);
        const c = app.call<'certificates.recordCertificate'>('certificates.recordCertificate', { idNumber: M1[1].idNumber, purpose: '办理出国手续' }, registrar);
        expect(c).toEqual({ number: 'ZM110105-2026-000001', name: '李娜', records: 2, issuedOn: TODAY });
        expect(counts(app).audit - before.audit).toBe(1);
        const d = documentOf('record-certificate', c.number);
        expect(d.templateId).toBe('marriage-record-certificate');
        expect(d.data).toMatchObject({ number: c.number, name: '李娜', sex: '女', idNumber: M1[1].idNumber, purpose: '办理出国手续', issuedOn: TODAY });
        expect((d.data.records as Array<Record<string, string>>).map((r) => [r.type, r.date, r.certificateNumber, r.spouse])).toEqual([
          ['结婚登记', '2026年09月01日', 'J110105-2026-000001', '张伟'],
          ['离婚登记', '2026年10月20日', 'L110105-2026-000001', '张伟'],
        ]);
      });

      it('each A4 document renders through print.preview', async () => {
        const docs = [
          documentOf('review-form', 'J110105-2026-000006'),
          documentOf('refusal-notice', String(ids.R1)),
          documentOf('divorce-receipt', String(ids.C)),
          documentOf('divorce-withdrawal', String(ids.B)),
          documentOf('record-certificate', 'ZM110105-2026-000001'),
        ];
        expect(docs.map((d) => d.templateId)).toEqual(['marriage-review', 'marriage-refusal-notice', 'divorce-receipt', 'divorce-withdrawal', 'marriage-record-certificate']);
        const failures: string[] = [];
        for (const d of docs) {
          try {
            const pdf = await preview(d);
            if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') failures.push(`${d.templateId}: not a PDF`);
          } catch (err) {
            failures.push(`${d.templateId}: ${(err as Error).message}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it('an unknown document kind is refused naming the field', async () => {
        expect(appError(() => documentOf('declaration' as CounterDocument, 'J110105-2026-000006')).message).toContain('文书');
        expect((await asyncAppError(app.callAsync('print.preview', { templateId: 'no-such-template', data: {} }, registrar))).code).toBe('NOT_FOUND');
      });
    });
  });
});

describe('a divorce application’s scans must be what they claim to be', () => {
  let app: CivReg;
  let registrar: string;
  beforeAll(() => {
    ({ app } = makeApp({ clock: new FixedClock('2026-09-01T04:00:00.000Z') }));
    const admin = login(app);
    registrar = readyUser(app, admin, { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' });
    app.call('marriage.register', { party1: M3[0], party2: M3[1], ...declared }, registrar);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('a scan whose content is not base64 is refused naming 扫描件, not stored as garbage', () => {
    const before = { ...counts(app), applications: count(app, 'divorce_applications'), attachments: count(app, 'attachments') };
    const err = appError(() =>
      app.call('divorce.apply', { spouseIdNumber: M3[1].idNumber, ...agreement, scans: [{ name: '协议.png', mimeType: 'image/png', dataBase64: '这不是扫描件的内容!!' }] }, registrar),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('扫描件');
    expect({ ...counts(app), applications: count(app, 'divorce_applications'), attachments: count(app, 'attachments') }).toEqual(before);
  });
});
