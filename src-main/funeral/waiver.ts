import { isCalendarDate, type IsoDate } from '../calendar/dates';
import { AppError } from '../contract';
import { formatYuan, isFen, type Fen } from './money';
import type { PolicyScheme, PolicyVersion, ResidencyRule, WaiverItem } from '../contract/funeral-policy';
import { describeRange, inForce, versionInForce } from './policy-versions';

/**
 * The basic-service fee waiver for one deceased person, computed from the policy version in force on the
 * date of death. Plain arithmetic on integer 分; every line carries the Chinese sentence that explains
 * its amount, because the family reads it on the bill and the bureau's reviewer checks it.
 *
 * Decisions:
 * - Bad input is an error, not a refusal: a quantity that is not a positive integer or is over the
 *   item's quantity cap, a cost that is not whole fen, an item or category the version does not have, a
 *   date of death in the future or before birth → AppError VALIDATION with a Chinese message per field.
 *   Refusals (not eligible, excluded, already waived) are results with 0 waived and the reasons: the
 *   trial computation shows them; entering such a waiver is refused by the handler (handlers/funeral.ts).
 * - A quantity over the item's quantity cap is bad input ("遗体冷藏（天）数量 5 超过政策上限 3 天"): the
 *   waiver form lists only what the policy waives, so the staff enter at most the capped units on it
 *   (their cost included) and bill the rest to the family outside the waiver. Waiving "up to the cap"
 *   silently would hide a typing error (50 days for 5) behind a plausible amount.
 * - 'actual' items waive the line's actual cost, held to the per-unit price × quantity and the item
 *   cap. 'fixed' items waive the standard amount (unit price × quantity, held to the item cap) whatever
 *   the line cost, but never more than the line's whole bill — a waiver is deducted from the bill and
 *   the family cannot be owed money.
 * - The overall cap per body is applied proportionally, not line by line in order. The policy caps the
 *   total without ranking the items; cutting in list order would make the result depend on the order
 *   the staff typed the lines, and would show the family paying for some services in full while others
 *   are free, which is not what the policy says. Proportional reduction is order-free and keeps each
 *   item's share in the monthly settlement statement stable. The fen left by rounding go to the lines
 *   with the largest remainders (ties: the earlier line), so the lines add up to the cap exactly.
 */

export interface ServiceLine {
  itemId: string;
  /** Units of the item's unit (天, 年, 次, 个): a positive integer. */
  quantity: number;
  /** What the funeral home charged for the whole line, in fen. */
  actualCost: Fen;
}

export interface DeceasedFacts {
  /** One of the version's eligibility categories, or null when none applies. */
  categoryId: string | null;
  /** The version's exclusions that apply to this person (机关事业单位人员…). */
  exclusionIds: readonly string[];
  /** Unknown for an unidentified body. */
  birthDate?: IsoDate | null;
  dateOfDeath: IsoDate;
  hukouInCity: boolean;
  diedInCity: boolean;
  crematedAtCityHome: boolean;
  /** Where this person was already waived, if anywhere: there is no second waiver. */
  waivedElsewhere?: string | null;
}

export interface WaiverInput {
  version: PolicyVersion;
  services: readonly ServiceLine[];
  deceased: DeceasedFacts;
  /** The station's date, to refuse a date of death in the future. */
  today: IsoDate;
}

export type RefusalCode = 'already-waived' | 'no-category' | 'residency' | 'excluded';
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export interface WaiverLine {
  itemId: string;
  label: string;
  unit: string;
  quantity: number;
  /** Units counted for the waiver: the quantity (never over the item's cap); 0 when not eligible. */
  allowedQuantity: number;
  claimed: Fen;
  waived: Fen;
  familyPays: Fen;
  /** The rule that set the amount, in Chinese. */
  rule: string;
}

export interface Waiver {
  versionId: string;
  versionName: string;
  eligible: boolean;
  refusals: Refusal[];
  /** The proofs the file needs for the category and the residency condition the person qualifies under. */
  requiredProofs: string[];
  lines: WaiverLine[];
  totalClaimed: Fen;
  totalWaived: Fen;
  familyPays: Fen;
  /** Present when the overall cap reduced the waiver: the cap and the lines' sum before it. */
  overallCap: { cap: Fen; beforeCap: Fen } | null;
}

const yuanText = (fen: Fen) => `${formatYuan(fen)} 元`;

