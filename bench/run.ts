// `npm run bench`: the figures the issues name, printed as a table and written to bench-results/.
import fs from 'node:fs';
import path from 'node:path';
import { benchCertificatePdf } from './certificate-pdf';
import { benchColdStart } from './cold-start';
import { benchFirstPaint } from './first-paint';
import { benchFuneral } from './funeral';
import { removeTempDirs } from './fixtures';
import { benchRegistration } from './registration';
import { benchSync } from './sync';
import { round } from './stats';
import { benchWritePath } from './write-path';

process.env.CIVREG_QUIET = '1';

async function main(): Promise<void> {
  const results = {
    at: new Date().toISOString(),
    node: process.version,
    writePath: benchWritePath(),
    coldStart: benchColdStart(),
    firstPaint: await benchFirstPaint(),
    certificatePdf: await benchCertificatePdf(),
    registration: await benchRegistration(),
    funeral: await benchFuneral(),
    sync: await benchSync(),
  };
  const c = results.certificatePdf;
  const w = results.writePath;
  console.table({
    'audited writes/s (whole write path)': { value: w.auditedWritesPerSec, goal: '' },
    'raw better-sqlite3 insert/s (baseline)': { value: w.rawInsertPerSec, goal: '' },
    'ratio audited / raw insert': { value: round(w.ratioToRawInsert), goal: '≥ 0.25' },
    'raw update of the same row/s': { value: w.rawUpdatePerSec, goal: '' },
    'ratio audited / raw update': { value: round(w.ratioToRawUpdate), goal: '' },
    'µs per audited command': { value: round(w.auditedMicrosPerCommand, 1), goal: '' },
    'cold start, 1 M rows, median ms': { value: round(results.coldStart.medianMs, 1), goal: '≤ 500' },
    'cold start, 1 M rows, max ms': { value: round(results.coldStart.maxMs, 1), goal: '' },
    'first contentful paint, median ms': { value: round(results.firstPaint.firstContentfulPaintMedianMs, 1), goal: '' },
    'first form interactive, median ms': { value: round(results.firstPaint.formInteractiveMedianMs, 1), goal: '' },
    'marriage certificate PDF, median ms': { value: round(c.civregMedianMs, 1), goal: '≤ 10' },
    'marriage certificate PDF, p95 ms': { value: round(c.civregP95Ms, 1), goal: '' },
    'marriage certificate PDF, bytes': { value: c.civregBytes, goal: '≤ 61440' },
    'baseline pdf-lib own subsetting, median ms': { value: round(c.pdfLibSubsetMedianMs, 1), goal: '' },
    'baseline pdf-lib own subsetting, bytes': { value: c.pdfLibSubsetBytes, goal: '' },
    'baseline pdf-lib whole font, median ms': { value: round(c.pdfLibWholeFontMedianMs, 1), goal: '' },
    'baseline pdf-lib whole font, bytes': { value: c.pdfLibWholeFontBytes, goal: '' },
    'marriage registration + both certificate PDFs, median ms': { value: round(results.registration.medianMs, 1), goal: '≤ 30' },
    'marriage registration + both certificate PDFs, p95 ms': { value: round(results.registration.p95Ms, 1), goal: '≤ 30' },
    'funeral waiver entry (fresh station), median ms': { value: round(results.funeral.entryMedianMs, 2), goal: '≤ 5' },
    'funeral waiver entry (fresh station), p95 ms': { value: round(results.funeral.entryP95Ms, 2), goal: '≤ 5' },
    'funeral waiver entry (year loading), p95 ms': { value: round(results.funeral.yearEntryP95Ms, 2), goal: '≤ 5' },
    [`funeral month settlement (${results.funeral.monthWaivers} of ${results.funeral.yearWaivers} waivers) + statement PDF + xlsx, median ms`]: {
      value: round(results.funeral.settlementMedianMs, 1),
      goal: '≤ 1000',
    },
    'funeral month settlement + statement PDF + xlsx, p95 ms': { value: round(results.funeral.settlementP95Ms, 1), goal: '≤ 1000' },
    ...Object.fromEntries(
      results.sync.drains.flatMap((d) => [
        [`sync: drain ${results.sync.backlog} events, batch ${d.batchSize}, s`, { value: round(d.seconds, 2), goal: '≤ 10' }],
        [`sync: drain, batch ${d.batchSize}, events/s`, { value: d.eventsPerSec, goal: '' }],
      ]),
    ),
    [`sync: idle station CPU over ${results.sync.idleSeconds} s, ms`]: { value: results.sync.idleCpuMs, goal: '' },
    'sync: idle station CPU, % of one core': { value: round(results.sync.idleCpuPercent, 3), goal: '' },
  });
  const dir = path.resolve(__dirname, '../bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2));
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}

void main()
  .finally(removeTempDirs)
  .then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
