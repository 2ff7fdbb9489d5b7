import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Modal, Typography } from 'antd';
import { call } from '../../api/client';
import { CertificateRow } from '../marriage/CertificateRow';
import { DocumentActions } from '../marriage/DocumentActions';
import { PARTY_KEYS } from '../marriage/marriageData';
import type { DivorceApplication } from './ApplyForm';
import { PrintersWarning, type PrintSetup } from './printSetup';

export type DivorceDocuments = 'receipt' | 'withdrawal' | 'certificates';

const TITLES: Record<DivorceDocuments, string> = {
  receipt: '离婚登记申请受理回执单',
  withdrawal: '撤回离婚登记申请确认单',
  certificates: '离婚证',
};

/** 打印 / 预览 / 保存 PDF of an application's 受理回执单 or 撤回确认单, built by the server from the record. */
export function ApplicationDocument({
  documents,
  application,
  setup,
  letter,
}: {
  documents: 'receipt' | 'withdrawal';
  application: DivorceApplication;
  setup: PrintSetup;
  /** Alt + this letter prints it, where the page has no other use for the letter. */
  letter?: string;
}) {
  return (
    <DocumentActions
      name={documents === 'receipt' ? '受理回执单' : '撤回确认单'}
      letter={letter}
      primary
      load={() => call('counter.document', { document: documents === 'receipt' ? 'divorce-receipt' : 'divorce-withdrawal', key: String(application.id) })}
      printers={setup.printers ?? null}
      testId={`divorce-${documents}`}
    />
  );
}

/** The two 离婚证 of a registered divorce, one per party, onto blank booklets. */
export function DivorceCertificates({ application, setup }: { application: DivorceApplication; setup: PrintSetup }) {
  const number = application.certificateNumber;
  if (!number) return null;
  return (
    <div data-testid="divorce-certificates">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="离婚证字号">
          <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="divorce-certificate-number">
            {number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="登记日期">{application.endedOn}</Descriptions.Item>
        <Descriptions.Item label="原结婚证字号">{application.marriageCertificateNumber}（作废）</Descriptions.Item>
      </Descriptions>
      <PrintersWarning setup={setup} />
      <Typography.Paragraph type="secondary">
        离婚证一式两本，双方各持一本。先预览核对，再套打到预印的空白离婚证上（填写其印制编号）；同一本再次打印或保存即为重印，须说明原因。
      </Typography.Paragraph>
      {PARTY_KEYS.map((holder, i) => (
        <div key={holder}>
          {i > 0 && <Divider style={{ margin: '12px 0' }} />}
          <CertificateRow certificateNumber={number} holder={holder} holderName={application.names[i]!} templates={setup.templates ?? null} printers={setup.printers ?? null} />
        </div>
      ))}
    </div>
  );
}

interface DocumentsDialogProps {
  documents: DivorceDocuments;
  application: DivorceApplication;
  setup: PrintSetup;
  /** Said above the documents: what just happened (撤回了, 登记了). */
  notice?: string;
  onClosed: () => void;
}

/** The documents of one application, to preview, save or print: the receipt, the withdrawal confirmation, or the certificates. */
export function DocumentsDialog({ documents, application, setup, notice, onClosed }: DocumentsDialogProps) {
  const [open, setOpen] = useState(true);
  return (
    <Modal
      title={`${TITLES[documents]}（申请第 ${application.id} 号，${application.names.join('、')}）`}
      open={open}
      width={documents === 'certificates' ? 'min(1040px, calc(100vw - 32px))' : 'min(720px, calc(100vw - 32px))'}
      footer={
        <Button onClick={() => setOpen(false)} data-testid="divorce-documents-close">
          关闭
        </Button>
      }
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      destroyOnHidden
      // A stray click beside the dialog must not close it in the middle of printing.
      mask={{ closable: false }}
      modalRender={(dom) => <div data-testid={`divorce-documents-${documents}`}>{dom}</div>}
    >
      {notice && <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="divorce-documents-notice" />}
      {documents === 'certificates' ? (
        <DivorceCertificates application={application} setup={setup} />
      ) : (
        <>
          <PrintersWarning setup={setup} />
          <ApplicationDocument documents={documents} application={application} setup={setup} />
        </>
      )}
    </Modal>
  );
}
