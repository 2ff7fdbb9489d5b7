import { useEffect, useState } from 'react';
import { Button, Col, Divider, Form, Input, Row, Select, Space } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { useCurrentSession } from '../../currentSession';
import { contractRule } from '../../fieldRules';
import { PrintFeedback } from './PrintFeedback';
import { TemplateFields } from './TemplateFields';
import { formFields, isCertificate, labelAliases, prefill, toTemplateData, type FieldValues, type PrintTemplate } from './templateData';
import { usePrintOutput, type PrintAction } from './usePrintOutput';

type Printers = OpOutput<'print.printers'>;

interface DocumentValues {
  data: FieldValues;
  documentKey: string;
  printer?: string;
}

const outputFields = operations['print.output'].input.shape;

interface DocumentFormProps {
  template: PrintTemplate;
  /** Null while the printer list is being read. */
  printers: Printers | null;
}

/**
 * One document of one template: its fields, its 文书编号 and the printer; Enter previews (in a dialog
 * that can also save the PDF), the buttons save a PDF or print. Mounted afresh for each template.
 */
export function DocumentForm({ template, printers }: DocumentFormProps) {
  const { status } = useCurrentSession();
  const [form] = Form.useForm<DocumentValues>();
  const fields = formFields(template);
  const printing = usePrintOutput(form, labelAliases(fields));
  const certificate = isCertificate(template);
  // A certificate's 文书编号 follows its number; other documents get a sample key the user may change.
  const [initialValues] = useState(() => ({ data: prefill(fields, status), documentKey: certificate ? '' : `sample-${Date.now()}` }));

  const defaultPrinter = printers?.defaultPrinter;
  useEffect(() => {
    if (defaultPrinter && !form.getFieldValue('printer')) form.setFieldValue('printer', defaultPrinter);
  }, [defaultPrinter, form]);

  const run = async (action: PrintAction): Promise<void> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const data = toTemplateData(fields, values.data);
    if (action === 'preview') {
      await printing.preview(template, data);
      return;
    }
    await printing.output({
      templateId: template.id,
      data,
      documentKey: values.documentKey,
      destination: action,
      printer: action === 'printer' ? values.printer : undefined,
    });
  };

  return (
    <Form
      form={form}
      name="document"
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void run('preview')}
      onValuesChange={(changed: Partial<DocumentValues>) => {
        const number = changed.data?.certificateNumber;
        if (certificate && number !== undefined && !form.isFieldTouched('documentKey')) form.setFieldValue('documentKey', number.trim());
      }}
      data-testid="print-form"
    >
      <TemplateFields fields={fields} />
      <Divider titlePlacement="start">输出</Divider>
      <PrintFeedback printing={printing} onSavePdf={() => void run('pdf')} />
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            label="文书编号"
            name="documentKey"
            required
            rules={[contractRule(outputFields.documentKey)]}
            extra={certificate ? '默认取证书字号；同一编号再次打印或保存即为重印，须说明原因' : '同一编号再次打印或保存即为重印，须说明原因'}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="打印机" name="printer" extra="仅「打印」时需要">
            <Select
              allowClear
              loading={!printers}
              placeholder="请选择打印机"
              options={printers?.printers.map((p) => ({ value: p, label: p === printers.defaultPrinter ? `${p}（默认）` : p }))}
              notFoundContent="未找到打印机（本机未安装 CUPS 或未添加打印机）"
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={printing.running === 'preview'}>
          预览
        </Button>
        <Button icon={<DownloadOutlined />} loading={printing.running === 'pdf'} onClick={() => void run('pdf')}>
          保存 PDF
        </Button>
        <Button icon={<PrinterOutlined />} loading={printing.running === 'printer'} onClick={() => void run('printer')}>
          打印
        </Button>
      </Space>
    </Form>
  );
}
