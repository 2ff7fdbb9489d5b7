import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { FontChain, loadFont, shippedFontSources } from '../src-main/print/fonts';
import { newStationKeyPair, privateKeyObject, signFacts } from '../src-main/print/qr-signature';
import { renderPdf } from '../src-main/print/render';
import { templateById } from '../src-main/print/templates';
import { mm } from '../src-main/print/units';
import { summarize } from './stats';

const RUNS = 60;
const WARMUP = 3;
/** The baselines take about a second each. */
const BASELINE_RUNS = 8;

/** A different couple each run, so that no subset can be reused from the run before. */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨宇浩然子涵欣怡梓萱雨轩'];

function certificate(i: number): Record<string, string> {
  const name = (k: number): string => SURNAMES[(i * 7 + k) % SURNAMES.length] + GIVEN[(i * 11 + k) % GIVEN.length] + GIVEN[(i * 13 + k * 5) % GIVEN.length];
  return {
    holder: name(1),
    registrationDate: '2026-11-23',
    certificateNumber: `J442000-2026-${String(i + 1).padStart(6, '0')}`,
    party1Name: name(1),
    party1Sex: '男',
    party1Nationality: '中国',
    party1BirthDate: '1990年01月01日',
    party1IdNumber: '442000199001011233',
    party2Name: name(2),
    party2Sex: '女',
    party2Nationality: '中国',
    party2BirthDate: '1992年02月29日',
    party2IdNumber: '65010219920229002X',
    office: '中山市民政局婚姻登记处',
    registrar: '李伟',
  };
}

async function timed(render: (i: number) => Promise<Uint8Array>, runs = RUNS): Promise<{ medianMs: number; p95Ms: number; bytes: number }> {
  for (let i = 0; i < WARMUP; i++) await render(1000 + i);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await render(i)).length;
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  return { medianMs: s.median, p95Ms: s.p95, bytes };
}

/** The baselines draw the same strings at the same places with pdf-lib alone, from one font file. */
async function plainPdfLib(fontBytes: Uint8Array, subset: boolean, data: Record<string, string>): Promise<Uint8Array> {
  const t = templateById('marriage-certificate');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset });
  const page = doc.addPage([mm(t.page.width), mm(t.page.height)]);
  for (const f of t.fields) {
    if (f.kind !== 'text' || !data[f.key]) continue;
    page.drawText(data[f.key], { x: mm(f.x), y: page.getHeight() - mm(f.y) - f.size, size: f.size, font });
  }
  return doc.save();
}

/**
 * A marriage certificate, warm (fonts loaded): CivReg's renderer (HarfBuzz subsets, fallback
 * chain, QR code) against pdf-lib subsetting the font itself, and pdf-lib embedding it whole.
 */
export async function benchCertificatePdf(): Promise<Record<string, number>> {
  const chain = new FontChain(shippedFontSources().map(loadFont));
  const key = privateKeyObject(newStationKeyPair().privateKey);
  const template = templateById('marriage-certificate');
  const ours = await timed((i) => renderPdf(template, certificate(i), { fonts: chain, signQr: (p) => signFacts({ ...p, station: 'BENCH-01' }, key) }));

  // pdf-lib cannot take one face out of a .ttc, so the baselines use the shipped single-face font,
  // BabelStone Han (51 MB), read once: its glyphs cover every character of the certificate.
  const wholeFile = fs.readFileSync(shippedFontSources()[1].file);
  const ownSubset = await timed((i) => plainPdfLib(wholeFile, true, certificate(i)), BASELINE_RUNS);
  const wholeFont = await timed((i) => plainPdfLib(wholeFile, false, certificate(i)), BASELINE_RUNS);
  return {
    runs: RUNS,
    civregMedianMs: ours.medianMs,
    civregP95Ms: ours.p95Ms,
    civregBytes: ours.bytes,
    pdfLibSubsetMedianMs: ownSubset.medianMs,
    pdfLibSubsetP95Ms: ownSubset.p95Ms,
    pdfLibSubsetBytes: ownSubset.bytes,
    pdfLibWholeFontMedianMs: wholeFont.medianMs,
    pdfLibWholeFontP95Ms: wholeFont.p95Ms,
    pdfLibWholeFontBytes: wholeFont.bytes,
    baselineRuns: BASELINE_RUNS,
    baselineFontBytes: wholeFile.length,
  };
}
