import { eq, sql } from 'drizzle-orm';
import { AppError } from '../contract';
import type { PolicyScheme } from '../contract/funeral-policy';
import type { ReadContext } from '../core/context';
import { funeralPolicySchemes, funeralWaivers, settings } from '../db/schema';
import { parsePolicyScheme } from './policy-versions';
import { SEED_POLICY_SCHEMES } from './seed-policies';

/**
 * Where the station's policies live: the seed schemes (seed-policies.ts) overlaid by the rows of
 * funeral_policy_schemes — a row replaces the seed of the same id whole (it holds the seed's versions
 * plus those the administrator added) — and the scheme the administrator selected, a setting.
 */

export const SELECTED_SCHEME_SETTING = 'funeralPolicyScheme';

/** Rows are validated when written; they are parsed again when read (a hand-edited file is refused, not trusted). */
const parsed = new Map<string, PolicyScheme>();
function parseRow(data: string): PolicyScheme {
  let scheme = parsed.get(data);
  if (!scheme) {
    scheme = parsePolicyScheme(JSON.parse(data));
    if (parsed.size > 32) parsed.clear();
    parsed.set(data, scheme);
  }
  return scheme;
}

/** Every scheme, seeds first in their order, then schemes only the database has. */
export function allSchemes(ctx: ReadContext): PolicyScheme[] {
  const rows = new Map(ctx.db.select().from(funeralPolicySchemes).all().map((r) => [r.id, parseRow(r.data)]));
  const seeded = SEED_POLICY_SCHEMES.map((s) => rows.get(s.id) ?? s);
  const extra = [...rows.values()].filter((s) => !SEED_POLICY_SCHEMES.some((seed) => seed.id === s.id));
  return [...seeded, ...extra];
}

export function schemeById(ctx: ReadContext, id: string): PolicyScheme | null {
  const row = ctx.db.select({ data: funeralPolicySchemes.data }).from(funeralPolicySchemes).where(eq(funeralPolicySchemes.id, id)).get();
  if (row) return parseRow(row.data);
  return SEED_POLICY_SCHEMES.find((s) => s.id === id) ?? null;
}

export function requireScheme(ctx: ReadContext, id: string, field = 'schemeId'): PolicyScheme {
  const scheme = schemeById(ctx, id);
  if (!scheme) {
    const known = allSchemes(ctx)
      .map((s) => `${s.id}（${s.name}）`)
      .join('、');
    throw new AppError('NOT_FOUND', `没有编号为「${id}」的殡葬减免方案（现有：${known}）`, { [field]: '没有这个方案' });
  }
  return scheme;
}

export function selectedSchemeId(ctx: ReadContext): string | null {
  return ctx.q.setting.get({ key: SELECTED_SCHEME_SETTING })?.value ?? null;
}

/** The scheme waivers are computed under; none selected is the administrator's to fix, said so. */
export function selectedScheme(ctx: ReadContext): PolicyScheme {
  const id = selectedSchemeId(ctx);
  const scheme = id === null ? null : schemeById(ctx, id);
  if (!scheme) {
    throw new AppError(
      'CONFLICT',
      id === null
        ? '本工作站尚未选择本地殡葬减免方案，不能计算或录入减免。请管理员在“殡葬减免政策”中选择本市的减免方案。'
        : `本工作站选择的殡葬减免方案「${id}」已不存在，请管理员在“殡葬减免政策”中重新选择。`,
    );
  }
  return scheme;
}

export function writeSelectedScheme(ctx: ReadContext, id: string): void {
  const at = ctx.now.toISOString();
  ctx.db
    .insert(settings)
    .values({ key: SELECTED_SCHEME_SETTING, value: id, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: id, updatedAt: at } })
    .run();
}

export function writeScheme(ctx: ReadContext, scheme: PolicyScheme): void {
  const data = JSON.stringify(scheme);
  const at = ctx.now.toISOString();
  ctx.db
    .insert(funeralPolicySchemes)
    .values({ id: scheme.id, data, updatedAt: at })
    .onConflictDoUpdate({ target: funeralPolicySchemes.id, set: { data, updatedAt: at } })
    .run();
}

/** Versions some waiver was computed under (all schemes, or one): they are never edited again. */
export function usedVersionIds(ctx: ReadContext, schemeId?: string): string[] {
  return ctx.db
    .selectDistinct({ v: funeralWaivers.versionId })
    .from(funeralWaivers)
    .where(schemeId === undefined ? undefined : eq(funeralWaivers.schemeId, schemeId))
    .orderBy(funeralWaivers.versionId)
    .all()
    .map((r) => r.v);
}

/** Per version of a scheme, the earliest and latest date of death of its waivers. */
export function usedDateRanges(ctx: ReadContext, schemeId: string): { versionId: string; first: string; last: string; count: number }[] {
  return ctx.db
    .select({
      versionId: funeralWaivers.versionId,
      first: sql<string>`min(${funeralWaivers.dateOfDeath})`,
      last: sql<string>`max(${funeralWaivers.dateOfDeath})`,
      count: sql<number>`count(*)`,
    })
    .from(funeralWaivers)
    .where(eq(funeralWaivers.schemeId, schemeId))
    .groupBy(funeralWaivers.versionId)
    .all();
}

// ——— 节地生态安葬奖补: its own selection ————————————————————————————————————————————————————————————————

/** The scheme eco-burial subsidies are computed under: a setting of its own (a city may subsidize eco-burial and waive fees under different schemes). */
export const ECO_BURIAL_SCHEME_SETTING = 'ecoBurialPolicyScheme';

export function selectedEcoBurialSchemeId(ctx: ReadContext): string | null {
  return ctx.q.setting.get({ key: ECO_BURIAL_SCHEME_SETTING })?.value ?? null;
}

/** Whether some version of the scheme sets an eco-burial amount. */
export function hasEcoBurial(scheme: PolicyScheme): boolean {
  return scheme.versions.some((v) => v.ecoBurial !== undefined && Object.values(v.ecoBurial.amounts).some((a) => a !== undefined));
}

/** The scheme subsidies are computed under; none selected is the administrator's to fix, said so. */
export function selectedEcoBurialScheme(ctx: ReadContext): PolicyScheme {
  const id = selectedEcoBurialSchemeId(ctx);
  const scheme = id === null ? null : schemeById(ctx, id);
  if (!scheme) {
    throw new AppError(
      'CONFLICT',
      id === null
        ? '本工作站尚未选择节地生态安葬奖补方案，不能计算或受理奖补。请管理员在“殡葬减免政策”中选择本市的生态安葬奖补方案。'
        : `本工作站选择的节地生态安葬奖补方案「${id}」已不存在，请管理员重新选择。`,
    );
  }
  return scheme;
}

export function writeSelectedEcoBurialScheme(ctx: ReadContext, id: string): void {
  const at = ctx.now.toISOString();
  ctx.db
    .insert(settings)
    .values({ key: ECO_BURIAL_SCHEME_SETTING, value: id, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: id, updatedAt: at } })
    .run();
}
