/**
 * 字号 prefixes: 结婚证, 离婚证, 补发结婚证, 补发离婚证, and ours for the 婚姻登记记录证明, numbered the same way.
 * A station linked to the platform takes all of them from leased blocks; this order is the counter's.
 */
export const CERTIFICATE_PREFIX_LABELS = {
  J: '结婚证',
  L: '离婚证',
  BJ: '补发结婚证',
  BL: '补发离婚证',
  ZM: '婚姻登记记录证明',
} as const;

export type CertificatePrefix = keyof typeof CERTIFICATE_PREFIX_LABELS;
export const CERTIFICATE_PREFIXES = Object.keys(CERTIFICATE_PREFIX_LABELS) as CertificatePrefix[];
