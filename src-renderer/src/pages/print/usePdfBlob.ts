import { useEffect, useMemo, useRef } from 'react';

export interface PdfBlobs {
  /** The server's base64 PDF as a blob: URL, kept until it is revoked or the page goes away. */
  toUrl: (pdfBase64: string) => string;
  /** Let go of a URL from `toUrl` that nothing shows or links to any more. */
  revoke: (url: string) => void;
  /** Save under `fileName` through the browser's download. */
  save: (url: string, fileName: string) => void;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file name the operating system accepts, from a document key such as J110101-2024-000123. */
export function pdfFileName(documentKey: string): string {
  return `${documentKey.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
}

/**
 * PDFs are shown and saved through blob: URLs: shown in a frame inside the page (the CSP allows
 * blob: frames and nothing else), saved with an <a download>. Whatever is still held when the page
 * goes away is revoked then.
 */
export function usePdfBlob(): PdfBlobs {
  const urls = useRef<string[]>([]);

  useEffect(() => {
    const created = urls.current;
    return () => {
      for (const url of created.splice(0)) URL.revokeObjectURL(url);
    };
  }, []);

  return useMemo(
    () => ({
      toUrl(pdfBase64) {
        const url = URL.createObjectURL(new Blob([bytesOf(pdfBase64)], { type: 'application/pdf' }));
        urls.current.push(url);
        return url;
      },
      revoke(url) {
        const i = urls.current.indexOf(url);
        if (i < 0) return;
        urls.current.splice(i, 1);
        URL.revokeObjectURL(url);
      },
      save(url, fileName) {
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.click();
      },
    }),
    [],
  );
}
