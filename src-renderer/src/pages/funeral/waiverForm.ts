import type { UploadFile } from 'antd';
import { waiverInput, type DocumentTypeId, type OpInput, type OpOutput, type PolicyScheme, type PolicyVersion } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { derivesBirthAndSex, readIdNumber, type Sex } from '../marriage/marriageData';
import { fenOf, yuanInput } from './money';

export type WaiverInput = OpInput<'funeral.enterWaiver'>;
export type WaiverComputation = OpOutput<'funeral.computeWaiver'>;
export type WaiverDetail = OpOutput<'funeral.waiver'>;
export type WaiverSummary = OpOutput<'funeral.waivers'>[number];
export type Policies = OpOutput<'funeral.policies'>;

/** One of the version's items as the services table holds it: ticked or not, quantity, and the charge in 元 as typed. */
export interface ServiceRow {
  itemId: string;
  checked: boolean;
  quantity: number | null;
  cost: string | null;
}

export interface DeceasedValues {
  documentType: DocumentTypeId;
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  dateOfDeath: string;
  hukou: string;
  hukouInCity: boolean;
  placeOfDeath: string;
  diedInCity: boolean;
  crematedAtCityHome: boolean;
  deathCertificateNumber: string;
}

/** What the entry form holds. */
export interface WaiverValues {
  deceased: DeceasedValues;
  /** A category of the version, or NO_CATEGORY. */
  categoryId: string | undefined;
  exclusionIds: string[];
  services: ServiceRow[];
  payer: { name: string; idNumber: string; relation: string };
  /** 更正原因, when an approved waiver is corrected. */
  reason?: string;
  scans?: UploadFile[];
}

/** 不属于以上类别: the person fits none of the version's categories (the server then refuses the waiver). */
export const NO_CATEGORY = '__none__';

export const EMPTY_DECEASED: DeceasedValues = {
  documentType: 'resident-id',
  name: '',
  idNumber: '',
  sex: 'male',
  birthDate: '',
  dateOfDeath: '',
  hukou: '',
  hukouInCity: true,
  placeOfDeath: '',
  diedInCity: true,
  crematedAtCityHome: true,
  deathCertificateNumber: '',
};

export function initialValues(version: PolicyVersion | null): WaiverValues {
  return {
    deceased: EMPTY_DECEASED,
    categoryId: version?.categories.length === 1 ? version.categories[0].id : undefined,
    exclusionIds: [],
    services: rowsFor(version, []),
    payer: { name: '', idNumber: '', relation: '' },
  };
}

/** The selected scheme of the station, or null while the administrator has chosen none. */
export function selectedScheme(policies: Policies | null): PolicyScheme | null {
  if (!policies?.selected) return null;
  return policies.schemes.find((s) => s.id === policies.selected) ?? null;
}

export function inForce(version: Pick<PolicyVersion, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return version.effectiveFrom <= date && (version.effectiveTo === undefined || date <= version.effectiveTo);
}

