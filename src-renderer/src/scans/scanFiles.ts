import type { UploadFile } from 'antd';
import type { z } from 'zod';
import { AppError } from '../../../src-main/contract';
import type { scanInput } from '../../../src-main/contract/scans';
import { readBase64 } from '../readBase64';

/** One scan as the contract takes it with a submission (divorce application, funeral waiver). */
export type Scan = z.infer<typeof scanInput>;
type ScanType = Scan['mimeType'];

const TYPES: Record<string, ScanType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'application/pdf': 'application/pdf',
};
// The browser may leave a file's type empty (or give one of its own): the extension decides then.
const BY_EXTENSION: Record<string, ScanType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
/** The contract's limit, decoded. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const MAX_SCANS = 20;

export function scanType(file: { type?: string; name: string }): ScanType | null {
  return TYPES[file.type ?? ''] ?? BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

/** The picked files as the contract's scans, read only when the form is submitted. */
export async function toScans(files: UploadFile[] | undefined): Promise<Scan[]> {
  return Promise.all(
    (files ?? []).map(async (f) => {
      const file = f.originFileObj;
      const mimeType = file ? scanType(file) : null;
      if (!file || !mimeType) throw new AppError('VALIDATION', `扫描件“${f.name}”须为 JPEG、PNG 或 PDF`, { scans: '类型不符' });
      return { name: f.name.slice(0, 100), mimeType, dataBase64: await readBase64(file, '扫描件', 'scans') };
    }),
  );
}
