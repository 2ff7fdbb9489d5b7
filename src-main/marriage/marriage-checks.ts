import type { IsoDate } from '../calendar/dates';
import { crossCheck, parseResidentId, type Sex } from '../identity/resident-id';
import { AppError, DOCUMENT_TYPES, SCOPE_LABELS, documentNumberProblem, isCalendarDate, type DocumentTypeId } from '../contract';
import { fullYears, underAgeReason } from './marriage-age';

export interface PartyInput {
  name: string;
  sex: Sex;
  nationality: string;
  documentType: DocumentTypeId;
  idNumber: string;
  birthDate?: IsoDate;
}

export interface CheckedParty extends PartyInput {
  birthDate: IsoDate;
}

/** An existing marriage of this person on record here, if any. */
export type MarriageOnRecord = (idNumber: string) => { certificateNumber: string } | undefined;

/** What the province authorized this office for, beyond mainland residents (婚姻登记条例第二条). */
export interface Authorization {
  foreign: boolean;
  hkMacaoTaiwan: boolean;
}

export interface MarriageCheck {
  parties: [CheckedParty, CheckedParty] | null;
  /** Reasons the registration cannot go ahead (不予登记), in Chinese; empty when it may. */
  problems: string[];
  /** What was checked and what was found, in order: the 审查处理表 records it. */
  findings: string[];
}

const SEX = { male: '男', female: '女' } as const;

/** One party's document: a valid number that agrees with what was stated, at an office authorized for it. */
function checkDocument(p: PartyInput, who: string, authorized: Authorization): { party?: CheckedParty; problem?: string; finding?: string } {
  const doc = DOCUMENT_TYPES[p.documentType];
  const label = `${who}（${p.name}）的${doc.label}号码`;
  const bad = documentNumberProblem(p.documentType, p.idNumber);
  if (bad) return { problem: `${label}${bad}` };
  if (doc.scope !== 'mainland' && !(doc.scope === 'foreign' ? authorized.foreign : authorized.hkMacaoTaiwan)) {
    return { problem: `本登记机关未获授权办理${SCOPE_LABELS[doc.scope]}的婚姻登记（${who}持${doc.label}，婚姻登记条例第二条），请到省级人民政府确定的登记机关办理` };
  }
  if (!doc.derivesBirthAndSex) {
    if (!p.birthDate) return { problem: `请按${who}的${doc.label}填写出生日期` };
    if (!isCalendarDate(p.birthDate)) return { problem: `${who}（${p.name}）的出生日期 ${p.birthDate} 不是实际存在的日期` };
    return { party: { ...p, birthDate: p.birthDate }, finding: `${who}${p.name}：${doc.label} ${p.idNumber}，${SEX[p.sex]}，${p.birthDate} 出生，国籍 ${p.nationality}` };
  }
  try {
    const id = parseResidentId(p.idNumber, label);
    crossCheck(id, { birthDate: p.birthDate, sex: p.sex }, label);
    return { party: { ...p, idNumber: id.number, birthDate: id.birthDate }, finding: `${who}${p.name}：${doc.label}号码校验通过，${SEX[id.sex]}，${id.birthDate} 出生` };
  } catch (err) {
    return { problem: err instanceof AppError ? err.message : String(err) };
  }
}

/** A corrected party: its number must pass its document's check and agree with the recorded birth date and sex. */
export function correctedPartyProblem(p: CheckedParty): string | null {
  return checkDocument(p, '当事人', { foreign: true, hkMacaoTaiwan: true }).problem ?? null;
}

/**
 * The legal checks for a marriage on `on` (民法典 1042, 1046–1049): valid identity documents that
 * agree with what was stated, an office authorized for the parties, a man and a woman, not the same
 * person, both of age, neither already married here. The marital-status query to the platform comes
 * with the sync issue.
 */
export function checkMarriage(p1: PartyInput, p2: PartyInput, on: IsoDate, onRecord: MarriageOnRecord, authorized: Authorization): MarriageCheck {
  const problems: string[] = [];
  const findings: string[] = [];
  const parties: CheckedParty[] = [];
  for (const [i, p] of [p1, p2].entries()) {
    const checked = checkDocument(p, i === 0 ? '一方' : '另一方', authorized);
    if (checked.problem) problems.push(checked.problem);
    if (checked.finding) findings.push(checked.finding);
    if (checked.party) parties.push(checked.party);
  }
  if (parties.length < 2) return { parties: null, problems, findings };
  const [a, b] = parties as [CheckedParty, CheckedParty];
  if (a.idNumber === b.idNumber) problems.push('双方为同一人（身份证件号码相同）');
  else if (a.sex === b.sex) problems.push('结婚登记须由男女双方申请（民法典第一千零四十九条）');
  else findings.push('双方为男女双方，非同一人');
  for (const p of parties) {
    const age = underAgeReason(p, on);
    if (age) problems.push(age);
    else findings.push(`${p.name}年满 ${fullYears(p.birthDate, on)} 周岁，达到法定婚龄`);
    const existing = onRecord(p.idNumber);
    if (existing) problems.push(`${p.name}已有在本机关登记且未解除的婚姻（结婚证字号 ${existing.certificateNumber}），属重婚，不予登记`);
    else findings.push(`${p.name}在本机关无未解除的婚姻登记记录`);
  }
  return { parties: [a, b], problems, findings };
}
