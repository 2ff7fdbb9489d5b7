import { Alert, AutoComplete, Button, Form, InputNumber, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { useFormSubmit } from '../../useFormSubmit';
import { PrintFeedback } from './PrintFeedback';
import { usePrintOutput } from './usePrintOutput';

export interface CalibrationValues {
  printer: string;
  offsetXmm: number;
  offsetYmm: number;
}

interface KnownPrinter {
  printer: string;
  offsetXmm: number;
  offsetYmm: number;
}

const fields = operations['print.calibrate'].input.shape;

interface CalibrationFormProps {
  printers: KnownPrinter[];
  canCalibrate: boolean;
  onSave: (values: CalibrationValues) => Promise<void>;
}

/**
 * The printer, its offsets, and the calibration page. The page is printed with the offsets already
 * saved for that printer, so it shows what is left to correct.
 */
export function CalibrationForm({ printers, canCalibrate, onSave }: CalibrationFormProps) {
  const [form] = Form.useForm<CalibrationValues>();
  const { submitting, error, onFinish } = useFormSubmit(form, onSave);
  const printing = usePrintOutput(form);

  const printPage = async (destination: 'printer' | 'pdf'): Promise<void> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const printer = values.printer.trim();
    await printing.output({
      templateId: 'calibration',
      data: { printer },
      documentKey: `calibration-${printer.slice(0, 100)}-${Date.now()}`,
      destination,
      printer,
    });
  };

  const offsetInput = (
    <InputNumber step={0.1} min={-20} max={20} precision={1} suffix="毫米" disabled={!canCalibrate} style={{ width: 160 }} />
  );

  return (
    <Form
      form={form}
      name="calibration"
      layout="vertical"
      initialValues={{ offsetXmm: 0, offsetYmm: 0 }}
      // Without the permission there is nothing to save: Enter only checks the fields.
      onFinish={canCalibrate ? onFinish : undefined}
      // Choosing a printer shows the offsets saved for it, to be corrected from there.
      onValuesChange={(changed: Partial<CalibrationValues>) => {
        const known = printers.find((p) => p.printer === changed.printer);
        if (known) form.setFieldsValue({ offsetXmm: known.offsetXmm, offsetYmm: known.offsetYmm });
      }}
      data-testid="calibration-form"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <PrintFeedback printing={printing} />
      <Form.Item label="打印机" name="printer" required rules={[contractRule(fields.printer)]} extra="可从列表中选择，也可直接输入打印机名称">
        <AutoComplete
          autoFocus
          options={printers.map((p) => ({ value: p.printer }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
        />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="水平偏移" name="offsetXmm" required rules={[contractRule(fields.offsetXmm)]} extra="加到每个打印位置上，正值右移">
          {offsetInput}
        </Form.Item>
        <Form.Item label="垂直偏移" name="offsetYmm" required rules={[contractRule(fields.offsetYmm)]} extra="加到每个打印位置上，正值下移">
          {offsetInput}
        </Form.Item>
      </Space>
      <Space wrap>
        {canCalibrate && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={submitting}>
            保存校准值
          </Button>
        )}
        <Button icon={<PrinterOutlined />} loading={printing.running === 'printer'} onClick={() => void printPage('printer')}>
          打印校准页
        </Button>
        <Button icon={<DownloadOutlined />} loading={printing.running === 'pdf'} onClick={() => void printPage('pdf')}>
          保存校准页 PDF
        </Button>
      </Space>
    </Form>
  );
}
