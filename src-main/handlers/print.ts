import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { AppError, hasPermission, ROLE_LABELS, type OpParsedInput, type Role } from '../contract';
import { addedFonts, printerCalibrations, printJobs, users } from '../db/schema';
import type { ReadContext, ReadHandler, WriteHandler, PreparedWrite } from '../core/context';
import { FontProblem, LoadedFont } from '../print/fonts';
import { verifyQrText } from '../print/qr-signature';
import { renderPdf } from '../print/render';
import { listPrinters, sendToPrinter } from '../print/service';
import { takeBooklet } from './booklets';
import { isCertificate, type Template } from '../print/template';
import { TEMPLATES, templateById } from '../print/templates';

/** A preview's QR code: not signed, so a preview can never pass for an issued certificate. */
const UNSIGNED_PREVIEW = (): string => 'CIVREG1-PREVIEW|样张，不可核验';

function render(ctx: ReadContext, input: { templateId: string; data: Record<string, unknown>; printer?: string }, preview: boolean): Promise<Uint8Array> {
  const template = templateById(input.templateId);
  const fonts = ctx.print.fonts(ctx.db);
  const offset = preview ? undefined : ctx.print.calibration(ctx.db, input.printer);
  const signQr = preview ? UNSIGNED_PREVIEW : ctx.print.signer(ctx.db, ctx.stationId());
  return renderPdf(template, input.data, { fonts, preview, offset, signQr });
}

/**
 * A document carrying the station's signature is a certificate: only roles that issue
 * certificates may produce one, its holder is one of the two parties, and its document key is
 * set here — certificate number and which party holds it — so that printing it again is always a reprint,
 * whatever key the client sent.
 */
function documentKeyOf(ctx: ReadContext, template: Template, input: { data: Record<string, unknown>; documentKey: string }): string {
  if (!isCertificate(template)) return input.documentKey;
  if (ctx.user && !hasPermission(ctx.user.role as Role, 'certificates.issue')) {
    throw new AppError('FORBIDDEN', `${ROLE_LABELS[ctx.user.role as Role]}无权打印或保存${template.title}`);
  }
  const { holder, party1Name, party2Name, certificateNumber } = input.data;
  if (holder !== party1Name && holder !== party2Name) {
    throw new AppError('VALIDATION', '持证人须为登记双方之一', { holder: '须为登记双方之一' });
  }
  // The party's place, not the name: the key appears in the audit log.
  return `${String(certificateNumber)}/${holder === party1Name ? 1 : 2}`;
}

export const listTemplates: ReadHandler<'print.templates'> = () =>
  [...TEMPLATES.values()].filter((t) => t.listed !== false).map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    booklet: t.booklet ?? null,
    page: t.page,
    fields: t.fields.flatMap((f) => (f.kind === 'qr' ? [] : [{ key: f.key, label: f.label, kind: f.kind, optional: Boolean(f.optional) }])),
  }));

export const preview: ReadHandler<'print.preview'> = async (ctx, input) => ({
  pdfBase64: Buffer.from(await render(ctx, input, true)).toString('base64'),
});

/** Every print and save is recorded and audited; printing the same document again is a reprint and needs a reason. */
export const output: PreparedWrite<'print.output', Uint8Array> = {
  async prepare(ctx, input) {
    if (input.destination === 'printer' && !input.printer) throw new AppError('VALIDATION', '请选择打印机', { printer: '请选择打印机' });
    documentKeyOf(ctx, templateById(input.templateId), input);
    const booklet = templateById(input.templateId).booklet;
    if (booklet && input.destination === 'printer' && !input.bookletSerial) {
      throw new AppError('VALIDATION', '套打证书须填写所用空白证书的印制编号', { bookletSerial: '请填写印制编号' });
    }
    if (input.bookletSerial && !(booklet && input.destination === 'printer')) {
      throw new AppError('VALIDATION', '只有打印到证书上时才填写印制编号', { bookletSerial: '此处不需要印制编号' });
    }
    return render(ctx, input, false);
  },
  commit(ctx, input: OpParsedInput<'print.output'>, pdf) {
    const template = templateById(input.templateId);
    const documentKey = documentKeyOf(ctx, template, input);
    const previous = ctx.db
      .select({ id: printJobs.id })
      .from(printJobs)
      .where(and(eq(printJobs.templateId, input.templateId), eq(printJobs.documentKey, documentKey)))
      .get();
    const reprint = Boolean(previous);
    if (reprint && !input.reprintReason) {
      throw new AppError('VALIDATION', '该文书已打印过：重印须填写原因', { reprintReason: '重印须填写原因' });
    }
    if (template.booklet && input.bookletSerial) takeBooklet(ctx, input.bookletSerial, template.booklet, { used: documentKey });
    const destination = input.destination === 'printer' ? `printer:${input.printer}` : 'pdf';
    const job = ctx.db
      .insert(printJobs)
      .values({
        templateId: input.templateId,
        documentKey,
        destination,
        reprintReason: reprint ? input.reprintReason! : null,
        pdfSha256: createHash('sha256').update(pdf).digest('hex'),
        at: ctx.now.toISOString(),
        userId: ctx.actor?.userId ?? null,
      })
      .returning({ id: printJobs.id })
      .get();
    const title = template.title;
    const result = {
      jobId: job.id,
      reprint,
      pdfBase64: input.destination === 'pdf' ? Buffer.from(pdf).toString('base64') : null,
      printerAccepted: null as boolean | null,
      message:
        input.destination === 'pdf'
          ? '已生成 PDF'
          : `已发送到打印机 ${input.printer}${input.bookletSerial ? `，印制编号 ${input.bookletSerial} 已从台账出库` : ''}`,
    };
    return {
      result,
      audit: {
        recordIds: [`print:${job.id}`, `document:${documentKey}`, ...(input.bookletSerial ? [`booklet:${input.bookletSerial}`] : [])],
        summary: `${reprint ? '重印' : '打印'}${title}（${documentKey}${input.bookletSerial ? `，印制编号 ${input.bookletSerial}` : ''}）${destination === 'pdf' ? '为 PDF' : `到 ${input.printer}`}${reprint ? `，原因：${input.reprintReason}` : ''}`,
      },
      // The job is on record before the printer is asked; if the printer refuses, the user is told and may reprint.
      afterCommit:
        input.destination === 'printer'
          ? async () => {
              try {
                await sendToPrinter(input.printer!, pdf);
                result.printerAccepted = true;
              } catch (err) {
                result.printerAccepted = false;
                result.message = `已记录，但打印机未接受：${(err as Error).message}`;
              }
            }
          : undefined,
    };
  },
};

