import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, cleanupTempDirs, count, FixedClock, idNumber, login, makeApp, readyUser } from '../helpers/civreg';

// 04:00 UTC: the same calendar date from UTC−4 to UTC+19, wherever the tests run.
const clock = new FixedClock('2026-09-01T04:00:00.000Z');
const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };
const declared = { declarationSigned: true, consentConfirmed: true } as const;

type Party = { name: string; sex: 'male' | 'female'; nationality: string; idNumber: string };
const man = (name: string, first17: string): Party => ({ name, sex: 'male', nationality: '中国', idNumber: idNumber(first17) });
const woman = (name: string, first17: string): Party => ({ name, sex: 'female', nationality: '中国', idNumber: idNumber(first17) });

// 2026-09-01: J110105-2026-000001 (stays married), -000002 and -000003 (divorced 2026-10-09: L…-000001, L…-000002).
const qian = man('钱进', '11010519880101171');
const sun = woman('孙丽', '31010419910501106'); // her number ends in X
const zhou = man('周杰', '11010519900303331');
const wu = woman('吴敏', '11010519920404442');
const zheng = man('郑军', '11010519900505551');
const feng = woman('冯雪', '11010519920606662');
// Later marriages: 郑军 on the day of his divorce (J…-000004), 吴敏 three days after hers (J…-000005).
const chu = woman('褚燕', '11010519910707282');
const jiang = man('蒋涛', '11010519930909191');