class FieldErrors {
  readonly errors: Record<string, string> = {};
  add(field: string, message: string): void {
    this.errors[field] ??= message;
  }
  throwIfAny(): void {
    const messages = Object.values(this.errors);
    if (messages.length === 0) return;
    const more = messages.length > 1 ? `（另有 ${messages.length - 1} 处错误）` : '';
    throw new AppError('VALIDATION', `${messages[0]}${more}`, this.errors);
  }
}

/** The date of death must be a real date, not in the future and not before birth. */
function checkDates(deceased: DeceasedFacts, today: IsoDate, errors: FieldErrors): boolean {
  const death = deceased.dateOfDeath;
  const birth = deceased.birthDate ?? null;
  if (!isCalendarDate(today)) errors.add('today', `当前日期 ${today} 无效`);
  if (typeof death !== 'string' || !isCalendarDate(death)) {
    errors.add('deceased.dateOfDeath', `死亡日期 ${String(death)} 不是实际存在的日期（应为 YYYY-MM-DD）`);
    return false;
  }
  if (birth !== null && !isCalendarDate(birth)) {
    errors.add('deceased.birthDate', `出生日期 ${birth} 不是实际存在的日期（应为 YYYY-MM-DD）`);
  }
  if (isCalendarDate(today) && death > today) {
    errors.add('deceased.dateOfDeath', `死亡日期 ${death} 晚于今天（${today}），不能是将来的日期`);
  }
  if (birth !== null && isCalendarDate(birth) && death < birth) {
    errors.add('deceased.dateOfDeath', `死亡日期 ${death} 早于出生日期 ${birth}`);
  }
  return true;
}

function lineName(index: number, item: WaiverItem | undefined): string {
  return item ? `第 ${index + 1} 行（${item.label}）` : `第 ${index + 1} 行`;
}

function validate(input: WaiverInput): void {
  const { version, services, deceased, today } = input;
  const errors = new FieldErrors();
  if (checkDates(deceased, today, errors) && !inForce(version, deceased.dateOfDeath)) {
    errors.add(
      'deceased.dateOfDeath',
      `死亡日期 ${deceased.dateOfDeath} 不在版本「${version.name}」的生效期（${describeRange(version)}）内，应按死亡当日有效的版本减免`,
    );
  }
  if (deceased.categoryId !== null && !version.categories.some((c) => c.id === deceased.categoryId)) {
    errors.add('deceased.categoryId', `减免对象类别「${deceased.categoryId}」不在版本「${version.name}」中`);
  }
  deceased.exclusionIds.forEach((id, i) => {
    if (!version.exclusions.some((e) => e.id === id)) {
      errors.add(`deceased.exclusionIds.${i}`, `不予减免情形「${id}」不在版本「${version.name}」中`);
    }
  });
  const seenItem = new Map<string, number>();
  const seenGroup = new Map<string, number>();
  services.forEach((line, i) => {
    const item = version.items.find((it) => it.id === line.itemId);
    const name = lineName(i, item);
    if (!item) {
      errors.add(`services.${i}.itemId`, `${name}：减免项目「${String(line.itemId)}」不在版本「${version.name}」中`);
    } else {
      const sameItem = seenItem.get(item.id);
      const sameGroup = item.exclusiveGroup === undefined ? undefined : seenGroup.get(item.exclusiveGroup);
      if (sameItem !== undefined) {
        errors.add(`services.${i}.itemId`, `${name}：该项目已在第 ${sameItem + 1} 行登记，请合并为一行`);
      } else if (sameGroup !== undefined) {
        const other = version.items.find((it) => it.id === services[sameGroup].itemId);
        errors.add(`services.${i}.itemId`, `${name}：与第 ${sameGroup + 1} 行（${other?.label ?? ''}）只能减免其一`);
      }
      seenItem.set(item.id, i);
      if (item.exclusiveGroup !== undefined && sameGroup === undefined) seenGroup.set(item.exclusiveGroup, i);
    }
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      errors.add(`services.${i}.quantity`, `${name}：数量必须是正整数，现为 ${String(line.quantity)}`);
    } else if (item && line.quantity > item.quantityCap) {
      errors.add(
        `services.${i}.quantity`,
        `第 ${i + 1} 行：${item.label}（${item.unit}）数量 ${line.quantity} 超过政策上限 ${item.quantityCap} ${item.unit}`,
      );
    }
    if (!isFen(line.actualCost)) {
      errors.add(`services.${i}.actualCost`, `${name}：实际费用以分为单位，必须是不小于 0 的整数，现为 ${String(line.actualCost)}`);
    }
  });
  errors.throwIfAny();
}

