/** Mask an ID number for lists: keep the first 6 (division) and last 4, e.g. 110105********123X. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
