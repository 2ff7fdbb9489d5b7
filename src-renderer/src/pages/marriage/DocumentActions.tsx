import { useState } from 'react';
import { Alert, Button, Form, Space, Tooltip } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import type { AppError, OpOutput } from '../../../../src-main/contract';
import { asAppError } from '../../formErrors';
import { PrintFeedback } from '../print/PrintFeedback';
import { usePrintOutput, type PrintAction } from '../print/usePrintOutput';
import type { Printers } from '../print/usePrintTarget';
import { altLabel, useAltShortcut } from './useAltShortcut';

/** A document ready to print: what `counter.document` answers, or the declaration built from the form. */
export type PrintableDocument = OpOutput<'counter.document'>;

const A4 = { width: 210, height: 297 };

/** Where an A4 form goes: the station's default printer, else the only one there is. */
export function formPrinter(printers: Printers | null): string | null {
  return printers?.defaultPrinter ?? printers?.printers[0] ?? null;
}

interface DocumentActionsProps {
  /** What the buttons say: 打印{name} / 预览 / 保存 PDF. */
  name: string;
  /** Alt + this letter prints (or, without a printer, previews). */
  letter?: string;
  /** The document's data; null when the form first needs correcting (it shows why). */
  load: () => Promise<PrintableDocument | null>;
  printers: Printers | null;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
}

/** 打印 / 预览 / 保存 PDF for an A4 form (声明书, 审查处理表, 告知书), with what came of it below. */
export function DocumentActions({ name, letter, load, printers, testId, primary, disabled }: DocumentActionsProps) {
  // usePrintOutput puts field errors on a form; these documents have no fields of their own.
  const [form] = Form.useForm();
  const printing = usePrintOutput(form);
  const printer = formPrinter(printers);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  const run = async (action: PrintAction): Promise<void> => {
    setLoadError(null);
    let document: PrintableDocument | null;
    try {
      document = await load();
    } catch (err) {
      setLoadError(asAppError(err));
      return;
    }
    if (!document) return;
    if (action === 'preview') {
      await printing.preview({ id: document.templateId, title: document.title, page: A4 }, document.data);
      return;
    }
    await printing.output({
      templateId: document.templateId,
      data: document.data,
      documentKey: document.documentKey,
      destination: action,
      printer: action === 'printer' ? (printer ?? undefined) : undefined,
    });
  };

  // Without a printer the print key opens the preview, from which the PDF can be saved and printed elsewhere.
  const print = (): void => void run(printer ? 'printer' : 'preview');
  useAltShortcut(letter, print, !disabled);

  return (
    <div data-testid={testId}>
      <Form form={form} component={false} />
      <Space wrap>
        <Tooltip title={printer ? `打印到 ${printer}` : '未找到打印机：打开预览，可保存 PDF'}>
          <Button
            type={primary ? 'primary' : 'default'}
            icon={<PrinterOutlined />}
            loading={printing.running === 'printer'}
            disabled={disabled}
            onClick={print}
            aria-keyshortcuts={letter ? `Alt+${letter}` : undefined}
            data-testid={`${testId}-print`}
          >
            {altLabel(`打印${name}`, letter)}
          </Button>
        </Tooltip>
        <Button icon={<EyeOutlined />} loading={printing.running === 'preview'} disabled={disabled} onClick={() => void run('preview')} data-testid={`${testId}-preview`}>
          预览
        </Button>
        <Button icon={<DownloadOutlined />} loading={printing.running === 'pdf'} disabled={disabled} onClick={() => void run('pdf')} data-testid={`${testId}-pdf`}>
          保存 PDF
        </Button>
      </Space>
      <div style={{ marginTop: loadError || printing.error || printing.outcome ? 12 : 0 }}>
        {loadError && <Alert type="error" showIcon title={loadError.message} style={{ marginBottom: 16 }} />}
        <PrintFeedback printing={printing} onSavePdf={() => void run('pdf')} />
      </div>
    </div>
  );
}
