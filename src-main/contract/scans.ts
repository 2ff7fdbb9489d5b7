import { z } from 'zod';
import { labelled, text } from './fields';

/**
 * A scanned paper attached to a record (divorce agreement, ID copies, death certificate, proof of
 * hardship…): one rule for every area that takes scans, so the types and the size limit are the same.
 */
export const scanInput = z.strictObject({
  name: text('扫描件名称', { max: 100 }),
  mimeType: labelled('扫描件类型', z.enum(['image/jpeg', 'image/png', 'application/pdf'], { error: '扫描件须为 JPEG、PNG 或 PDF' })),
  // About 10 MB once decoded.
  dataBase64: labelled(
    '扫描件',
    z
      .string({ error: '请选择扫描件' })
      .min(8, '扫描件为空')
      .max(14_000_000, '扫描件过大（上限 10 MB）')
      // Node's decoder skips what is not base64: a damaged upload must be refused, not stored as garbage.
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '扫描件内容不是有效的 base64 编码'),
  ),
});

/** The scans of one submission: at most 20, none by default. */
export const scansInput = labelled('扫描件', z.array(scanInput).max(20, '扫描件不能超过 20 份')).default([]);

/** A stored scan as lists show it: no content, its size in bytes. */
export const attachmentView = z.object({ id: z.number(), name: z.string(), mimeType: z.string(), size: z.number() });

/** One stored scan with its content, to view or save. */
export const scanContent = z.object({ name: z.string(), mimeType: z.string(), dataBase64: z.string() });
