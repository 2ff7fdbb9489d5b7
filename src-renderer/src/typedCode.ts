/** Document numbers and printed serials as typed: upper case (the X of an ID number), no spaces. */
export function normalizeCode(value: string): string {
  return value.toUpperCase().replace(/\s/g, '');
}
