import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Divider, Result, Space, Typography, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { chineseDate, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { useQuery } from '../../useQuery';
import type { Printers } from '../print/usePrintTarget';
import { CertificateRow } from './CertificateRow';
import { DocumentActions } from './DocumentActions';
import { PARTY_KEYS, type Registration } from './marriageData';

interface PrintersQuery {
  data: Printers | null;
  error: { message: string } | null;
}

function NewCaseButton({ onNew, primary }: { onNew: () => void; primary?: boolean }) {
  return (
    <Button type={primary ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={onNew} data-testid="marriage-new">
      新的登记
    </Button>
  );
}

/** After 登记: the 字号, both certificates (印制编号, then Enter prints), and the 审查处理表. */
function Registered({ registration, printers, onNew }: { registration: Registration; printers: PrintersQuery; onNew: () => void }) {
  const templates = useQuery('print.templates', {});
  const firstSerial = useRef<InputRef>(null);
  const secondSerial = useRef<InputRef>(null);
  const { certificateNumber, registrationDate } = registration.result;

  // The first booklet is next: its 印制编号, then Enter.
  useEffect(() => {
    firstSerial.current?.focus();
  }, []);
  const focusSecond = (): void => secondSerial.current?.focus();

  return (
    <Card title="结婚登记完成" style={{ marginTop: 16 }} extra={<NewCaseButton onNew={onNew} />} data-testid="marriage-registered">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="结婚证字号">
          <Typography.Text strong copyable style={{ fontSize: 16 }} data-testid="certificate-number">
            {certificateNumber}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="登记日期">{chineseDate(registrationDate)}</Descriptions.Item>
        <Descriptions.Item label="当事人">
          {registration.names.party1}、{registration.names.party2}
        </Descriptions.Item>
      </Descriptions>
      {registration.authorizedBy && (
        <Alert
          type="info"
          showIcon
          title={`未经省级平台核实，经审核员（${registration.authorizedBy}）授权登记`}
          description="平台恢复后自动复核双方婚姻状况；发现冲突的，由审核员在“数据同步”中处理。"
          style={{ marginBottom: 16 }}
          data-testid="marriage-authorized"
        />
      )}
      {printers.error && <Alert type="warning" showIcon title={`打印机列表读取失败：${printers.error.message}`} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        结婚证一式两本，双方各持一本。Alt+V 预览核对，再填写放入打印机的空白结婚证的印制编号，按 Enter 套打；同一本再次打印或保存即为重印，须说明原因。
      </Typography.Paragraph>
      {PARTY_KEYS.map((holder, i) => (
        <div key={holder}>
          {i > 0 && <Divider style={{ margin: '12px 0' }} />}
          <CertificateRow
            certificateNumber={certificateNumber}
            holder={holder}
            holderName={registration.names[holder]}
            templates={templates.data}
            printers={printers.data}
            serialRef={holder === 'party1' ? firstSerial : secondSerial}
            onPrinted={holder === 'party1' ? focusSecond : undefined}
          />
        </div>
      ))}
      <Divider style={{ margin: '12px 0' }} />
      <Space align="center" wrap>
        <Typography.Text strong>婚姻登记审查处理表</Typography.Text>
        <DocumentActions
          name="审查处理表"
          letter="T"
          load={() => call('counter.document', { document: 'review-form', key: certificateNumber })}
          printers={printers.data}
          testId="review-form"
        />
      </Space>
    </Card>
  );
}

/** After 不予登记: the decision, and the 告知书 to hand over. */
function Refused({ refused, printers, onNew }: { refused: OpOutput<'marriage.refuse'>; printers: PrintersQuery; onNew: () => void }) {
  return (
    <Result
      status="warning"
      title="已作出不予结婚登记的决定"
      subTitle={`决定日期 ${chineseDate(refused.decidedOn)}；情形和理由已记入登记记录和审计日志。请打印《不予办理结婚登记告知书》交当事人签收。`}
      extra={
        <Space orientation="vertical" align="center" size="middle">
          <DocumentActions
            name="告知书"
            letter="G"
            primary
            load={() => call('counter.document', { document: 'refusal-notice', key: String(refused.id) })}
            printers={printers.data}
            testId="refusal-notice"
          />
          <NewCaseButton onNew={onNew} />
        </Space>
      }
      data-testid="marriage-refused"
    />
  );
}

interface MarriageOutcomeProps {
  registration: Registration | null;
  refused: OpOutput<'marriage.refuse'> | null;
  printers: PrintersQuery;
  onNew: () => void;
}

/** What the case came to, and the documents it needs. */
export function MarriageOutcome({ registration, refused, printers, onNew }: MarriageOutcomeProps) {
  if (registration) return <Registered registration={registration} printers={printers} onNew={onNew} />;
  if (refused) return <Refused refused={refused} printers={printers} onNew={onNew} />;
  return null;
}