export const listJobs: ReadHandler<'print.jobs'> = (ctx, input) =>
  ctx.db
    .select({
      id: printJobs.id,
      templateId: printJobs.templateId,
      documentKey: printJobs.documentKey,
      destination: printJobs.destination,
      reprintReason: printJobs.reprintReason,
      at: printJobs.at,
      username: users.username,
    })
    .from(printJobs)
    .leftJoin(users, eq(users.id, printJobs.userId))
    .where(input.documentKey ? eq(printJobs.documentKey, input.documentKey) : undefined)
    .orderBy(desc(printJobs.id))
    .limit(200)
    .all();

export const printers: ReadHandler<'print.printers'> = async (ctx) => ({
  ...(await listPrinters()),
  calibrations: ctx.db.select().from(printerCalibrations).all(),
});

export const calibrate: WriteHandler<'print.calibrate'> = (ctx, input) => {
  const before = ctx.print.calibration(ctx.db, input.printer);
  const row = { printer: input.printer, offsetXmm: input.offsetXmm, offsetYmm: input.offsetYmm, updatedAt: ctx.now.toISOString() };
  ctx.db.insert(printerCalibrations).values(row).onConflictDoUpdate({ target: printerCalibrations.printer, set: row }).run();
  return {
    result: { ok: true },
    audit: {
      recordIds: [`printer:${input.printer}`],
      summary: `打印机 ${input.printer} 套打校准：水平 ${before.x} → ${input.offsetXmm} 毫米，垂直 ${before.y} → ${input.offsetYmm} 毫米`,
      before,
      after: { x: input.offsetXmm, y: input.offsetYmm },
    },
  };
};

export const listFonts: ReadHandler<'fonts.list'> = (ctx) =>
  ctx.print.fonts(ctx.db).fonts.map((f) => ({ id: f.source.id, name: f.source.name, source: f.source.id.startsWith('added-') ? 'added' : 'shipped' }));

/** A font is checked (parsed, subset) before it is kept; a broken file is refused and nothing is saved. */
export const addFont: PreparedWrite<'fonts.add', { fileName: string; bytes: Buffer }> = {
  async prepare(_ctx, input) {
    const bytes = Buffer.from(input.fileBase64, 'base64');
    try {
      new LoadedFont({ id: 'candidate', name: input.name, file: '(upload)', faceIndex: input.faceIndex }, bytes);
    } catch (err) {
      const problem = err instanceof FontProblem ? err : new FontProblem('无法读取');
      throw new AppError('VALIDATION', `字体文件“${input.name}”不能使用：${problem.message}`, { [problem.field]: problem.message });
    }
    // One file per face: the same .ttc may be added once for each face the office needs.
    return { fileName: `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}-${input.faceIndex}.font`, bytes };
  },
  commit(ctx, input, { fileName, bytes }) {
    const file = path.join(ctx.print.fontsDir(), fileName);
    const existing = ctx.db.select().from(addedFonts).where(eq(addedFonts.fileName, fileName)).get();
    if (existing && fs.existsSync(file)) throw new AppError('CONFLICT', '这个字体已经添加过了', { fileBase64: '字体已存在' });
    if (existing) {
      // The row survived but the file did not (a database restored without its fonts folder): put the file back.
      fs.mkdirSync(ctx.print.fontsDir(), { recursive: true });
      fs.writeFileSync(file, bytes);
      return {
        result: { id: existing.id, name: existing.name },
        audit: { recordIds: [`font:${existing.id}`], summary: `补回字体文件“${existing.name}”` },
        afterCommit: () => ctx.print.invalidateFonts(),
      };
    }
    const row = ctx.db.insert(addedFonts).values({ name: input.name, fileName, faceIndex: input.faceIndex, addedAt: ctx.now.toISOString() }).returning().get();
    // Written inside the transaction: if writing the file fails, the row is rolled back with it.
    fs.mkdirSync(ctx.print.fontsDir(), { recursive: true });
    fs.writeFileSync(file, bytes);
    return {
      result: { id: row.id, name: row.name },
      audit: { recordIds: [`font:${row.id}`], summary: `添加字体“${row.name}”`, after: { name: row.name, fileName } },
      afterCommit: () => ctx.print.invalidateFonts(),
    };
  },
};

export const verifyQr: ReadHandler<'qr.verify'> = (ctx, input) => {
  const result = verifyQrText(input.text, (station) => ctx.print.publicKeys(ctx.db, station));
  return result.ok ? { ok: true, reason: null, facts: result.facts } : { ok: false, reason: result.reason, facts: result.facts ?? null };
};
