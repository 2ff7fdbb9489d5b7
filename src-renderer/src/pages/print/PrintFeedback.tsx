import { Alert } from 'antd';
import { PrintPreview } from './PrintPreview';
import { ReprintDialog } from './ReprintDialog';
import type { PrintOutput } from './usePrintOutput';

interface PrintFeedbackProps {
  printing: PrintOutput;
  /** 保存 PDF from the preview dialog; only forms that preview need it. */
  onSavePdf?: () => void;
}

/** What came of the last preview, save or print: the error, the preview, the result, or the 重印原因 question. */
export function PrintFeedback({ printing, onSavePdf }: PrintFeedbackProps) {
  const { error, outcome, reprint, shown } = printing;
  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="print-error" />}
      {outcome && (
        <Alert
          type={outcome.type}
          showIcon
          title={outcome.title}
          action={
            outcome.link && (
              <a href={outcome.link.href} download={outcome.link.fileName}>
                {outcome.link.text}
              </a>
            )
          }
          style={{ marginBottom: 16 }}
          data-testid="print-result"
        />
      )}
      {shown && onSavePdf && <PrintPreview key={shown.href} preview={shown} onSavePdf={onSavePdf} onClosed={printing.closePreview} />}
      {reprint && <ReprintDialog documentKey={reprint.documentKey} onSubmit={printing.resendWithReason} onClosed={printing.closeReprint} />}
    </>
  );
}
