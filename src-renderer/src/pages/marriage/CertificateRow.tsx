import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { operations } from '../../../../src-main/contract';
import { useCurrentSession } from '../../currentSession';
import { contractRuleWhen } from '../../fieldRules';
import { PrintFeedback } from '../print/PrintFeedback';
import type { PrintTemplate } from '../print/templateData';
import { usePrintOutput, type PrintAction } from '../print/usePrintOutput';
import { usePrintTarget, type Printers } from '../print/usePrintTarget';
import { PARTY_TITLES, certificateData, certificateKey, type PartyKey, type Registration } from './marriageData';


const serialSchema = operations['print.output'].input.shape.bookletSerial.unwrap();

interface CertificateRowProps {
  registration: Registration;
  holder: PartyKey;
  template: Pick<PrintTemplate, 'id' | 'title' | 'page'>;
  /** Null while the printer list is being read. */
  printers: Printers | null;
}

/** 印制编号 and the printer: only 打印 needs them. */
function OutputInputs({ holder, printers, toPrinter }: { holder: PartyKey; printers: Printers | null; toPrinter: () => boolean }) {
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
          normalize={(value: string) => value.toUpperCase()}
          tooltip="打印到空白结婚证时填写其预印的印制编号，打印即从台账出库；保存 PDF 不需要"
        >
          <Input autoComplete="off" maxLength={24} style={{ width: 180 }} data-testid={`booklet-serial-${holder}`} />
        </Form.Item>
        <Form.Item label="打印机" name="printer" rules={[printerRule]}>
          <Select
            allowClear
            loading={!printers}
            placeholder="请选择打印机"
            style={{ width: 200 }}
            options={printers?.printers.map((p) => ({ value: p, label: p === printers.defaultPrinter ? `${p}（默认）` : p }))}
            notFoundContent="未找到打印机（本机未安装 CUPS 或未添加打印机）"
          />
        </Form.Item>
    </>
  );
}

interface RowValues {
  bookletSerial?: string;
  printer?: string;
}

/** One party's 结婚证: its 印制编号 and printer; preview, save as PDF, print onto the blank booklet. */
export function CertificateRow({ registration, holder, template, printers }: CertificateRowProps) {
  const { status } = useCurrentSession();
  const [form] = Form.useForm<RowValues>();
  // The ledger's refusals (not in stock, already used) name the booklet `serial`.
  const printing = usePrintOutput(form, { serial: 'bookletSerial' });
  const { toPrinter, validateFor } = usePrintTarget(form, printers);
  const data = certificateData(registration, holder, status.station.officeName, status.user.displayName);

  const run = async (action: PrintAction): Promise<void> => {
    const values = await validateFor(action);
    if (!values) return;
    if (action === 'preview') {
      await printing.preview(template, data);
      return;
    }
    await printing.output({
      templateId: template.id,
      data,
      documentKey: certificateKey(registration, holder),
      destination: action,
      printer: action === 'printer' ? values.printer : undefined,
      bookletSerial: action === 'printer' ? values.bookletSerial : undefined,
    });
  };

  return (
    <div className="marriage-certificate-row" data-testid={`certificate-${holder}`}>
      <Form
        form={form}
        layout="inline"
        onFinish={() => void run('preview')}
        style={{ rowGap: 8 }}
      >
        <Form.Item label="持证人">
          <Typography.Text strong data-testid={`holder-${holder}`}>
            {registration[holder].name}
          </Typography.Text>
          <Typography.Text type="secondary">（{PARTY_TITLES[holder]}）</Typography.Text>
        </Form.Item>
        <OutputInputs holder={holder} printers={printers} toPrinter={toPrinter} />
        <Form.Item>
          <Space wrap>
            <Button icon={<EyeOutlined />} htmlType="submit" loading={printing.running === 'preview'} data-testid={`preview-${holder}`}>
              预览
            </Button>
            <Button icon={<DownloadOutlined />} loading={printing.running === 'pdf'} onClick={() => void run('pdf')} data-testid={`save-pdf-${holder}`}>
              保存 PDF
            </Button>
            <Button icon={<PrinterOutlined />} loading={printing.running === 'printer'} onClick={() => void run('printer')} data-testid={`print-${holder}`}>
              打印
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 8 }}>
        <PrintFeedback printing={printing} onSavePdf={() => void run('pdf')} />
      </div>
    </div>
  );
}
