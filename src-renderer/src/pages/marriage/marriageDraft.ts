import { routeHrefWith } from '../../useHashRoute';

/** The route parameter naming the draft to resume: #/marriage?draft=12. */
export const DRAFT_PARAM = 'draft';

/** Where a saved marriage case is resumed: `#/marriage?draft=12`. */
export function marriageDraftHref(id: number): string {
  return routeHrefWith('marriage', { [DRAFT_PARAM]: id });
}

/** The draft the address asks to resume, or null (absent or not a draft number). */
export function draftParam(params: URLSearchParams): number | null {
  const raw = params.get(DRAFT_PARAM);
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && Number.isSafeInteger(id) ? id : null;
}
