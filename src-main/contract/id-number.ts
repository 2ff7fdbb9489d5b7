/**
 * GB 11643-1999 resident ID number: 17 digits + check character. Pure, so the renderer can
 * check a number as it is typed and main checks it again whatever the transport.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Why an 18-character ID number is invalid, in Chinese, or null if it is valid. */
export function idNumberProblem(raw: string): string | null {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '应为 18 位，前 17 位为数字，最后一位为数字或 X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1850 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `其中的出生日期 ${id.slice(6, 14)} 不存在`;
  }
  const expected = idCheckChar(id);
  if (id[17] !== expected) return `校验位错误（最后一位应为 ${expected}）`;
  return null;
}
