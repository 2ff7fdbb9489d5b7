import { addDays, type IsoDate } from '../calendar/dates';
import { AppError, parseInput } from '../contract';
import { isCalendarDate } from '../contract/calendar-dates';
import { policySchemeSchema, policyVersionSchema, type PolicyScheme, type PolicyVersion } from '../contract/funeral-policy';

/**
 * A scheme's versions tile time: at most one is in force on any day, so a waiver or a subsidy always has
 * exactly one rule to follow (the one in force on the date of death, or of the application). Versions
 * are never edited once a waiver has used them — a waiver must be reproducible years later, at audit —
 * so a change of policy is a new version, and the running one is closed the day before.
 */

export function inForce(version: Pick<PolicyVersion, 'effectiveFrom' | 'effectiveTo'>, date: IsoDate): boolean {
  return version.effectiveFrom <= date && (version.effectiveTo === undefined || date <= version.effectiveTo);
}

/** '2020-01-01 至 2025-08-31', or '2025-06-01 起' for an open-ended version. */
export function describeRange(version: Pick<PolicyVersion, 'effectiveFrom' | 'effectiveTo'>): string {
  return version.effectiveTo === undefined ? `${version.effectiveFrom} 起` : `${version.effectiveFrom} 至 ${version.effectiveTo}`;
}

function describeVersion(version: PolicyVersion): string {
  return `「${version.name}」（${describeRange(version)}）`;
}

/**
 * The version in force on `date`. `dateLabel` says which date it is (死亡日期 for a waiver, 申请日期 for
 * a subsidy claimed by application) and `field` where the form shows it, so the refusal names both.
 */
export function versionInForce(
  scheme: PolicyScheme,
  date: IsoDate,
  opts: { dateLabel?: string; field?: string } = {},
): PolicyVersion {
  const dateLabel = opts.dateLabel ?? '死亡日期';
  const field = opts.field ?? 'dateOfDeath';
  if (!isCalendarDate(date)) {
    const message = `${dateLabel} ${date} 不是实际存在的日期（应为 YYYY-MM-DD）`;
    throw new AppError('VALIDATION', message, { [field]: message });
  }
  const found = scheme.versions.filter((v) => inForce(v, date));
  if (found.length === 1) return found[0];
  const message =
    found.length === 0
      ? `${dateLabel} ${date} 没有生效的${scheme.name}版本（现有版本：${sortedVersions(scheme.versions).map(describeVersion).join('、')}）`
      : `${dateLabel} ${date} 同时有 ${found.length} 个${scheme.name}版本生效：${found.map(describeVersion).join('、')}，请管理员修正版本的生效期`;
  throw new AppError('VALIDATION', message, { [field]: message });
}

function sortedVersions(versions: readonly PolicyVersion[]): PolicyVersion[] {
  return [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

export interface VersionProblem {
  /** Where in the scheme, as in parseInput's fieldErrors: versions.3.effectiveFrom */
  field: string;
  message: string;
}

/** What is wrong with a scheme's set of versions, in Chinese; empty when they tile time cleanly. */
export function versionProblems(versions: readonly PolicyVersion[]): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const firstIndex = new Map<string, number>();
  versions.forEach((v, i) => {
    const earlier = firstIndex.get(v.id);
    if (earlier !== undefined) problems.push({ field: `versions.${i}.id`, message: `版本编号「${v.id}」重复（第 ${earlier + 1} 个和第 ${i + 1} 个版本）` });
    else firstIndex.set(v.id, i);
    if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
      problems.push({ field: `versions.${i}.effectiveTo`, message: `版本「${v.name}」的失效日期 ${v.effectiveTo} 早于生效日期 ${v.effectiveFrom}` });
    }
  });
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const [a, b] = versions[i].effectiveFrom <= versions[j].effectiveFrom ? [versions[i], versions[j]] : [versions[j], versions[i]];
      const later = a === versions[i] ? j : i;
      if ([a, b].some((v) => v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom)) continue; // reported above
      if (a.effectiveTo !== undefined && a.effectiveTo < b.effectiveFrom) continue;
      // b starts within a: the overlap runs from b's start to whichever ends first.
      const ends = [a.effectiveTo, b.effectiveTo].filter((d): d is string => d !== undefined).sort()[0];
      const overlap = ends === undefined ? `${b.effectiveFrom} 起` : ends === b.effectiveFrom ? b.effectiveFrom : `${b.effectiveFrom} 至 ${ends}`;
      problems.push({
        field: `versions.${later}.effectiveFrom`,
        message: `版本${describeVersion(a)}与版本${describeVersion(b)}的生效期重叠：${overlap} 两个版本同时有效`,
      });
    }
  }
  return problems;
}

export function assertVersionsConsistent(scheme: PolicyScheme): void {
  const problems = versionProblems(scheme.versions);
  if (problems.length === 0) return;
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题）` : '';
  throw new AppError('VALIDATION', `${scheme.name}：${problems[0].message}${more}`, fieldErrors);
}

/** A scheme from the administrator or the platform: its shape, each version, and the versions together. */
export function parsePolicyScheme(input: unknown): PolicyScheme {
  const scheme = parseInput(policySchemeSchema, input);
  assertVersionsConsistent(scheme);
  return scheme;
}

/**
 * The scheme with `version` added, or — when a version with its id exists and no waiver has used it —
 * replaced. A version already used by a waiver is refused: it must stay as it was for the waivers it
 * decided. An open-ended version that started before the new one is closed the day before the new one
 * starts (that is how a change of policy is entered); closing the open end of a used version is allowed,
 * because its rules for the dates it covered do not change. A version with an explicit end that overlaps
 * the new one is not cut silently: the overlap is refused and the administrator decides.
 *
 * Caller's note: if a waiver was already computed under the old version for a death on or after the new
 * version's start, closing the old version re-attributes that date; the caller, who knows the waivers'
 * dates, should refuse that case before calling.
 */
export function appendVersion(scheme: PolicyScheme, version: unknown, usedVersionIds: ReadonlySet<string>): PolicyScheme {
  const added = parseInput(policyVersionSchema, version);
  const existing = scheme.versions.find((v) => v.id === added.id);
  if (existing && usedVersionIds.has(existing.id)) {
    throw new AppError('CONFLICT', `版本${describeVersion(existing)}已被减免记录使用，不能修改；政策有变化请新增一个版本`, {
      id: `版本「${existing.name}」已被使用，不能修改`,
    });
  }
  const others = scheme.versions.filter((v) => v.id !== added.id);
  const closed = others.map((v) =>
    v.effectiveTo === undefined && v.effectiveFrom < added.effectiveFrom ? { ...v, effectiveTo: addDays(added.effectiveFrom, -1) } : v,
  );
  const next: PolicyScheme = { ...scheme, versions: sortedVersions([...closed, added]) };
  assertVersionsConsistent(next);
  return next;
}
