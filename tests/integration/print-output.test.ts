import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivReg } from '../../src-main/core/civreg';
import { appError, asyncAppError, cleanupTempDirs, count, login, loginReady, makeApp } from '../helpers/civreg';
import { marriageData } from '../print/fixtures';

describe('who may issue a certificate, and what counts as a reprint', () => {
  let app: CivReg;
  let registrar: string;
  let archivist: string;
  const pdf = (data = marriageData(), documentKey = 'J110101-2024-000123') =>
    ({ templateId: 'marriage-certificate', data, documentKey, destination: 'pdf' }) as const;

  beforeAll(() => {
    ({ app } = makeApp());
    const admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'dangan', displayName: '档案员', role: 'archivist', password: 'Archiv123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    archivist = loginReady(app, 'dangan', 'Archiv123');
  });
  afterAll(() => {
    app.close();
    cleanupTempDirs();
  });

  it('a role that does not issue certificates cannot produce a signed one, and nothing is recorded', async () => {
    const before = count(app, 'print_jobs');
    const err = await asyncAppError(app.callAsync<'print.output'>('print.output', pdf(), archivist));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('档案员无权打印或保存结婚证');
    expect(count(app, 'print_jobs')).toBe(before);
  });

  it("a certificate's document key is its number and holder, whatever the client sends: another key cannot dodge the reprint rule", async () => {
    const first = await app.callAsync<'print.output'>('print.output', pdf(), registrar);
    expect(first.reprint).toBe(false);
    const again = await asyncAppError(app.callAsync<'print.output'>('print.output', pdf(marriageData(), 'anything-else'), registrar));
    expect(again.fieldErrors.reprintReason).toBe('重印须填写原因');
    // The other party's booklet carries the same 字号 and is a first print of its own.
    const data = marriageData();
    const other = await app.callAsync<'print.output'>('print.output', pdf({ ...data, holder: data.party2Name }), registrar);
    expect(other.reprint).toBe(false);
    const notAParty = await asyncAppError(app.callAsync<'print.output'>('print.output', pdf({ ...data, holder: '路人甲' }), registrar));
    expect(notAParty.fieldErrors.holder).toBe('须为登记双方之一');
  });

  it('line breaks and tabs in a one-line field are refused naming the field', async () => {
    const err = await asyncAppError(app.callAsync<'print.output'>('print.output', pdf(marriageData({ office: '中山市\n民政局' })), registrar));
    expect(err.message).toContain('“登记机关”含有换行、制表符等控制字符');
  });

  it('the synchronous call refuses a rendering write before anything runs', () => {
    const before = count(app, 'audit_log');
    expect(appError(() => app.call('print.output', pdf(), registrar)).message).toContain('callAsync');
    expect(count(app, 'audit_log')).toBe(before);
  });

  it('a preview is never signed: the QR code on it does not verify', async () => {
    const { pdfBase64 } = await app.callAsync('print.preview', { templateId: 'marriage-certificate', data: marriageData() }, archivist);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-preview-'));
    fs.writeFileSync(path.join(dir, 'p.pdf'), Buffer.from(pdfBase64, 'base64'));
    execFileSync('pdftoppm', ['-r', '400', '-png', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'p.png')));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code?.data).toBe('CIVREG1-PREVIEW|样张，不可核验');
    expect(app.call('qr.verify', { text: code!.data }, archivist).ok).toBe(false);
  });
});