describe('补领 (BJ/BL) and the 婚姻登记记录证明', () => {
  let app: CivReg;
  let registrar: string;
  let archivist: string;
  let admin: string;

  const days = (n: number): void => {
    clock.advanceMinutes(n * 24 * 60);
    app.call('auth.unlock', { password: 'Admin12345' }, admin);
    app.call('auth.unlock', { password: 'Regist123x9' }, registrar);
    app.call('auth.unlock', { password: 'Archiv123x9' }, archivist);
  };
  const marry = (a: Party, b: Party) => app.call<'marriage.register'>('marriage.register', { party1: a, party2: b, ...declared }, registrar).certificateNumber;
  const reissue = (originalNumber: string, party: 1 | 2, idNumber: string, reason = '遗失') =>
    app.call<'certificates.reissue'>('certificates.reissue', { originalNumber, party, idNumber, reason }, registrar);
  /** Everything a command could write: refused commands must leave it all as it was. */
  const snapshot = () => ({
    reissues: count(app, 'certificate_reissues'),
    recordCertificates: count(app, 'record_certificates'),
    audit: count(app, 'audit_log'),
    outbox: count(app, 'outbox'),
    serials: app.database.sqlite.prepare('SELECT * FROM certificate_serials ORDER BY prefix, year').all(),
  });
  const refusedWithoutWriting = (fn: () => unknown) => {
    const before = snapshot();
    const err = appError(fn);
    expect(snapshot()).toEqual(before);
    return err;
  };
  const certificate = (key: string, party: 1 | 2) => app.call<'counter.document'>('counter.document', { document: 'certificate', key, party }, registrar);

  beforeAll(() => {
    ({ app } = makeApp({ clock }));
    admin = login(app);
    registrar = readyUser(app, admin, { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' });
    archivist = readyUser(app, admin, { username: 'dangan', displayName: '档案员', role: 'archivist', password: 'Archiv123' });
    expect([marry(qian, sun), marry(zhou, wu), marry(zheng, feng)]).toEqual(['J110105-2026-000001', 'J110105-2026-000002', 'J110105-2026-000003']);
    for (const n of ['J110105-2026-000002', 'J110105-2026-000003']) app.call('divorce.apply', { marriageCertificateNumber: n, ...agreement }, registrar);
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  describe('a marriage still registered (2026-09-01)', () => {
    it('the holder gets a replacement 结婚证 under the next BJ 字号: one audit entry, one event for the platform', () => {
      const before = snapshot();
      expect(reissue('J110105-2026-000001', 1, qian.idNumber)).toEqual({ certificateNumber: 'BJ110105-2026-000001', originalNumber: 'J110105-2026-000001', party: 1, issuedOn: '2026-09-01' });
      const after = snapshot();
      expect([after.reissues - before.reissues, after.audit - before.audit, after.outbox - before.outbox]).toEqual([1, 1, 1]);
      const event = app.database.sqlite.prepare('SELECT * FROM outbox ORDER BY rowid DESC LIMIT 1').get() as Record<string, unknown>;
      expect(JSON.stringify(event)).toContain('certificate.reissued');
      expect(JSON.stringify(event)).toContain('BJ110105-2026-000001');
    });

    it('the other holder (her number typed with a lower-case x) gets the next serial', () => {
      expect(reissue('J110105-2026-000001', 2, sun.idNumber.toLowerCase()).certificateNumber).toBe('BJ110105-2026-000002');
    });

    it('only the holder may apply: another person’s number is refused, and nothing is written (not even a serial)', () => {
      for (const [party, id] of [
        [1, sun.idNumber],
        [2, qian.idNumber],
        [1, zhou.idNumber],
      ] as const) {
        const err = refusedWithoutWriting(() => reissue('J110105-2026-000001', party, id));
        expect(err.code).toBe('VALIDATION');
        expect(err.message).toContain('补领须由持证人本人申请');
        expect(err.fieldErrors.idNumber).toBeDefined();
      }
    });

    it('a replacement’s own 字号, an unknown 字号, or a malformed one is refused, nothing written', () => {
      const own = refusedWithoutWriting(() => reissue('BJ110105-2026-000001', 1, qian.idNumber));
      expect(own.code).toBe('VALIDATION');
      expect(own.message).toContain('原结婚证或离婚证的字号');
      const unknown = refusedWithoutWriting(() => reissue('J110105-2026-000099', 1, qian.idNumber));
      expect(unknown.code).toBe('NOT_FOUND');
      expect(unknown.message).toContain('J110105-2026-000099');
      const malformed = refusedWithoutWriting(() => reissue('J110105-26-1', 1, qian.idNumber));
      expect(malformed.message).toContain('原证字号');
    });

    it('roles that do not register marriages cannot reissue', () => {
      const err = refusedWithoutWriting(() => app.call('certificates.reissue', { originalNumber: 'J110105-2026-000001', party: 1, idNumber: qian.idNumber, reason: '遗失' }, archivist));
      expect(err.code).toBe('FORBIDDEN');
    });

    it('the replacement prints its own BJ 字号, the original registration date and a remark naming the original', async () => {
      const d = certificate('BJ110105-2026-000001', 1);
      expect(d).toMatchObject({ templateId: 'marriage-certificate', documentKey: 'BJ110105-2026-000001/1' });
      expect(d.data).toMatchObject({
        holder: '钱进',
        certificateNumber: 'BJ110105-2026-000001',
        registrationDate: '2026-09-01',
        party1Name: '钱进',
        party2Name: '孙丽',
        party2IdNumber: sun.idNumber,
        registrar: '登记员',
      });
      expect(d.data.remarks).toContain('补发');
      expect(d.data.remarks).toContain('原证字号 J110105-2026-000001');
      expect(d.data.remarks).toContain('2026年09月01日');
      // The original certificate prints no remark.
      expect(certificate('J110105-2026-000001', 1).data.remarks).toBeUndefined();
      const pdf = await app.callAsync<'print.preview'>('print.preview', { templateId: d.templateId, data: d.data }, registrar);
      expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('a replacement is printed only for the party it was issued to', () => {
      const err = appError(() => certificate('BJ110105-2026-000001', 2));
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('BJ110105-2026-000001 是补发给一方的证书');
      expect(certificate('BJ110105-2026-000002', 2).data.holder).toBe('孙丽');
    });
  });

  describe('after divorces and remarriages', () => {
    beforeAll(() => {
      days(38); // 2026-10-09: both cooling-off periods are over
      for (const id of [1, 2]) app.call('divorce.register', { applicationId: id, bothPresent: true }, registrar);
      expect(marry(zheng, chu)).toBe('J110105-2026-000004'); // the same day as his divorce
    });

    it('a marriage since dissolved: no replacement 结婚证, CONFLICT pointing to the 婚姻登记记录证明, nothing written', () => {
      for (const [party, id] of [
        [1, zhou.idNumber],
        [2, wu.idNumber],
      ] as const) {
        const err = refusedWithoutWriting(() => reissue('J110105-2026-000002', party, id));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toContain('该婚姻已解除');
        expect(err.message).toContain('不予补发结婚证');
        expect(err.message).toContain('婚姻登记记录证明');
      }
    });

    it('a divorced person not married again gets a replacement 离婚证 under BL, its serials counted apart from BJ', () => {
      expect(reissue('L110105-2026-000002', 2, feng.idNumber)).toEqual({ certificateNumber: 'BL110105-2026-000001', originalNumber: 'L110105-2026-000002', party: 2, issuedOn: '2026-10-09' });
      const d = certificate('BL110105-2026-000001', 2);
      expect(d.templateId).toBe('divorce-certificate');
      expect(d.data).toMatchObject({ holder: '冯雪', certificateNumber: 'BL110105-2026-000001', registrationDate: '2026-10-09', party1Name: '郑军', party2Name: '冯雪' });
      expect(d.data.remarks).toContain('原证字号 L110105-2026-000002');
    });

    it('a divorced person who married again here is refused a replacement 离婚证, naming the date; nothing written', () => {
      days(3); // 2026-10-12
      expect(marry(jiang, wu)).toBe('J110105-2026-000005');
      const err = refusedWithoutWriting(() => reissue('L110105-2026-000001', 2, wu.idNumber));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('当事人已于 2026-10-12 再次登记结婚，婚姻状况已变化，不予补发离婚证');
      // Her former husband has not married again: he may have his.
      expect(reissue('L110105-2026-000001', 1, zhou.idNumber).certificateNumber).toBe('BL110105-2026-000002');
      const d = certificate('BL110105-2026-000002', 1);
      expect(d.data).toMatchObject({ holder: '周杰', registrationDate: '2026-10-09' });
      expect(d.data.remarks).toContain('原证字号 L110105-2026-000001');
      expect(d.data.remarks).toContain('2026年10月12日');
    });

    it('the 婚姻登记记录证明 lists every registration naming the person, in date order, dates in Chinese', () => {
      const before = snapshot();
      const c = app.call<'certificates.recordCertificate'>('certificates.recordCertificate', { idNumber: wu.idNumber }, registrar);
      expect(c).toEqual({ number: 'ZM110105-2026-000001', name: '吴敏', records: 3, issuedOn: '2026-10-12' });
      const after = snapshot();
      expect([after.recordCertificates - before.recordCertificates, after.audit - before.audit]).toEqual([1, 1]);
      const d = app.call<'counter.document'>('counter.document', { document: 'record-certificate', key: c.number }, registrar);
      expect(d.data).toMatchObject({ number: c.number, name: '吴敏', sex: '女', idNumber: wu.idNumber, issuedOn: '2026-10-12' });
      expect(d.data.purpose).toBeUndefined();
      expect((d.data.records as Array<Record<string, string>>).map((r) => [r.type, r.date, r.certificateNumber, r.spouse])).toEqual([
        ['结婚登记', '2026年09月01日', 'J110105-2026-000002', '周杰'],
        ['离婚登记', '2026年10月09日', 'L110105-2026-000001', '周杰'],
        ['结婚登记', '2026年10月12日', 'J110105-2026-000005', '蒋涛'],
      ]);
    });

    it('a divorce and a remarriage on the same day are listed divorce first', () => {
      const c = app.call<'certificates.recordCertificate'>('certificates.recordCertificate', { idNumber: zheng.idNumber, purpose: '办理公证' }, registrar);
      expect(c).toMatchObject({ number: 'ZM110105-2026-000002', name: '郑军', records: 3 });
      const d = app.call<'counter.document'>('counter.document', { document: 'record-certificate', key: c.number }, registrar);
      expect(d.data.purpose).toBe('办理公证');
      expect((d.data.records as Array<Record<string, string>>).map((r) => [r.type, r.date, r.spouse])).toEqual([
        ['结婚登记', '2026年09月01日', '冯雪'],
        ['离婚登记', '2026年10月09日', '冯雪'],
        ['结婚登记', '2026年10月09日', '褚燕'],
      ]);
    });

    it('a person with a lower-case x in the number, married only: one record', () => {
      expect(app.call<'certificates.recordCertificate'>('certificates.recordCertificate', { idNumber: sun.idNumber.toLowerCase() }, registrar)).toMatchObject({ name: '孙丽', records: 1 });
    });

    it('a person with no registration here is NOT_FOUND, and nothing is written (no number taken)', () => {
      const err = refusedWithoutWriting(() => app.call('certificates.recordCertificate', { idNumber: idNumber('11010519700101111') }, registrar));
      expect(err.code).toBe('NOT_FOUND');
      expect(err.message).toContain('本机关没有该当事人的婚姻登记记录');
      expect(app.call<'certificates.recordCertificate'>('certificates.recordCertificate', { idNumber: qian.idNumber }, registrar).number).toBe('ZM110105-2026-000004');
    });

    it('the record certificate renders through print.preview', async () => {
      const d = app.call<'counter.document'>('counter.document', { document: 'record-certificate', key: 'ZM110105-2026-000001' }, registrar);
      const pdf = await app.callAsync<'print.preview'>('print.preview', { templateId: d.templateId, data: d.data }, registrar);
      expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('one who married again on the very day of the divorce is refused a replacement 离婚证 too, nothing written', () => {
      const err = refusedWithoutWriting(() => reissue('L110105-2026-000002', 1, zheng.idNumber));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('再次登记结婚');
      expect(err.message).toContain('婚姻登记记录证明');
    });

    it('each certificate names the registrar who issued its 字号, whoever prints it later', () => {
      const colleague = readyUser(app, admin, { username: 'dengji2', displayName: '登记员乙', role: 'registrar', password: 'Regist456' });
      const byColleague = app.call<'certificates.reissue'>('certificates.reissue', { originalNumber: 'L110105-2026-000001', party: 1, idNumber: zhou.idNumber, reason: '遗失' }, colleague);
      // The divorce was registered by 登记员; its reissue by 登记员乙; the colleague prints both.
      const registrarOf = (key: string, party: 1 | 2) => app.call<'counter.document'>('counter.document', { document: 'certificate', key, party }, colleague).data.registrar;
      expect(registrarOf('L110105-2026-000001', 1)).toBe('登记员');
      expect(registrarOf(byColleague.certificateNumber, 1)).toBe('登记员乙');
      expect(registrarOf('J110105-2026-000004', 1)).toBe('登记员');
    });
  });

  describe('a new year (2027-01-05)', () => {
    it('BJ serials start again at 000001 for the year; the previous year’s are untouched', () => {
      days(85);
      expect(reissue('J110105-2026-000001', 1, qian.idNumber, '再次遗失').certificateNumber).toBe('BJ110105-2027-000001');
      expect(reissue('J110105-2026-000004', 2, chu.idNumber).certificateNumber).toBe('BJ110105-2027-000002');
      const serials = app.database.sqlite.prepare("SELECT year, last_serial AS n FROM certificate_serials WHERE prefix = 'BJ' ORDER BY year").all();
      expect(serials).toEqual([
        { year: 2026, n: 2 },
        { year: 2027, n: 2 },
      ]);
      expect(certificate('BJ110105-2027-000001', 1).data.remarks).toContain('2027年01月05日');
    });
  });
});
