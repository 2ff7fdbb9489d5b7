/**
 * Money in the funeral module is integer 分 in the contract. The screens show it as 1,780.00 元 and
 * take it in 元 with at most two decimals, converted to 分 from the typed text, never through a float.
 */

/** 178000 → '1,780.00'. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** 178000 → '1,780.00 元'. */
export function formatFen(fen: number): string {
  return `${yuanText(fen)} 元`;
}

/** '1780', '1,780.5', 1780.55 → 分 (178000, 178050, 178055); null when empty or not an amount with at most two decimals. */
export function fenOf(yuan: string | number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const text = (typeof yuan === 'number' ? yuan.toFixed(2) : yuan).replace(/[,，\s元]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 分 → the 元 text an input holds: 178050 → '1780.50'. */
export function yuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
