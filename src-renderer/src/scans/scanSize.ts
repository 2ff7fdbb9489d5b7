/** A stored scan's size as the lists show it: MB from 1 MB up, else whole KB (never 0 KB). */
export function scanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
