import { z } from 'zod';
import { op } from './define';
import { intIn, labelled, pattern, text } from './fields';

const templateId = text('模板', { max: 64 });
const printer = text('打印机', { max: 128 });
const offset = (label: string) =>
  labelled(label, z.number({ error: `${label}必须是数字` }).min(-20, `${label}不能小于 -20 毫米`).max(20, `${label}不能大于 20 毫米`));
const templateData = labelled('打印数据', z.record(z.string(), z.unknown(), { error: '打印数据应为一个对象' }));

export const printJobView = z.object({
  id: z.number(),
  templateId: z.string(),
  documentKey: z.string(),
  destination: z.string(),
  reprintReason: z.string().nullable(),
  at: z.string(),
  username: z.string().nullable(),
});

/** Printing, fonts and certificate verification. */
export const printOperations = {
  'print.templates': op({
    title: '查看打印模板',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['a4', 'overlay']),
        page: z.object({ width: z.number(), height: z.number() }),
        fields: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string(), optional: z.boolean() })),
        /** Printing it to a printer takes a blank booklet of this kind (its 印制编号 is required). */
        booklet: z.enum(['marriage', 'divorce']).nullable(),
      }),
    ),
  }),
  'print.preview': op({
    title: '打印预览',
    kind: 'read',
    access: 'session',
    input: z.strictObject({ templateId, data: templateData }),
    output: z.object({ pdfBase64: z.string() }),
  }),
  'print.output': op({
    title: '打印或保存文书',
    kind: 'write',
    access: 'session',
    input: z.strictObject({
      templateId,
      data: templateData,
      documentKey: text('文书编号', { max: 128 }),
      destination: labelled('输出方式', z.enum(['printer', 'pdf'], { error: '输出方式应为打印机或 PDF' })),
      printer: printer.optional(),
      /** The pre-printed serial of the blank booklet a certificate is printed on. */
      bookletSerial: pattern('印制编号', /^[A-Z0-9]{1,24}$/, '大写字母和数字').optional(),
      reprintReason: text('重印原因', { max: 200 }).optional(),
    }),
    output: z.object({
      jobId: z.number(),
      reprint: z.boolean(),
      pdfBase64: z.string().nullable(),
      /** null for a PDF; for a printer, whether CUPS accepted the job. */
      printerAccepted: z.boolean().nullable(),
      message: z.string(),
    }),
  }),
  'print.jobs': op({
    title: '查看打印记录',
    kind: 'read',
    access: 'session',
    input: z.strictObject({ documentKey: text('文书编号', { max: 128 }).optional() }),
    output: z.array(printJobView),
  }),
  'print.printers': op({
    title: '查看打印机',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.object({
      printers: z.array(z.string()),
      defaultPrinter: z.string().nullable(),
      calibrations: z.array(z.object({ printer: z.string(), offsetXmm: z.number(), offsetYmm: z.number(), updatedAt: z.string() })),
    }),
  }),
  'print.calibrate': op({
    title: '设置打印机套打校准',
    kind: 'write',
    access: 'print.calibrate',
    input: z.strictObject({ printer, offsetXmm: offset('水平偏移'), offsetYmm: offset('垂直偏移') }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'fonts.list': op({
    title: '查看字体',
    kind: 'read',
    access: 'session',
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), name: z.string(), source: z.enum(['shipped', 'added']) })),
  }),
  'fonts.add': op({
    title: '添加字体',
    kind: 'write',
    access: 'settings.manage',
    input: z.strictObject({
      name: text('字体名称', { max: 60 }),
      fileBase64: labelled('字体文件', z.string({ error: '请选择字体文件' }).min(100, '字体文件为空或过小').max(140_000_000, '字体文件过大（上限约 100 MB）')),
      faceIndex: intIn('字体序号', 0, 32).default(0),
    }),
    output: z.object({ id: z.number(), name: z.string() }),
  }),
  'qr.verify': op({
    title: '核验证书二维码',
    kind: 'read',
    access: 'session',
    input: z.strictObject({ text: text('二维码内容', { max: 4000 }) }),
    output: z.object({
      ok: z.boolean(),
      reason: z.string().nullable(),
      facts: z
        .object({ station: z.string(), certificateNumber: z.string(), names: z.array(z.string()), date: z.string(), office: z.string() })
        .nullable(),
    }),
  }),
} as const;
