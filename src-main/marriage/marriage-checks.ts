import type { IsoDate } from '../calendar/dates';
import { crossCheck, parseResidentId, type Sex } from '../identity/resident-id';
import { AppError } from '../contract';
import { underAgeReason } from './marriage-age';

export interface PartyInput {
  name: string;
  sex: Sex;
  nationality: string;
  idNumber: string;
  birthDate?: IsoDate;
}

export interface CheckedParty extends PartyInput {
  birthDate: IsoDate;
}

/** An existing marriage of this person on record here, if any. */
export type MarriageOnRecord = (idNumber: string) => { certificateNumber: string } | undefined;

export interface MarriageCheck {
  parties: [CheckedParty, CheckedParty] | null;
  /** Reasons the registration cannot go ahead (不予登记), in Chinese; empty when it may. */
  problems: string[];
}

/**
 * The legal checks for a marriage on `on` (民法典 1042, 1046–1049): valid identity documents that
 * agree with what was stated, a man and a woman, not the same person, both of age, neither already
 * married here. The marital-status query to the platform comes with the sync issue.
 */
export function checkMarriage(p1: PartyInput, p2: PartyInput, on: IsoDate, onRecord: MarriageOnRecord): MarriageCheck {
  const problems: string[] = [];
  const parties: CheckedParty[] = [];
  for (const [i, p] of [p1, p2].entries()) {
    const label = `${i === 0 ? '一方' : '另一方'}（${p.name}）的公民身份号码`;
    try {
      const id = parseResidentId(p.idNumber, label);
      crossCheck(id, { birthDate: p.birthDate, sex: p.sex }, label);
      parties.push({ ...p, idNumber: id.number, birthDate: id.birthDate });
    } catch (err) {
      problems.push(err instanceof AppError ? err.message : String(err));
    }
  }
  if (parties.length < 2) return { parties: null, problems };
  const [a, b] = parties as [CheckedParty, CheckedParty];
  if (a.idNumber === b.idNumber) problems.push('双方为同一人（公民身份号码相同）');
  else if (a.sex === b.sex) problems.push('结婚登记须由男女双方申请（民法典第一千零四十九条）');
  for (const p of parties) {
    const age = underAgeReason(p, on);
    if (age) problems.push(age);
    const existing = onRecord(p.idNumber);
    if (existing) problems.push(`${p.name}已有在本机关登记且未解除的婚姻（结婚证字号 ${existing.certificateNumber}），属重婚，不予登记`);
  }
  return { parties: [a, b], problems };
}
