import { useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../src-main/contract';
import type { scanContent } from '../../../src-main/contract/scans';
import { asAppError } from '../formErrors';
import { usePdfBlob } from '../pages/print/usePdfBlob';

/** One stored scan with its content, as each area's own read operation returns it. */
export type ScanContent = z.infer<typeof scanContent>;

export interface ShownScan {
  name: string;
  mimeType: string;
  /** data: URL for an image, blob: URL for a PDF (the CSP frames only blob:). */
  href: string;
}

export interface ScanViewer {
  shown: ShownScan | null;
  /** The scan being fetched, for its 查看 button's spinner. */
  loadingId: number | null;
  error: AppError | null;
  show: (id: number) => Promise<void>;
  /** Stop showing the scan and let its blob: URL go. */
  close: () => void;
}

/**
 * Fetches one stored scan at a time through `load` (each area reads its scans through its own
 * operation, under its own access) and holds it to show. Only one blob: URL is held at a time.
 */
export function useScanViewer(load: (id: number) => Promise<ScanContent>): ScanViewer {
  const pdf = usePdfBlob();
  const [shown, setShown] = useState<ShownScan | null>(null);
  const [loadingId, setLoadingId] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const release = (): void => {
    if (shown?.href.startsWith('blob:')) pdf.revoke(shown.href);
  };
  const show = async (id: number): Promise<void> => {
    setLoadingId(id);
    setError(null);
    try {
      const scan = await load(id);
      release();
      const href = scan.mimeType === 'application/pdf' ? pdf.toUrl(scan.dataBase64) : `data:${scan.mimeType};base64,${scan.dataBase64}`;
      setShown({ name: scan.name, mimeType: scan.mimeType, href });
    } catch (err) {
      setError(asAppError(err));
    } finally {
      setLoadingId(null);
    }
  };
  const close = (): void => {
    release();
    setShown(null);
  };
  return { shown, loadingId, error, show, close };
}
