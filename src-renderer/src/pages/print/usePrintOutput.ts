import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { AppError, OpInput, OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { applyFieldErrors, asAppError } from '../../formErrors';
import type { PrintTemplate } from './templateData';
import { pdfFileName, usePdfBlob } from './usePdfBlob';

export type PrintAction = 'preview' | 'pdf' | 'printer';
export type OutputRequest = OpInput<'print.output'>;

export interface PrintOutcome {
  /** Warning: the job is on record but the printer did not take it. */
  type: 'success' | 'warning';
  title: string;
  /** The PDF again: a download link, in case the browser did not save it. */
  link?: { href: string; text: string; fileName: string };
}

/** A preview being shown in the page: its blob: URL (revoked when the preview is closed), and what it is of. */
export interface ShownPreview {
  href: string;
  fileName: string;
  title: string;
  /** Millimetres: A4 is read at the preview's full width, a booklet page in a narrower one. */
  page: { width: number; height: number };
}

/** A VALIDATION answer asking for 重印原因: the document has been printed before. */
function needsReprintReason(error: AppError): boolean {
  return error.code === 'VALIDATION' && 'reprintReason' in error.fieldErrors;
}

/**
 * Preview, save as PDF and print, with what the user is told afterwards. Errors go under the form's
 * fields where they name one, and above the form too when they say more than the field does (a
 * character no font has is named with its code point, and what to do about it).
 */
export function usePrintOutput(form: FormInstance, aliases: Record<string, string> = {}) {
  const pdf = usePdfBlob();
  const [running, setRunning] = useState<PrintAction | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  const [reprint, setReprint] = useState<OutputRequest | null>(null);
  const [shown, setShown] = useState<ShownPreview | null>(null);

  /** Run one action; `request` is the print.output request to repeat with a reason if it is a reprint. */
  const attempt = async (action: PrintAction, work: () => Promise<void>, request?: OutputRequest): Promise<void> => {
    setRunning(action);
    setError(null);
    setOutcome(null);
    // The form's own rules have just passed: what is still marked is the server's answer to the last attempt.
    form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
    try {
      await work();
    } catch (err) {
      const appError = asAppError(err);
      if (request && needsReprintReason(appError)) {
        setReprint(request);
        return;
      }
      setError(applyFieldErrors(form, appError, aliases));
    } finally {
      setRunning(null);
    }
  };

  const report = (request: OutputRequest, result: OpOutput<'print.output'>): void => {
    const title = result.reprint ? `${result.message}（重印，已记录原因）` : result.message;
    if (!result.pdfBase64) {
      // Sent to a printer: the message says whether CUPS took the job, or why not.
      setOutcome({ type: result.printerAccepted === false ? 'warning' : 'success', title });
      return;
    }
    const href = pdf.toUrl(result.pdfBase64);
    const fileName = pdfFileName(request.documentKey);
    pdf.save(href, fileName);
    setOutcome({ type: 'success', title: `${title}：${fileName}`, link: { href, text: '再次下载', fileName } });
  };

  /** The preview is shown in the page (Electron opens no new windows), until `closePreview`. */
  const preview = (template: Pick<PrintTemplate, 'id' | 'title' | 'page'>, data: Record<string, unknown>): Promise<void> =>
    attempt('preview', async () => {
      const { pdfBase64 } = await call('print.preview', { templateId: template.id, data });
      if (shown) pdf.revoke(shown.href);
      setShown({ href: pdf.toUrl(pdfBase64), fileName: `预览-${template.title}.pdf`, title: template.title, page: template.page });
    });

  const closePreview = (): void => {
    if (shown) pdf.revoke(shown.href);
    setShown(null);
  };

  const output = (request: OutputRequest): Promise<void> =>
    attempt(request.destination, async () => report(request, await call('print.output', request)), request);

  /** Send the same request again with the reason the user gave; errors stay in the reason dialog. */
  const resendWithReason = async (reprintReason: string): Promise<void> => {
    if (!reprint) return;
    report(reprint, await call('print.output', { ...reprint, reprintReason }));
  };

  return {
    running,
    error,
    outcome,
    reprint,
    shown,
    preview,
    closePreview,
    output,
    resendWithReason,
    closeReprint: () => setReprint(null),
  };
}

export type PrintOutput = ReturnType<typeof usePrintOutput>;
