import { idNumberProblem, type OpInput, type OpOutput } from '../../../../src-main/contract';

export type PartyKey = 'party1' | 'party2';
export const PARTY_KEYS: readonly PartyKey[] = ['party1', 'party2'];
/** The two panels; the contract calls them 一方 / 另一方, the counter 男方 / 女方 as preset. */
export const PARTY_TITLES: Record<PartyKey, string> = { party1: '男方', party2: '女方' };

export type Parties = Pick<OpInput<'marriage.check'>, 'party1' | 'party2'>;
export type Party = Parties['party1'];
export type Sex = Party['sex'];

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

/** What the form holds: the two parties and the registrar's two confirmations. */
export interface MarriageValues {
  party1: Party;
  party2: Party;
  declarationSigned?: boolean;
  consentConfirmed?: boolean;
}

/** A registration done: what was sent, and the server's answer. */
export interface Registration extends Parties {
  result: OpOutput<'marriage.register'>;
}

/** The birth date and sex an 18-character ID number states, or null while it is not a valid one. */
export function readIdNumber(raw: string | undefined): { birthDate: string; sex: Sex } | null {
  const id = (raw ?? '').trim().toUpperCase();
  if (id.length !== 18 || idNumberProblem(id)) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** 1990-01-01 → 1990年01月01日, as the certificate prints it. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

/** The parties as the operations take them: trimmed, the ID number in upper case. */
export function partiesOf(values: Pick<MarriageValues, 'party1' | 'party2'>): Parties {
  const clean = (p: Party): Party => ({
    name: p.name.trim(),
    sex: p.sex,
    nationality: (p.nationality ?? '').trim() || '中国',
    idNumber: p.idNumber.trim().toUpperCase(),
  });
  return { party1: clean(values.party1), party2: clean(values.party2) };
}

function partyData(n: 1 | 2, p: Party): Record<string, string> {
  return {
    [`party${n}Name`]: p.name,
    [`party${n}Sex`]: SEX_LABELS[p.sex],
    [`party${n}Nationality`]: p.nationality ?? '中国',
    [`party${n}BirthDate`]: chineseDate(readIdNumber(p.idNumber)?.birthDate ?? p.birthDate ?? ''),
    [`party${n}IdNumber`]: p.idNumber,
  };
}

/** The 结婚证 (marriage-certificate template) data for the certificate the given party holds. */
export function certificateData(registration: Registration, holder: PartyKey, office: string, registrar: string): Record<string, unknown> {
  return {
    holder: registration[holder].name,
    registrationDate: registration.result.registrationDate,
    certificateNumber: registration.result.certificateNumber,
    ...partyData(1, registration.party1),
    ...partyData(2, registration.party2),
    office,
    registrar,
  };
}

/** The key the server files the certificate under: its number and which party holds it. */
export function certificateKey(registration: Registration, holder: PartyKey): string {
  return `${registration.result.certificateNumber}/${holder === 'party1' ? 1 : 2}`;
}
