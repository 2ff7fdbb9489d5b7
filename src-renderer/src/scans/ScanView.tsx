import type { ShownScan } from './useScanViewer';

/** The scan itself: a PDF in a frame, an image as it is, at most the width it is given. */
export function ScanView({ scan, testId }: { scan: ShownScan; testId?: string }) {
  return scan.mimeType === 'application/pdf' ? (
    <iframe src={scan.href} title={scan.name} style={{ width: '100%', height: '70vh', border: '1px solid #e5e7eb' }} data-testid={testId} />
  ) : (
    <img src={scan.href} alt={scan.name} style={{ maxWidth: '100%', border: '1px solid #e5e7eb' }} data-testid={testId} />
  );
}
