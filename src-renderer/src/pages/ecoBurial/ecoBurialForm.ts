import { ecoBurialInput, type BurialType, type OpInput, type OpOutput } from '../../../../src-main/contract';

export type EcoBurialInput = OpInput<'ecoBurial.apply'>;
export type EcoBurialComputation = OpOutput<'ecoBurial.compute'>;
export type EcoBurialSubsidy = OpOutput<'ecoBurial.apply'>;
export type EcoBurialStatus = EcoBurialSubsidy['status'];

/** What the application form holds. */
export interface EcoBurialValues {
  deceasedName: string;
  deceasedIdNumber: string;
  dateOfDeath: string;
  hukouInCity: boolean;
  burialType: BurialType | undefined;
  burialDate: string;
  burialPlace: string;
  applicantName: string;
  applicantIdNumber: string;
  relation: string;
  bankAccount: string;
}

export const EMPTY_APPLICATION: EcoBurialValues = {
  deceasedName: '',
  deceasedIdNumber: '',
  dateOfDeath: '',
  hukouInCity: true,
  burialType: undefined,
  burialDate: '',
  burialPlace: '',
  applicantName: '',
  applicantIdNumber: '',
  relation: '',
  bankAccount: '',
};

export const ECO_STATUS_ORDER: readonly EcoBurialStatus[] = ['pending', 'approved', 'paid', 'rejected'];
export const ECO_STATUS_COLORS: Record<EcoBurialStatus, string> = { pending: 'processing', approved: 'gold', paid: 'success', rejected: 'error' };

const trim = (v: string | undefined): string => (v ?? '').trim();

/** The operation's input from the form (not yet checked). */
export function inputOf(values: EcoBurialValues): EcoBurialInput {
  return {
    deceasedName: trim(values.deceasedName),
    deceasedIdNumber: trim(values.deceasedIdNumber).toUpperCase(),
    dateOfDeath: trim(values.dateOfDeath),
    hukouInCity: values.hukouInCity,
    burialType: values.burialType as BurialType,
    burialDate: trim(values.burialDate),
    burialPlace: trim(values.burialPlace),
    applicantName: trim(values.applicantName),
    applicantIdNumber: trim(values.applicantIdNumber).toUpperCase(),
    relation: trim(values.relation),
    bankAccount: trim(values.bankAccount),
  };
}

/** The facts the amount depends on, and those that name the deceased: 试算 starts once these are filled. */
const TRIAL_FIELDS = ['deceasedName', 'deceasedIdNumber', 'dateOfDeath', 'burialType', 'burialDate', 'burialPlace'] as const;
/** Stand-ins for the applicant's details while they are still being typed: they do not change the amount. */
const TRIAL_STAND_INS = { applicantName: '（待填）', applicantIdNumber: '（待填）', relation: '（待填）', bankAccount: '（待填）' } as const;

/**
 * The input to send for 试算, or what is still missing. The amount follows the date of death, the 户籍
 * and the burial type; the applicant's details may come later.
 */
export function trialInput(values: EcoBurialValues): { input: EcoBurialInput } | { missing: string } {
  const input = inputOf(values);
  const trial = { ...input } as Record<string, unknown>;
  for (const [key, standIn] of Object.entries(TRIAL_STAND_INS)) if (!trial[key]) trial[key] = standIn;
  const parsed = ecoBurialInput.safeParse(trial);
  if (parsed.success) return { input: trial as EcoBurialInput };
  const issue = parsed.error.issues.find((i) => (TRIAL_FIELDS as readonly string[]).includes(String(i.path[0]))) ?? parsed.error.issues[0];
  return { missing: issue?.message ?? '请填写完整' };
}
