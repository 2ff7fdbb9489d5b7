import { idCheckChar } from '../src-main/contract';
import type { CivReg } from '../src-main/core/civreg';
import { initializedStation, tempDir } from './fixtures';
import { summarize } from './stats';

const RUNS = 60;
const WARMUP = 3;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨宇浩然子涵欣怡梓萱雨轩'];

/** A different couple each run, with valid numbers of their own, so that the bigamy check finds nobody. */
function couple(i: number) {
  const name = (k: number): string => SURNAMES[(i * 7 + k) % SURNAMES.length] + GIVEN[(i * 11 + k) % GIVEN.length] + GIVEN[(i * 13 + k * 5) % GIVEN.length];
  const id = (birth: string, seq: number): string => {
    const first17 = `442000${birth}${String(seq).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  };
  // Sequence codes: odd for the man, even for the woman; 500 couples per birth date.
  const seq = (i % 500) * 2;
  const day = String(1 + Math.floor(i / 500)).padStart(2, '0');
  return {
    party1: { name: name(1), sex: 'male' as const, idNumber: id(`199001${day}`, seq + 1) },
    party2: { name: name(2), sex: 'female' as const, idNumber: id(`199202${day}`, seq + 2) },
  };
}

/**
 * The registration command as the counter runs it: the checks, the write with its audit entry and outbox
 * event, then both parties' certificates built from the record and rendered to PDF (each print
 * itself an audited write).
 */
async function registerWithCertificates(app: CivReg, session: string, i: number): Promise<number> {
  const { certificateNumber } = app.call<'marriage.register'>('marriage.register', { ...couple(i), declarationSigned: true, consentConfirmed: true }, session);
  let bytes = 0;
  for (const party of [1, 2] as const) {
    const doc = app.call<'counter.document'>('counter.document', { document: 'certificate', key: certificateNumber, party }, session);
    const out = await app.callAsync('print.output', { templateId: doc.templateId, data: doc.data, documentKey: doc.documentKey, destination: 'pdf' }, session);
    bytes += out.pdfBase64!.length;
  }
  return bytes;
}

export async function benchRegistration(): Promise<{ medianMs: number; p95Ms: number; runs: number }> {
  const { app, session: admin } = initializedStation(tempDir('registration'));
  try {
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    const first = app.call('auth.login', { username: 'dengji', password: 'Regist123' }).session;
    app.call('auth.changePassword', { currentPassword: 'Regist123', newPassword: 'Regist123x9' }, first);
    const session = app.call('auth.login', { username: 'dengji', password: 'Regist123x9' }).session;
    for (let i = 0; i < WARMUP; i++) await registerWithCertificates(app, session, 10_000 + i);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await registerWithCertificates(app, session, i);
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples);
    return { medianMs: s.median, p95Ms: s.p95, runs: RUNS };
  } finally {
    app.close();
  }
}
