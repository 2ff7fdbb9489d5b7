import { Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { unclaimedOperations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { useQuery } from '../../useQuery';
import { DocumentActions } from '../marriage/DocumentActions';
import type { Body } from './stages';
import { normalizeCode } from '../../typedCode';
import { DateField } from '../../DateField';

const ops = unclaimedOperations;

interface DialogProps {
  body: Body;
  today: string;
  /** After the server accepted: the updated body. */
  onDone: (body: Body) => void;
  onClosed: () => void;
}

function Who({ body }: { body: Body }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
      <Typography.Text code>{body.number}</Typography.Text> {body.name} · {body.storageLocation}
    </Typography.Paragraph>
  );
}

export function NoticeDialog({ body, today, onDone, onClosed }: DialogProps) {
  const s = ops['unclaimed.publishNotice'].input.shape;
  return (
    <FormDialog<{ noticeStart: string; medium: string }>
      title="发布认尸公告"
      okText="登记发布"
      initialValues={{ noticeStart: today }}
      testId="notice-dialog"
      onSubmit={async (v) => onDone(await call('unclaimed.publishNotice', { id: body.id, noticeStart: v.noticeStart, medium: v.medium.trim() }))}
      onClosed={onClosed}
    >
      <Who body={body} />
      <DateField name="noticeStart" label="公告日期" schema={s.noticeStart} testId="notice-start" />
      <Form.Item label="公告媒体" name="medium" required rules={[contractRule(s.medium)]}>
        <Input autoComplete="off" maxLength={60} autoFocus placeholder="如 惠州市民政局网站、惠州日报" data-testid="notice-medium" />
      </Form.Item>
    </FormDialog>
  );
}

export function PoliceDialog({ body, today, onDone, onClosed }: DialogProps) {
  const s = ops['unclaimed.confirmByPolice'].input.shape;
  return (
    <FormDialog<{ officer: string; policeUnit: string; confirmedOn: string; deathCertificateNumber?: string }>
      title="登记公安机关确认"
      okText="登记确认"
      initialValues={{ confirmedOn: today }}
      testId="police-dialog"
      onSubmit={async (v) =>
        onDone(
          await call('unclaimed.confirmByPolice', {
            id: body.id,
            officer: v.officer.trim(),
            policeUnit: v.policeUnit.trim(),
            confirmedOn: v.confirmedOn,
            deathCertificateNumber: v.deathCertificateNumber?.trim() || undefined,
          }),
        )
      }
      onClosed={onClosed}
    >
      <Who body={body} />
      <Form.Item label="确认民警" name="officer" required rules={[contractRule(s.officer)]}>
        <Input autoComplete="off" maxLength={30} autoFocus data-testid="police-officer" />
      </Form.Item>
      <Form.Item label="公安机关" name="policeUnit" required rules={[contractRule(s.policeUnit)]}>
        <Input autoComplete="off" maxLength={60} data-testid="police-unit" />
      </Form.Item>
      <DateField name="confirmedOn" label="确认日期" schema={s.confirmedOn} testId="police-date" />
      <Form.Item label="死亡证明编号" name="deathCertificateNumber" rules={[contractRule(s.deathCertificateNumber)]} extra="公安机关此时出具死亡证明的，填写其编号">
        <Input autoComplete="off" maxLength={40} data-testid="police-death-certificate" />
      </Form.Item>
    </FormDialog>
  );
}

export function CremateDialog({ body, today, onDone, onClosed }: DialogProps) {
  const s = ops['unclaimed.cremate'].input.shape;
  return (
    <FormDialog<{ crematedOn: string; ashLocation: string }>
      title="登记火化"
      okText="登记火化"
      initialValues={{ crematedOn: today }}
      testId="cremate-dialog"
      onSubmit={async (v) => onDone(await call('unclaimed.cremate', { id: body.id, crematedOn: v.crematedOn, ashLocation: v.ashLocation.trim() }))}
      onClosed={onClosed}
    >
      <Who body={body} />
      <DateField name="crematedOn" label="火化日期" schema={s.crematedOn} testId="cremate-date" />
      <Form.Item label="骨灰寄存位置" name="ashLocation" required rules={[contractRule(s.ashLocation)]}>
        <Input autoComplete="off" maxLength={40} autoFocus placeholder="如 骨灰寄存楼 3 区 12 号" data-testid="cremate-ash-location" />
      </Form.Item>
    </FormDialog>
  );
}

export function DisposeDialog({ body, today, onDone, onClosed }: DialogProps) {
  const s = ops['unclaimed.disposeAshes'].input.shape;
  return (
    <FormDialog<{ disposedOn: string; disposition: 'eco-burial' | 'burial'; method: string }>
      title="处置骨灰"
      okText="登记处置"
      initialValues={{ disposedOn: today, disposition: 'eco-burial' }}
      testId="dispose-dialog"
      onSubmit={async (v) => onDone(await call('unclaimed.disposeAshes', { id: body.id, disposedOn: v.disposedOn, disposition: v.disposition, method: v.method.trim() }))}
      onClosed={onClosed}
    >
      <Who body={body} />
      {body.ashRetainUntil && (
        <Typography.Paragraph>
          骨灰保存至 <strong>{body.ashRetainUntil}</strong>（火化于 {body.crematedOn}）
        </Typography.Paragraph>
      )}
      <DateField name="disposedOn" label="处置日期" schema={s.disposedOn} testId="dispose-date" />
      <Form.Item label="处置方式" name="disposition" required rules={[contractRule(s.disposition)]}>
        <Radio.Group
          options={[
            { value: 'eco-burial', label: '生态安葬（树葬、海葬等）' },
            { value: 'burial', label: '安葬' },
          ]}
          data-testid="dispose-disposition"
        />
      </Form.Item>
      <Form.Item label="处置地点及方式" name="method" required rules={[contractRule(s.method)]}>
        <Input autoComplete="off" maxLength={60} autoFocus placeholder="如 罗浮山生态园集中树葬" data-testid="dispose-method" />
      </Form.Item>
    </FormDialog>
  );
}

export function ClaimDialog({ body, today, onDone, onClosed }: DialogProps) {
  const s = ops['unclaimed.claim'].input.shape;
  return (
    <FormDialog<{ claimedOn: string; claimantName: string; claimantIdNumber: string; relation: string; verifiedBy: string }>
      title="亲属认领"
      okText="登记认领"
      initialValues={{ claimedOn: today }}
      testId="claim-dialog"
      onSubmit={async (v) =>
        onDone(
          await call('unclaimed.claim', {
            id: body.id,
            claimedOn: v.claimedOn,
            claimantName: v.claimantName.trim(),
            claimantIdNumber: v.claimantIdNumber.trim(),
            relation: v.relation.trim(),
            verifiedBy: v.verifiedBy.trim(),
          }),
        )
      }
      onClosed={onClosed}
    >
      <Who body={body} />
      <DateField name="claimedOn" label="认领日期" schema={s.claimedOn} testId="claim-date" />
      <Form.Item label="认领人姓名" name="claimantName" required rules={[contractRule(s.claimantName)]}>
        <Input autoComplete="off" maxLength={50} autoFocus data-testid="claim-name" />
      </Form.Item>
      <Form.Item label="认领人身份证件号码" name="claimantIdNumber" required rules={[contractRule(s.claimantIdNumber)]} normalize={normalizeCode}>
        <Input autoComplete="off" maxLength={20} style={{ fontFamily: 'monospace' }} data-testid="claim-id-number" />
      </Form.Item>
      <Form.Item label="与逝者关系" name="relation" required rules={[contractRule(s.relation)]}>
        <Input autoComplete="off" maxLength={20} placeholder="如 儿子、配偶" data-testid="claim-relation" />
      </Form.Item>
      <Form.Item label="关系核实依据" name="verifiedBy" required rules={[contractRule(s.verifiedBy)]}>
        <Input autoComplete="off" maxLength={100} placeholder="如 户口簿、公安机关出具的亲属关系证明" data-testid="claim-verified-by" />
      </Form.Item>
    </FormDialog>
  );
}

/** 认尸公告: the server builds it (photo, description, the notice's dates); print, preview or save it. */
export function PrintNoticeDialog({ body, onClosed }: { body: Body; onClosed: () => void }) {
  const printers = useQuery('print.printers', {});
  return (
    <Modal title="打印认尸公告" open footer={null} onCancel={onClosed} destroyOnHidden>
      <div data-testid="print-notice-dialog">
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'n', label: '编号', children: body.number },
            { key: 'name', label: '逝者', children: body.name },
            { key: 's', label: '公告日期', children: body.noticeStart ?? '—' },
            { key: 'e', label: '公告至', children: <strong data-testid="print-notice-expires">{body.noticeExpires ?? '—'}</strong> },
          ]}
        />
        <DocumentActions name="认尸公告" load={() => call('unclaimed.document', { id: body.id })} printers={printers.data} testId="notice-document" primary />
      </div>
    </Modal>
  );
}
