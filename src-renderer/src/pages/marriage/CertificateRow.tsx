import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography, type InputRef } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { operations, type AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { contractRuleWhen } from '../../fieldRules';
import { PrintFeedback } from '../print/PrintFeedback';
import type { PrintTemplate } from '../print/templateData';
import { usePrintOutput, type PrintAction } from '../print/usePrintOutput';
import { usePrintTarget, type Printers } from '../print/usePrintTarget';
import type { PrintableDocument } from './DocumentActions';
import { PARTY_TITLES, type PartyKey } from './marriageData';
import { altLabel } from './useAltShortcut';
import { normalizeCode } from '../../typedCode';

const serialSchema = operations['print.output'].input.shape.bookletSerial.unwrap();
const BOOKLET_PAGE = { width: 95, height: 128 };

interface CertificateRowProps {
  certificateNumber: string;
  holder: PartyKey;
  holderName: string;
  templates: readonly PrintTemplate[] | null;
  /** Null while the printer list is being read. */
  printers: Printers | null;
  /** The 印制编号 input, for the page to put the cursor there. */
  serialRef?: Ref<InputRef>;
  /** After the certificate went to the printer: the page moves on to the next one. */
  onPrinted?: () => void;
}

/** 印制编号 and the printer: only 打印 needs them. */
function OutputInputs({ holder, printers, toPrinter, serialRef }: { holder: PartyKey; printers: Printers | null; toPrinter: () => boolean; serialRef?: Ref<InputRef> }) {
  const printerRule = {
    validator: async (_rule: unknown, value: unknown) => {
      if (toPrinter() && !value) throw new Error('请选择打印机');
    },
  };

  return (
    <>
      <Form.Item
        label="印制编号"
        name="bookletSerial"
        rules={[contractRuleWhen(toPrinter, serialSchema)]}
        normalize={normalizeCode}
        tooltip="打印到空白证书上时填写其预印的印制编号，打印即从台账出库；保存 PDF 不需要。填好后按 Enter 打印"
      >
        <Input ref={serialRef} autoComplete="off" maxLength={24} style={{ width: 180, fontFamily: 'monospace' }} data-testid={`booklet-serial-${holder}`} />
      </Form.Item>
      <Form.Item label="打印机" name="printer" rules={[printerRule]}>
        <Select
          allowClear
          loading={!printers}
          placeholder="请选择打印机"
          style={{ width: 200 }}
          options={printers?.printers.map((p) => ({ value: p, label: p === printers.defaultPrinter ? `${p}（默认）` : p }))}
          notFoundContent="未找到打印机（本机未安装 CUPS 或未添加打印机）"
          data-testid={`printer-${holder}`}
        />
      </Form.Item>
    </>
  );
}

interface RowValues {
  bookletSerial?: string;
  printer?: string;
}

/**
 * One party's 结婚证: its data comes from the registration on record (counter.document), so what is
 * printed is what was registered. Enter in 印制编号 prints onto that booklet; Alt+V previews.
 */
export function CertificateRow({ certificateNumber, holder, holderName, templates, printers, serialRef, onPrinted }: CertificateRowProps) {
  const [form] = Form.useForm<RowValues>();
  // The ledger's refusals (not in stock, already used) name the booklet `serial`.
  const printing = usePrintOutput(form, { serial: 'bookletSerial' });
  const { toPrinter, validateFor } = usePrintTarget(form, printers);
  const party = holder === 'party1' ? 1 : 2;
  // The data is built by the server from the registration; read once, when first needed.
  const documentRequest = useRef<Promise<PrintableDocument> | null>(null);
  const [documentError, setDocumentError] = useState<AppError | null>(null);
  const lastAction = useRef<PrintAction | null>(null);
  const printed = useRef(onPrinted);
  useEffect(() => {
    printed.current = onPrinted;
  });

  // A new outcome of 打印 moves on to the next certificate.
  const { outcome } = printing;
  useEffect(() => {
    if (outcome && lastAction.current === 'printer') printed.current?.();
  }, [outcome]);

  const loadDocument = async (): Promise<PrintableDocument | null> => {
    documentRequest.current ??= call('counter.document', { document: 'certificate', key: certificateNumber, party });
    setDocumentError(null);
    try {
      return await documentRequest.current;
    } catch (err) {
      documentRequest.current = null;
      setDocumentError(asAppError(err));
      return null;
    }
  };

  const run = async (action: PrintAction): Promise<void> => {
    const values = await validateFor(action);
    if (!values) return;
    const doc = await loadDocument();
    if (!doc) return;
    lastAction.current = action;
    if (action === 'preview') {
      const template = templates?.find((t) => t.id === doc.templateId);
      await printing.preview({ id: doc.templateId, title: template?.title ?? doc.title, page: template?.page ?? BOOKLET_PAGE }, doc.data);
      return;
    }
    await printing.output({
      templateId: doc.templateId,
      data: doc.data,
      documentKey: doc.documentKey,
      destination: action,
      printer: action === 'printer' ? values.printer : undefined,
      bookletSerial: action === 'printer' ? values.bookletSerial : undefined,
    });
  };

  // Alt+V previews the certificate of the row the cursor is in.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyV') {
      event.preventDefault();
      void run('preview');
    }
  };

  return (
    <div className="marriage-certificate-row" onKeyDown={onKeyDown} data-testid={`certificate-${holder}`}>
      <Form form={form} layout="inline" onFinish={() => void run('printer')} style={{ rowGap: 8 }}>
        <Form.Item label="持证人" style={{ minWidth: 200 }}>
          <Typography.Text strong data-testid={`holder-${holder}`}>
            {holderName}
          </Typography.Text>
          <Typography.Text type="secondary">（{PARTY_TITLES[holder]}）</Typography.Text>
        </Form.Item>
        <OutputInputs holder={holder} printers={printers} toPrinter={toPrinter} serialRef={serialRef} />
        <Form.Item>
          <Space wrap>
            <Button icon={<EyeOutlined />} loading={printing.running === 'preview'} onClick={() => void run('preview')} aria-keyshortcuts="Alt+V" data-testid={`preview-${holder}`}>
              {altLabel('预览', 'V')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={printing.running === 'pdf'} onClick={() => void run('pdf')} data-testid={`save-pdf-${holder}`}>
              保存 PDF
            </Button>
            <Button type="primary" htmlType="submit" icon={<PrinterOutlined />} loading={printing.running === 'printer'} aria-keyshortcuts="Enter" data-testid={`print-${holder}`}>
              打印（Enter）
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 8 }}>
        {documentError && <Alert type="error" showIcon title={`证书内容读取失败：${documentError.message}`} style={{ marginBottom: 16 }} />}
        <PrintFeedback printing={printing} onSavePdf={() => void run('pdf')} />
      </div>
    </div>
  );
}