const CONDITION_TEXT = {
  hukouInCity: ['本市户籍', '非本市户籍'],
  diedInCity: ['在本市死亡', '不在本市死亡'],
  crematedAtCityHome: ['在本市殡仪馆火化', '未在本市殡仪馆火化'],
} as const;
const CONDITIONS = Object.keys(CONDITION_TEXT) as (keyof typeof CONDITION_TEXT)[];

function matches(rule: ResidencyRule, deceased: DeceasedFacts): boolean {
  return CONDITIONS.every((c) => rule[c] === undefined || rule[c] === deceased[c]);
}

/** Who qualifies, by the version's data: category, residence and place, exclusions, no second waiver. */
export function eligibility(
  version: PolicyVersion,
  deceased: DeceasedFacts,
): { eligible: boolean; refusals: Refusal[]; requiredProofs: string[] } {
  const refusals: Refusal[] = [];
  const proofs: string[] = [];
  if (deceased.waivedElsewhere) {
    refusals.push({ code: 'already-waived', message: `已在${deceased.waivedElsewhere}享受基本殡葬服务减免，不能重复减免` });
  }
  const category = version.categories.find((c) => c.id === deceased.categoryId);
  if (category) proofs.push(...category.proofs);
  else {
    refusals.push({
      code: 'no-category',
      message: `不属于减免对象类别（本版本的减免对象：${version.categories.map((c) => c.label).join('、') || '无'}）`,
    });
  }
  if (version.residency.length > 0) {
    const rule = version.residency.find((r) => matches(r, deceased));
    if (rule) proofs.push(...rule.proofs);
    else {
      const used = CONDITIONS.filter((c) => version.residency.some((r) => r[c] !== undefined));
      const facts = used.map((c) => CONDITION_TEXT[c][deceased[c] ? 0 : 1]).join('、');
      refusals.push({
        code: 'residency',
        message: `不符合减免对象的户籍和地点条件：须为${version.residency.map((r) => r.label).join('，或')}；本人${facts}`,
      });
    }
  }
  for (const id of deceased.exclusionIds) {
    const exclusion = version.exclusions.find((e) => e.id === id);
    if (exclusion) refusals.push({ code: 'excluded', message: `属于不予减免的情形：${exclusion.label}` });
  }
  return { eligible: refusals.length === 0, refusals, requiredProofs: [...new Set(proofs)] };
}

const PER_UNIT: Record<string, string> = { 次: '每次', 天: '每天', 年: '每年', 个: '每个' };

/** One line before the overall cap: the units, the amount, and the sentence that explains it (validate() has held the quantity to the cap). */
function lineWaiver(item: WaiverItem, line: ServiceLine): { allowed: number; amount: Fen; rule: string } {
  const { quantity: allowed, actualCost: actual } = line;
  const { unit, unitPrice, itemCap } = item;
  const perUnit = PER_UNIT[unit] ?? `每${unit}`;

  const basis = [
    item.reimburse === 'fixed' ? `${item.label}按 ${yuanText(unitPrice ?? 0)}/${unit}定额减免` : `${item.label}按实际费用减免`,
    item.reimburse === 'actual' && unitPrice !== undefined ? `${perUnit}不超过 ${yuanText(unitPrice)}` : '',
    item.quantityCap > 1 ? `最多 ${item.quantityCap} ${unit}` : '',
    itemCap !== undefined ? `本项不超过 ${yuanText(itemCap)}` : '',
  ]
    .filter(Boolean)
    .join('，');
  const times = (price: Fen, amount: Fen) => (allowed > 1 ? `${allowed} ${unit} × ${yuanText(price)} = ${yuanText(amount)}` : yuanText(amount));

  let amount: Fen;
  let bound: string;
  if (item.reimburse === 'fixed') {
    const standard = (unitPrice ?? 0) * allowed;
    amount = standard;
    bound = `；减免 ${times(unitPrice ?? 0, standard)}`;
    if (itemCap !== undefined && itemCap < amount) {
      amount = itemCap;
      bound = `；定额 ${yuanText(standard)}超过本项上限，减免 ${yuanText(itemCap)}`;
    }
    if (actual < amount) {
      bound = `；实际费用 ${yuanText(actual)}低于定额 ${yuanText(amount)}，按实际费用减免`;
      amount = actual;
    }
  } else {
    const cost = `实际费用 ${yuanText(actual)}`;
    amount = actual;
    bound = unitPrice !== undefined || itemCap !== undefined ? `；${cost}未超过限额，全额减免` : `；${cost}全额减免`;
    if (unitPrice !== undefined && unitPrice * allowed < amount) {
      amount = unitPrice * allowed;
      bound = `；${cost}超过限额，减免 ${times(unitPrice, amount)}`;
    }
    if (itemCap !== undefined && itemCap < amount) {
      bound = `；${cost}超过本项上限，减免 ${yuanText(itemCap)}`;
      amount = itemCap;
    }
  }
  return { allowed, amount, rule: `${basis}${bound}` };
}

