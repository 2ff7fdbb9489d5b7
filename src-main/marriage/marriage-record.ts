import type { DocumentTypeId } from '../contract';
import type { marriages } from '../db/schema';

type MarriageRow = typeof marriages.$inferSelect;

/** One party of a stored registration, the way the counter's checks and the platform take a party. */
export function partyOf(m: MarriageRow, n: 1 | 2) {
  return {
    name: n === 1 ? m.party1Name : m.party2Name,
    sex: n === 1 ? m.party1Sex : m.party2Sex,
    nationality: n === 1 ? m.party1Nationality : m.party2Nationality,
    birthDate: n === 1 ? m.party1BirthDate : m.party2BirthDate,
    documentType: (n === 1 ? m.party1DocumentType : m.party2DocumentType) as DocumentTypeId,
    idNumber: n === 1 ? m.party1IdNumber : m.party2IdNumber,
  };
}

/** The whole registration as the platform keeps it: registered and corrected events both carry it. */
export function marriageSnapshot(m: MarriageRow) {
  return { certificateNumber: m.certificateNumber, registeredOn: m.registeredOn, authority: m.authority, parties: [partyOf(m, 1), partyOf(m, 2)] };
}
