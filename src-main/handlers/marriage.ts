import { and, eq, or } from 'drizzle-orm';
import { AppError, REFUSAL_REASONS, type OpParsedInput } from '../contract';
import { localDate } from '../calendar/dates';
import { drafts, marriageRefusals, marriages } from '../db/schema';
import type { ReadContext, ReadHandler, WriteContext, WriteHandler } from '../core/context';
import { stationView } from './setup';
import { readSettings } from './settings';
import { nextCertificateNumber } from '../marriage/certificate-number';
import { checkMarriage, type MarriageOnRecord } from '../marriage/marriage-checks';

type Parties = Pick<OpParsedInput<'marriage.register'>, 'party1' | 'party2'>;

/** The registered, undissolved marriage here of the person holding this document number, if any. */
export function registeredMarriageOf(ctx: ReadContext, idNumber: string) {
  return ctx.db
    .select()
    .from(marriages)
    .where(and(eq(marriages.status, 'registered'), or(eq(marriages.party1IdNumber, idNumber), eq(marriages.party2IdNumber, idNumber))))
    .get();
}

function onRecord(ctx: ReadContext): MarriageOnRecord {
  return (idNumber) => registeredMarriageOf(ctx, idNumber);
}

function check(ctx: ReadContext, input: Parties) {
  const on = localDate(ctx.now);
  const { authorizedForeign, authorizedHkMacaoTaiwan } = readSettings(ctx.q);
  return { on, ...checkMarriage(input.party1, input.party2, on, onRecord(ctx), { foreign: authorizedForeign, hkMacaoTaiwan: authorizedHkMacaoTaiwan }) };
}

export const checkRegistration: ReadHandler<'marriage.check'> = (ctx, input) => {
  const { on, problems, findings } = check(ctx, input);
  return { ok: problems.length === 0, problems, findings, registrationDate: on, platformAsked: false };
};

/** A finished case's draft goes with the command that finished it. */
export function finishDraft(ctx: WriteContext, id: number | undefined): void {
  if (id !== undefined) ctx.db.delete(drafts).where(eq(drafts.id, id)).run();
}

/** Checks again inside the transaction (nobody can have married either party meanwhile), then one 字号. */
export const register: WriteHandler<'marriage.register'> = (ctx, input) => {
  const { on, parties, problems, findings } = check(ctx, input);
  if (!parties || problems.length) throw new AppError('VALIDATION', `不予登记：${problems.join('；')}`, { parties: problems.join('；') });
  const [a, b] = parties;
  const authority = stationView(ctx.db)!.divisionCode;
  const certificateNumber = nextCertificateNumber(ctx.db, 'J', authority, Number(on.slice(0, 4)));
  const row = ctx.db
    .insert(marriages)
    .values({
      certificateNumber,
      registeredOn: on,
      authority,
      party1Name: a.name,
      party1Sex: a.sex,
      party1Nationality: a.nationality,
      party1BirthDate: a.birthDate,
      party1DocumentType: a.documentType,
      party1IdNumber: a.idNumber,
      party2Name: b.name,
      party2Sex: b.sex,
      party2Nationality: b.nationality,
      party2BirthDate: b.birthDate,
      party2DocumentType: b.documentType,
      party2IdNumber: b.idNumber,
      registrarUserId: ctx.actor?.userId ?? null,
      reviewFindings: JSON.stringify(findings),
      createdAt: ctx.now.toISOString(),
    })
    .returning({ id: marriages.id })
    .get();
  finishDraft(ctx, input.draftId);
  return {
    result: { id: row.id, certificateNumber, registrationDate: on },
    // The log names the registration, not the people: their data is in the record, the digest proves it.
    audit: { recordIds: [`marriage:${row.id}`, `certificate:${certificateNumber}`], summary: `结婚登记 ${certificateNumber}`, after: { certificateNumber, on, a, b } },
    events: [
      {
        eventType: 'marriage.registered',
        recordType: 'marriage',
        recordId: certificateNumber,
        payload: {
          certificateNumber,
          registeredOn: on,
          authority,
          parties: [a, b].map((p) => ({ name: p.name, sex: p.sex, nationality: p.nationality, birthDate: p.birthDate, documentType: p.documentType, idNumber: p.idNumber })),
        },
      },
    ],
  };
};

export const refuse: WriteHandler<'marriage.refuse'> = (ctx, input) => {
  const on = localDate(ctx.now);
  const row = ctx.db
    .insert(marriageRefusals)
    .values({
      decidedOn: on,
      reasonCode: input.reasonCode,
      reason: input.reason,
      party1Name: input.party1.name,
      party1IdNumber: input.party1.idNumber.toUpperCase(),
      party2Name: input.party2.name,
      party2IdNumber: input.party2.idNumber.toUpperCase(),
      registrarUserId: ctx.actor?.userId ?? null,
      createdAt: ctx.now.toISOString(),
    })
    .returning({ id: marriageRefusals.id })
    .get();
  finishDraft(ctx, input.draftId);
  return {
    result: { id: row.id, decidedOn: on },
    audit: { recordIds: [`marriage-refusal:${row.id}`], summary: `不予结婚登记（第 ${row.id} 号）：${REFUSAL_REASONS[input.reasonCode]}`, after: input },
    events: [{ eventType: 'marriage.refused', recordType: 'marriage-refusal', recordId: String(row.id), payload: { decidedOn: on, reasonCode: input.reasonCode } }],
  };
};
