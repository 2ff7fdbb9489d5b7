/** 不予登记的法定理由 (民法典 1046–1051, 婚姻登记条例第六条), as recorded in marriage_refusals.reason_code. */
export const REFUSAL_REASONS = {
  'under-age': '未达法定婚龄',
  'not-voluntary': '非双方自愿',
  'already-married': '一方或双方已有配偶',
  'prohibited-relation': '属于禁止结婚的亲属关系',
  other: '其他',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** The codes in display order, as a tuple for `z.enum` / `choice`. */
export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];

export function isRefusalReason(code: string): code is RefusalReason {
  return Object.prototype.hasOwnProperty.call(REFUSAL_REASONS, code);
}
