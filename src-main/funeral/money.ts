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

/** Always two decimals, as statements and forms print money: 178000 → '1,780.00'; 23245 → '232.45'. */
export function formatYuanFixed(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const UPPER_DIGITS = [...'零壹贰叁肆伍陆柒捌玖'];
const UPPER_PLACES = ['', '拾', '佰', '仟'];
const UPPER_SECTIONS = ['', '万', '亿'];

/** 1–9999 in financial capitals, with 零 for inner gaps: 1005 → 壹仟零伍. */
function upperSection(n: number): string {
  let out = '';
  let gap = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += UPPER_DIGITS[d] + UPPER_PLACES[place];
  }
  return out;
}

/**
 * An amount in financial capitals (大写金额), as payment statements state it beside the figures
 * (支付结算办法: whole 元 or 角 end in 整): 178000 → 壹仟柒佰捌拾元整; 100005 → 壹仟元零伍分; 0 → 零元整.
 */
export function uppercaseYuan(fen: Fen): string {
  if (!isFen(fen)) throw new RangeError(`${fen} 不是整分金额`);
  if (fen === 0) return '零元整';
  let whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const sections: number[] = [];
  while (whole > 0) {
    sections.unshift(whole % 10_000);
    whole = Math.floor(whole / 10_000);
  }
  if (sections.length > UPPER_SECTIONS.length) throw new RangeError(`${fen} 分超出大写金额的范围`);
  let out = '';
  sections.forEach((section, i) => {
    if (section === 0) {
      if (out && !out.endsWith('零')) out += '零';
      return;
    }
    if (out && section < 1000 && !out.endsWith('零')) out += '零';
    out += upperSection(section) + UPPER_SECTIONS[sections.length - 1 - i];
  });
  out = out.replace(/零+$/, '');
  if (out) out += '元';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${UPPER_DIGITS[jiao]}角`;
  else if (out) out += '零';
  return cents > 0 ? `${out}${UPPER_DIGITS[cents]}分` : `${out}整`;
}