/** '2025-06-01 起' or '2020-01-01 至 2025-08-31'. */
export function describeRange(version: Pick<PolicyVersion, 'effectiveFrom' | 'effectiveTo'>): string {
  return version.effectiveTo === undefined ? `${version.effectiveFrom} 起` : `${version.effectiveFrom} 至 ${version.effectiveTo}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The version the form offers categories and items from: the one in force on the date of death, else
 * (no date yet) the one in force today, else the latest. Only for the form — the server decides.
 */
export function formVersion(scheme: PolicyScheme | null, dateOfDeath: string | undefined, today: string): { version: PolicyVersion | null; byDeath: boolean } {
  if (!scheme) return { version: null, byDeath: false };
  if (dateOfDeath && ISO_DATE.test(dateOfDeath)) {
    return { version: scheme.versions.find((v) => inForce(v, dateOfDeath)) ?? null, byDeath: true };
  }
  const latest = [...scheme.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
  return { version: scheme.versions.find((v) => inForce(v, today)) ?? latest, byDeath: false };
}

/** The services table for `version`: one row per item, keeping what was typed for items it shares with `previous`. */
export function rowsFor(version: PolicyVersion | null, previous: readonly ServiceRow[]): ServiceRow[] {
  if (!version) return [];
  return version.items.map((item) => previous.find((r) => r.itemId === item.id) ?? { itemId: item.id, checked: false, quantity: 1, cost: null });
}

function trim(value: string | undefined): string {
  return (value ?? '').trim();
}

/**
 * The operation's input from the form, and for each service sent the table row it came from (the
 * server names services.<n>, counting only the ticked rows).
 */
export function inputOf(values: WaiverValues): { input: WaiverInput; rowOfService: number[] } {
  const d = values.deceased;
  const derived = derivesBirthAndSex(d.documentType);
  const birthDate = derived ? readIdNumber(d.idNumber)?.birthDate : trim(d.birthDate) || undefined;
  const rowOfService: number[] = [];
  const services: WaiverInput['services'] = [];
  (values.services ?? []).forEach((row, i) => {
    if (!row.checked) return;
    rowOfService.push(i);
    services.push({ itemId: row.itemId, quantity: row.quantity ?? 0, actualCost: fenOf(row.cost) ?? Number.NaN });
  });
  const input: WaiverInput = {
    deceased: {
      name: trim(d.name),
      sex: d.sex,
      documentType: d.documentType,
      idNumber: trim(d.idNumber).toUpperCase(),
      ...(birthDate ? { birthDate } : {}),
      dateOfDeath: trim(d.dateOfDeath),
      hukou: trim(d.hukou),
      hukouInCity: d.hukouInCity,
      placeOfDeath: trim(d.placeOfDeath),
      diedInCity: d.diedInCity,
      crematedAtCityHome: d.crematedAtCityHome,
      deathCertificateNumber: trim(d.deathCertificateNumber),
    },
    categoryId: !values.categoryId || values.categoryId === NO_CATEGORY ? null : values.categoryId,
    exclusionIds: values.exclusionIds ?? [],
    services,
    payer: { name: trim(values.payer.name), idNumber: trim(values.payer.idNumber).toUpperCase(), relation: trim(values.payer.relation) },
  };
  return { input, rowOfService };
}

/** Whether the input is complete enough to send for 试算; otherwise the first thing still missing. */
export function readiness(input: WaiverInput, values: WaiverValues): { ready: true } | { ready: false; missing: string } {
  const badCost = (values.services ?? []).find((r) => r.checked && fenOf(r.cost) === null);
  if (badCost) return { ready: false, missing: '请填写所选项目的实际收费（元，至多两位小数）' };
  if (input.categoryId === null && !values.categoryId) return { ready: false, missing: '请选择减免对象类别' };
  const parsed = waiverInput.safeParse(input);
  if (parsed.success) return { ready: true };
  return { ready: false, missing: parsed.error.issues[0]?.message ?? '请填写完整' };
}

/**
 * Server field names → the form's: a service by its position among the ticked rows → its table row;
 * the engine names the category and exclusions under deceased.
 */
export function fieldAliases(rowOfService: readonly number[]): Record<string, string> {
  const aliases: Record<string, string> = { 'deceased.categoryId': 'categoryId', services: 'services' };
  rowOfService.forEach((row, n) => {
    for (const f of ['itemId', 'quantity', 'actualCost']) aliases[`services.${n}.${f}`] = `services.${row}.${f === 'actualCost' ? 'cost' : f === 'itemId' ? 'checked' : f}`;
  });
  for (let i = 0; i < 10; i++) {
    aliases[`exclusionIds.${i}`] = 'exclusionIds';
    aliases[`deceased.exclusionIds.${i}`] = 'exclusionIds';
  }
  return aliases;
}

/** A saved waiver back into the form (correcting a rejected or an approved one). */
export function valuesOf(input: WaiverInput, version: PolicyVersion | null): WaiverValues {
  const d = input.deceased;
  const rows = rowsFor(version, []).map((row) => {
    const s = input.services.find((x) => x.itemId === row.itemId);
    return s ? { itemId: s.itemId, checked: true, quantity: s.quantity, cost: yuanInput(s.actualCost) } : row;
  });
  return {
    deceased: {
      documentType: d.documentType ?? 'resident-id',
      name: d.name,
      idNumber: d.idNumber,
      sex: d.sex,
      birthDate: derivesBirthAndSex(d.documentType) ? (readIdNumber(d.idNumber)?.birthDate ?? '') : (d.birthDate ?? ''),
      dateOfDeath: d.dateOfDeath,
      hukou: d.hukou,
      hukouInCity: d.hukouInCity,
      placeOfDeath: d.placeOfDeath,
      diedInCity: d.diedInCity,
      crematedAtCityHome: d.crematedAtCityHome,
      deathCertificateNumber: d.deathCertificateNumber,
    },
    categoryId: input.categoryId ?? NO_CATEGORY,
    exclusionIds: input.exclusionIds ?? [],
    services: rows,
    payer: { ...input.payer },
  };
}

/** What a card read puts in the deceased's or the payer's fields: a resident ID card. */
export function deceasedFromCard(card: CardData): Partial<DeceasedValues> {
  return { documentType: 'resident-id', name: card.name, idNumber: card.idNumber, sex: card.sex, birthDate: card.birthDate };
}

/** How a correction of this waiver is made: in place (returned, or approved in an open month), or by a reversal (冲销). */
export function correctionKind(w: Pick<WaiverSummary, 'status' | 'settlementClosed'>): 'returned' | 'reopen' | 'reverse' | null {
  if (w.status === 'rejected') return 'returned';
  if (w.status !== 'approved') return null;
  return w.settlementClosed ? 'reverse' : 'reopen';
}

export const WAIVER_STATUS_COLORS = { pending: 'processing', approved: 'success', rejected: 'error', superseded: 'default' } as const;
