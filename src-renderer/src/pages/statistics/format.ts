/** A share as a percentage with one decimal: 0.5 → 50.0%. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
