/**
 * Money is integer 分 (fen) everywhere in the funeral module: a waiver is summed, capped and split
 * across lines, and a settlement statement must add up to the fen. Floats would drift; integers do not.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Whole or two-decimal yuan as fen, for writing seed policies readably: yuan(1780) = 178000. */
export function yuan(amount: number): Fen {
  const fen = Math.round(amount * 100);
  if (Math.abs(fen - amount * 100) > 1e-6) throw new RangeError(`${amount} 元不是整分`);
  return fen;
}

/** 178000 → '1,780'; 23245 → '232.45'; 23240 → '232.40' (fen shown only when there are any). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}