/**
 * `amounts` scaled down to add up to exactly `cap`: each line gets floor(amount × cap / total), and the
 * fen still missing go one each to the lines with the largest remainders (ties: the earlier line).
 */
export function shareCap(amounts: readonly Fen[], cap: Fen): Fen[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= cap) return [...amounts];
  const T = BigInt(total);
  const scaled = amounts.map((a) => BigInt(a) * BigInt(cap));
  const shares = scaled.map((x) => Number(x / T));
  const order = scaled
    .map((x, i) => ({ i, rem: x % T }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  let left = cap - shares.reduce((s, a) => s + a, 0);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

/** The waiver for one deceased under `version` (which must be the one in force on the date of death). */
export function computeWaiver(input: WaiverInput): Waiver {
  validate(input);
  const { version, services, deceased } = input;
  const { eligible, refusals, requiredProofs } = eligibility(version, deceased);
  const items = services.map((line) => version.items.find((it) => it.id === line.itemId) as WaiverItem);

  let lines: WaiverLine[];
  let overallCap: Waiver['overallCap'] = null;
  if (!eligible) {
    lines = services.map((line, i) => ({
      itemId: line.itemId,
      label: items[i].label,
      unit: items[i].unit,
      quantity: line.quantity,
      allowedQuantity: 0,
      claimed: line.actualCost,
      waived: 0,
      familyPays: line.actualCost,
      rule: '不符合减免条件，本项不予减免',
    }));
  } else {
    const computed = services.map((line, i) => lineWaiver(items[i], line));
    const before = computed.map((c) => c.amount);
    const beforeCap = before.reduce((s, a) => s + a, 0);
    const cap = version.overallCap;
    const after = cap === undefined ? before : shareCap(before, cap);
    if (cap !== undefined && beforeCap > cap) overallCap = { cap, beforeCap };
    lines = services.map((line, i) => {
      const reduced = after[i] < before[i];
      const capNote =
        overallCap && reduced
          ? `；总额不超过 ${yuanText(overallCap.cap)}，超出的 ${yuanText(beforeCap - overallCap.cap)}按各项减免额比例扣减，本项由 ${yuanText(before[i])}减为 ${yuanText(after[i])}`
          : '';
      return {
        itemId: line.itemId,
        label: items[i].label,
        unit: items[i].unit,
        quantity: line.quantity,
        allowedQuantity: computed[i].allowed,
        claimed: line.actualCost,
        waived: after[i],
        familyPays: line.actualCost - after[i],
        rule: `${computed[i].rule}${capNote}`,
      };
    });
  }
  const totalClaimed = lines.reduce((s, l) => s + l.claimed, 0);
  const totalWaived = lines.reduce((s, l) => s + l.waived, 0);
  return {
    versionId: version.id,
    versionName: version.name,
    eligible,
    refusals,
    requiredProofs,
    lines,
    totalClaimed,
    totalWaived,
    familyPays: totalClaimed - totalWaived,
    overallCap,
  };
}

/** The waiver under the scheme's version in force on the date of death. */
export function computeWaiverUnderScheme(scheme: PolicyScheme, input: Omit<WaiverInput, 'version'>): Waiver {
  // The date's own faults (future, before birth) first: they say more than "no version on that date".
  const errors = new FieldErrors();
  checkDates(input.deceased, input.today, errors);
  errors.throwIfAny();
  const version = versionInForce(scheme, input.deceased.dateOfDeath, { dateLabel: '死亡日期', field: 'deceased.dateOfDeath' });
  return computeWaiver({ ...input, version });
}
