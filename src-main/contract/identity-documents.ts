import { idNumberProblem } from './id-number';

/**
 * Who a party is, as the registration law sorts them: mainland residents may register at any office;
 * foreigners, overseas Chinese (华侨) and residents of Hong Kong, Macao or Taiwan only where the
 * province has authorized the office (婚姻登记条例第二条).
 */
export type PartyScope = 'mainland' | 'hk-macao-taiwan' | 'foreign';

/** What each scope needs of the station, in the words of a refusal. */
export const SCOPE_LABELS: Record<Exclude<PartyScope, 'mainland'>, string> = {
  'hk-macao-taiwan': '涉港澳台居民',
  foreign: '涉外（含华侨）',
};

interface DocumentType {
  label: string;
  scope: PartyScope;
  /** Birth date and sex are in the number (GB 11643); otherwise they are entered from the document. */
  derivesBirthAndSex: boolean;
  format: RegExp;
  hint: string;
}

/** The identity documents a station meets (identity-and-text.md). */
export const DOCUMENT_TYPES = {
  'resident-id': { label: '居民身份证', scope: 'mainland', derivesBirthAndSex: true, format: /^\d{17}[\dX]$/, hint: '18 位' },
  'hmt-residence-permit': {
    label: '港澳台居民居住证',
    scope: 'hk-macao-taiwan',
    derivesBirthAndSex: true,
    format: /^8[123]0000\d{11}[\dX]$/,
    hint: '18 位，以 810000、820000 或 830000 开头',
  },
  'hk-macao-permit': {
    label: '港澳居民来往内地通行证',
    scope: 'hk-macao-taiwan',
    derivesBirthAndSex: false,
    format: /^[HM]\d{8}(\d{2})?$/,
    hint: 'H 或 M 加 8 位（旧证 10 位）数字',
  },
  'taiwan-permit': { label: '台湾居民来往大陆通行证', scope: 'hk-macao-taiwan', derivesBirthAndSex: false, format: /^\d{8}(\d{2})?$/, hint: '8 位（旧证 10 位）数字' },
  'foreign-permanent-residence': {
    label: '外国人永久居留身份证',
    scope: 'foreign',
    derivesBirthAndSex: false,
    format: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/,
    hint: '18 位以 9 开头，或旧证 3 个字母加 12 位数字',
  },
  passport: { label: '护照', scope: 'foreign', derivesBirthAndSex: false, format: /^[A-Z0-9]{5,17}$/, hint: '5–17 位大写字母和数字' },
} as const satisfies Record<string, DocumentType>;

export type DocumentTypeId = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_IDS = Object.keys(DOCUMENT_TYPES) as [DocumentTypeId, ...DocumentTypeId[]];

/** Why `number` is not a valid number of that document, in Chinese, or null. */
export function documentNumberProblem(type: DocumentTypeId, raw: string): string | null {
  const number = raw.trim().toUpperCase();
  const doc: DocumentType = DOCUMENT_TYPES[type];
  if (type === 'resident-id' && /^8[123]0000/.test(number)) return '是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”';
  if (!doc.format.test(number)) return `格式不正确：${doc.hint}`;
  if (doc.derivesBirthAndSex) return idNumberProblem(number);
  return null;
}

