import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, asyncAppError, cleanupTempDirs, count, login, loginReady, makeApp } from '../helpers/civreg';
import { marriageData } from '../print/fixtures';


describe('the blank certificate booklet ledger', () => {
  let app: CivReg;
  let admin: string;
  let registrar: string;

  beforeAll(() => {
    ({ app } = makeApp());
    admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  const ledger = () => app.call('booklets.ledger', {}, admin);
  const marriage = () => ledger().totals.find((t) => t.kind === 'marriage')!;

  it('a received batch enters stock with its serial range', () => {
    const r = app.call('booklets.receive', { kind: 'marriage', prefix: 'GD26J', firstNumber: 1, lastNumber: 100, digits: 7 }, admin);
    expect(r).toMatchObject({ count: 100, first: 'GD26J0000001', last: 'GD26J0000100' });
    expect(marriage()).toEqual({ kind: 'marriage', received: 100, used: 0, voided: 0, inStock: 100 });
  });

  it('an overlapping batch, a reversed range, and a registrar receiving stock are refused, nothing written', () => {
    const before = count(app, 'booklet_batches');
    expect(appError(() => app.call('booklets.receive', { kind: 'marriage', prefix: 'GD26J', firstNumber: 90, lastNumber: 120, digits: 7 }, admin)).message).toContain('重叠');
    const reversed = appError(() => app.call('booklets.receive', { kind: 'divorce', prefix: 'GD26L', firstNumber: 10, lastNumber: 1, digits: 7 }, admin));
    expect(reversed.fieldErrors.lastNumber).toContain('终止号不能小于起始号');
    expect(appError(() => app.call('booklets.receive', { kind: 'divorce', prefix: 'GD26L', firstNumber: 1, lastNumber: 9, digits: 7 }, registrar)).code).toBe('FORBIDDEN');
    expect(count(app, 'booklet_batches')).toBe(before);
  });

  it('a spoiled booklet is voided with its reason, once; a serial outside the ledger is refused', () => {
    app.call('booklets.void', { serial: 'GD26J0000007', reason: '打印时卡纸' }, registrar);
    expect(marriage()).toMatchObject({ used: 0, voided: 1, inStock: 99 });
    expect(appError(() => app.call('booklets.void', { serial: 'GD26J0000007', reason: '再次作废' }, registrar)).message).toContain('已作废');
    expect(appError(() => app.call('booklets.void', { serial: 'GD26J0000500', reason: '不存在' }, registrar)).message).toContain('不在任何已领入');
  });

  it('printing a marriage certificate to a printer takes the booklet it is printed on; the ledger balances', async () => {
    const base = { templateId: 'marriage-certificate', data: marriageData(), destination: 'printer' as const, printer: 'counter-1' };
    const missing = await asyncAppError(app.callAsync('print.output', { ...base, documentKey: 'J110101-2024-000123' }, registrar));
    expect(missing.fieldErrors.bookletSerial).toBe('请填写印制编号');

    app.call('booklets.receive', { kind: 'divorce', prefix: 'GD26L', firstNumber: 1, lastNumber: 50, digits: 7 }, admin);
    const wrongKind = await asyncAppError(app.callAsync('print.output', { ...base, documentKey: 'J110101-2024-000123', bookletSerial: 'GD26L0000001' }, registrar));
    expect(wrongKind.message).toContain('是离婚证，不是结婚证');

    // No CUPS printer here: the job and the booklet are on record, and the answer says the printer did not take it.
    const r = await app.callAsync('print.output', { ...base, documentKey: 'J110101-2024-000123', bookletSerial: 'GD26J0000001' }, registrar);
    expect(r.printerAccepted).toBe(false);
    const again = await asyncAppError(app.callAsync('print.output', { ...base, documentKey: 'J110101-2024-000123', bookletSerial: 'GD26J0000001', reprintReason: '换一本重印' }, registrar));
    expect(again.message).toContain('已用于打印');

    const m = marriage();
    expect(m).toMatchObject({ received: 100, used: 1, voided: 1, inStock: 98 });
    expect(m.received).toBe(m.used + m.voided + m.inStock);
    expect(ledger().recent[0]).toMatchObject({ serial: 'GD26J0000001', outcome: 'used', documentKey: 'J110101-2024-000123/1' });
  });
});
