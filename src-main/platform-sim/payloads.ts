import { z } from 'zod';
import { DOCUMENT_TYPE_IDS } from '../contract/identity-documents';

/**
 * What the platform requires of the payloads it derives its registry from (serial returns: the protocol's
 * serialReturnPayload). Other event types are stored as sent: the platform files them for statistics and
 * other stations without reading them. Objects are not strict: a station newer than the platform may send
 * more, and the platform ignores what it does not use.
 */
const isoDate = z.iso.date();
const sex = z.enum(['male', 'female']);
const documentType = z.enum(DOCUMENT_TYPE_IDS);
const idNumber = z.string().trim().min(1).max(20).toUpperCase();

const party = z.object({
  name: z.string().min(1).max(50),
  sex,
  nationality: z.string().min(1).max(30),
  birthDate: isoDate,
  documentType,
  idNumber,
});

/** A full snapshot of the registration: `marriage.corrected` carries the same shape and replaces it. */
export const marriagePayload = z.object({
  certificateNumber: z.string().min(1).max(40),
  registeredOn: isoDate,
  authority: z.string().regex(/^\d{6}$/),
  parties: z.tuple([party, party]),
});
export type MarriagePayload = z.infer<typeof marriagePayload>;

/** Sent with recordId = the dissolved marriage's certificate number; `certificateNumber` is the divorce's. */
export const divorcePayload = z.object({ certificateNumber: z.string().min(1).max(40), registeredOn: isoDate });

/** The parts of src-main/handlers/funeral.ts waiverPayload the duplicate-waiver query needs. */
export const waiverPayload = z.object({
  number: z.string().min(1).max(40),
  funeralHome: z.string().min(1).max(60),
  deceased: z.object({ name: z.string().min(1).max(50), sex, documentType, idNumber, dateOfDeath: isoDate }),
});

export const MARRIAGE_EVENTS = ['marriage.registered', 'marriage.corrected'] as const;
export const DIVORCE_EVENT = 'divorce.registered';
export const WAIVER_EVENTS = ['funeral.waiver.entered', 'funeral.waiver.corrected'] as const;

