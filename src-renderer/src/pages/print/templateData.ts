import dayjs from 'dayjs';
import type { OpOutput } from '../../../../src-main/contract';
import type { SessionStatus } from '../../currentSession';

export type PrintTemplate = OpOutput<'print.templates'>[number];
export type TemplateField = PrintTemplate['fields'][number];

/** Values of the fields this screen fills in: text, and dates already as YYYY-MM-DD. */
export type FieldValues = Record<string, string | undefined>;

/** Tables and images come from the business modules that print them; this screen fills in the rest. */
const FORM_KINDS = new Set(['text', 'multiline', 'date', 'lines']);

export function formFields(template: PrintTemplate): TemplateField[] {
  return template.fields.filter((f) => FORM_KINDS.has(f.kind));
}

/** Certificates are known by their number, which is also the document's key in the print records. */
export function isCertificate(template: PrintTemplate): boolean {
  return template.fields.some((f) => f.key === 'certificateNumber');
}

/** The template's fields sit under `data` in the form, apart from the form's own (a template may have a `printer` too). */
export const DATA = 'data';

/**
 * Where the server's field messages go: when a character has no font or a text does not fit, it
 * names the field by its label (一方姓名 …). Missing or malformed data the form itself prevents.
 */
export function labelAliases(fields: TemplateField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.label, `${DATA}.${f.key}`]));
}

/** What the station already knows: its office, the registrar at the desk, today's date. */
export function prefill(fields: TemplateField[], status: SessionStatus): FieldValues {
  const known: FieldValues = {
    office: status.station.officeName,
    registrar: status.user.displayName,
    registrationDate: dayjs().format('YYYY-MM-DD'),
  };
  return Object.fromEntries(fields.filter((f) => f.key in known).map((f) => [f.key, known[f.key]]));
}

/** The template's data: `lines` as one entry per non-empty line; empty (optional) fields left out. */
export function toTemplateData(fields: TemplateField[], values: FieldValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.key]?.trim();
    if (!value) continue;
    data[f.key] = f.kind === 'lines' ? value.split(/\r?\n/).filter((line) => line.trim() !== '') : value;
  }
  return data;
}
