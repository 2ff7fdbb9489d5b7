import { Col, Form, Input, Row, Select, type FormRule } from 'antd';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { contractRule, contractRuleWhen } from '../../fieldRules';
import { isCertificate, type PrintTemplate } from './templateData';

type Printers = OpOutput<'print.printers'>;

const outputFields = operations['print.output'].input.shape;

interface OutputFieldsProps {
  template: PrintTemplate;
  /** Null while the printer list is being read. */
  printers: Printers | null;
  /** Whether the fields are being checked for 打印, the only action that needs the printer and the 印制编号. */
  toPrinter: () => boolean;
}

/** 文书编号, the printer and, for a certificate printed onto a blank booklet, the booklet's 印制编号. */
export function OutputFields({ template, printers, toPrinter }: OutputFieldsProps) {
  const certificate = isCertificate(template);
  const printerRule: FormRule = {
    validator: async (_rule, value: unknown) => {
      if (toPrinter() && !value) throw new Error('请选择打印机');
    },
  };

  return (
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
        <Form.Item label="打印机" name="printer" rules={[printerRule]} extra="仅「打印」时需要">
          <Select
            allowClear
            loading={!printers}
            placeholder="请选择打印机"
            options={printers?.printers.map((p) => ({ value: p, label: p === printers.defaultPrinter ? `${p}（默认）` : p }))}
            notFoundContent="未找到打印机（本机未安装 CUPS 或未添加打印机）"
          />
        </Form.Item>
      </Col>
      {template.booklet && (
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            label="印制编号"
            name="bookletSerial"
            rules={[contractRuleWhen(toPrinter, outputFields.bookletSerial.unwrap())]}
            normalize={(value: string) => value.toUpperCase()}
            extra="打印到空白证书时填写其预印的印制编号，打印即从台账出库"
          >
            <Input autoComplete="off" maxLength={24} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
