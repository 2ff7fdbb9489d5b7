import { useState } from 'react';
import { Button, Divider, Form, Space } from 'antd';
import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useCurrentSession } from '../../currentSession';
import { OutputFields } from './OutputFields';
import { PrintFeedback } from './PrintFeedback';
import { TemplateFields } from './TemplateFields';
import { formFields, isCertificate, labelAliases, prefill, toTemplateData, type FieldValues, type PrintTemplate } from './templateData';
import { usePrintOutput, type PrintAction } from './usePrintOutput';
import { usePrintTarget, type Printers } from './usePrintTarget';


interface DocumentValues {
  data: FieldValues;
  documentKey: string;
  printer?: string;
  /** Only on templates printed onto a blank booklet. */
  bookletSerial?: string;
}

interface DocumentFormProps {
  template: PrintTemplate;
  /** Null while the printer list is being read. */
  printers: Printers | null;
}

/**
 * One document of one template: its fields, its 文书编号, the printer and (on a blank booklet) the
 * booklet's 印制编号; Enter previews (in a dialog that can also save the PDF), the buttons save a PDF
 * or print. Mounted afresh for each template.
 */
export function DocumentForm({ template, printers }: DocumentFormProps) {
  const { status } = useCurrentSession();
  const [form] = Form.useForm<DocumentValues>();
  const fields = formFields(template);
  // The ledger's refusals (not in stock, already used, of the other kind) name the booklet `serial`.
  const printing = usePrintOutput(form, { ...labelAliases(fields), serial: 'bookletSerial' });
  const certificate = isCertificate(template);
  // A certificate's 文书编号 follows its number; other documents get a sample key the user may change.
  const [initialValues] = useState(() => ({ data: prefill(fields, status), documentKey: certificate ? '' : `sample-${Date.now()}` }));

  const { toPrinter, validateFor } = usePrintTarget(form, printers);

  const run = async (action: PrintAction): Promise<void> => {
    const values = await validateFor(action);
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
      // Printing takes the booklet out of stock; a PDF is printed on no booklet.
      bookletSerial: action === 'printer' && template.booklet ? values.bookletSerial : undefined,
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
      <OutputFields template={template} printers={printers} toPrinter={toPrinter} />
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
