import { DOCUMENT_TYPES, DOCUMENT_TYPE_IDS, chineseDate, idNumberProblem, type DocumentTypeId, type OpInput, type OpOutput, type RefusalReason } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';

export type PartyKey = 'party1' | 'party2';
export const PARTY_KEYS: readonly PartyKey[] = ['party1', 'party2'];
/** The two panels; the contract calls them 一方 / 另一方, the counter 男方 / 女方 as preset. */
export const PARTY_TITLES: Record<PartyKey, string> = { party1: '男方', party2: '女方' };
/** The card reader's key for each panel, shown on its 读卡 button. */
export const READ_CARD_KEYS: Record<PartyKey, string> = { party1: 'F2', party2: 'F3' };

export type Parties = Pick<OpInput<'marriage.check'>, 'party1' | 'party2'>;
export type Party = Parties['party1'];
export type Sex = Party['sex'];

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

/** One party as the form holds it: every field present, the birth date as typed or read. */
export interface PartyValues {
  documentType: DocumentTypeId;
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  nationality: string;
}

/** A supervisor's authorization to register without the platform's answer. */
export type PlatformOverride = NonNullable<OpInput<'marriage.register'>['platformOverride']>;

/** What the form holds: the two parties, the registrar's two confirmations, and an authorization when one is needed. */
export interface MarriageValues {
  party1: PartyValues;
  party2: PartyValues;
  declarationSigned?: boolean;
  consentConfirmed?: boolean;
  platformOverride?: PlatformOverride;
}

export const emptyParty = (sex: Sex): PartyValues => ({ documentType: 'resident-id', name: '', idNumber: '', sex, birthDate: '', nationality: '中国' });

export const INITIAL_VALUES: MarriageValues = {
  party1: emptyParty('male'),
  party2: emptyParty('female'),
  declarationSigned: false,
  consentConfirmed: false,
};

/** A registration done: the server's answer and the names it was made for. */
export interface Registration {
  result: OpOutput<'marriage.register'>;
  names: Record<PartyKey, string>;
  /** Registered on a supervisor's authorization while the platform could not be reached. */
  authorizedBy: string | null;
}

/** Whether this document's number states the birth date and sex (GB 11643): then they are read, not typed. */
export function derivesBirthAndSex(documentType: DocumentTypeId | undefined): boolean {
  return DOCUMENT_TYPES[documentType ?? 'resident-id'].derivesBirthAndSex;
}

/** The birth date and sex an 18-character GB 11643 number states, or null while it is not a valid one. */
export function readIdNumber(raw: string | undefined): { birthDate: string; sex: Sex } | null {
  const id = (raw ?? '').trim().toUpperCase();
  if (id.length !== 18 || idNumberProblem(id)) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

function cleanParty(p: PartyValues): Party {
  return {
    name: p.name.trim(),
    sex: p.sex,
    nationality: p.nationality.trim() || '中国',
    documentType: p.documentType,
    idNumber: p.idNumber.trim().toUpperCase(),
    // The number states it for a resident ID or residence permit: the server reads it from there.
    ...(derivesBirthAndSex(p.documentType) || !p.birthDate.trim() ? {} : { birthDate: p.birthDate.trim() }),
  };
}

/** The parties as the operations take them: trimmed, the number in upper case. */
export function partiesOf(values: Pick<MarriageValues, 'party1' | 'party2'>): Parties {
  return { party1: cleanParty(values.party1), party2: cleanParty(values.party2) };
}

/** What a card read puts into a panel: a resident ID card, so a mainland resident. */
export function partyFromCard(card: CardData): PartyValues {
  return { documentType: 'resident-id', name: card.name, idNumber: card.idNumber, sex: card.sex, birthDate: card.birthDate, nationality: '中国' };
}

/** The 申请结婚登记声明书 data: printed before registering, so from the form, not from a record. */
export function declarationData(values: Pick<MarriageValues, 'party1' | 'party2'>, office: string): Record<string, string> {
  const data: Record<string, string> = { office };
  for (const [n, key] of [[1, 'party1'], [2, 'party2']] as const) {
    const p = values[key];
    const birthDate = derivesBirthAndSex(p.documentType) ? (readIdNumber(p.idNumber)?.birthDate ?? p.birthDate) : p.birthDate;
    Object.assign(data, {
      [`party${n}Name`]: p.name.trim(),
      [`party${n}Sex`]: SEX_LABELS[p.sex],
      [`party${n}BirthDate`]: birthDate ? chineseDate(birthDate) : '',
      [`party${n}Nationality`]: p.nationality.trim() || '中国',
      [`party${n}DocumentType`]: DOCUMENT_TYPES[p.documentType].label,
      [`party${n}IdNumber`]: p.idNumber.trim().toUpperCase(),
    });
  }
  return data;
}

/** A draft's title: the parties' names, never their numbers. */
export function draftTitle(values: Pick<MarriageValues, 'party1' | 'party2'>): string {
  const names = PARTY_KEYS.map((k) => values[k].name.trim()).filter(Boolean);
  return names.length ? names.join('、') : '结婚登记（未填姓名）';
}

/** What a draft keeps: the particulars typed so far and whether the declaration is signed (consent is confirmed at the counter, again). */
export function draftDataOf(values: MarriageValues): Record<string, unknown> {
  return { party1: values.party1, party2: values.party2, declarationSigned: values.declarationSigned === true };
}

function partyFromDraft(raw: unknown, sex: Sex): PartyValues {
  const base = emptyParty(sex);
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const str = (key: keyof PartyValues): string => (typeof r[key] === 'string' ? (r[key] as string) : base[key]);
  const documentType = DOCUMENT_TYPE_IDS.find((id) => id === r.documentType) ?? base.documentType;
  return {
    documentType,
    name: str('name'),
    idNumber: str('idNumber'),
    sex: r.sex === 'male' || r.sex === 'female' ? r.sex : sex,
    birthDate: str('birthDate'),
    nationality: str('nationality'),
  };
}

/** A saved draft back into the form; anything it lacks or holds wrongly is left as a new form has it. */
export function valuesFromDraft(data: Record<string, unknown>): MarriageValues {
  return {
    party1: partyFromDraft(data.party1, 'male'),
    party2: partyFromDraft(data.party2, 'female'),
    declarationSigned: data.declarationSigned === true,
    consentConfirmed: false,
  };
}

/** The refusal ground the check's problems point to, to preselect in the 不予登记 dialog. */
export function suggestedRefusal(problems: readonly string[]): RefusalReason | undefined {
  const text = problems.join('；');
  if (!text) return undefined;
  if (text.includes('法定婚龄')) return 'under-age';
  if (text.includes('重婚') || text.includes('已有')) return 'already-married';
  if (text.includes('血亲')) return 'prohibited-relation';
  return 'other';
}
