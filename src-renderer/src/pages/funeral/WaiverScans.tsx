import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Table, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { MAX_SCAN_BYTES, MAX_SCANS } from '../divorce/ScanUpload';
import { usePdfBlob } from '../print/usePdfBlob';
import type { WaiverDetail } from './waiverForm';

type Attachment = WaiverDetail['attachments'][number];

/**
 * 扫描件 picked with the waiver (死亡证明, 身份证明, 困难证明, 发票…): checked here for size, read and
 * typed when the waiver is submitted (toScans, the divorce desk's reader: one rule for scans).
 */
export function ScanPicker({ disabled }: { disabled: boolean }) {
  const { message } = App.useApp();
  return (
    <Form.Item
      label="扫描件"
      name="scans"
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      extra={`死亡证明、逝者及经办人身份证明、困难证明（低保证、特困证等）、收费清单；JPEG、PNG 或 PDF，每份不超过 10 MB，最多 ${MAX_SCANS} 份`}
      style={{ marginTop: 16, marginBottom: 0 }}
    >
      <Upload
        multiple
        disabled={disabled}
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        maxCount={MAX_SCANS}
        beforeUpload={(file) => {
          if (file.size <= MAX_SCAN_BYTES) return false;
          void message.error(`“${file.name}”超过 10 MB`);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<PaperClipOutlined />} disabled={disabled} data-testid="waiver-scans-pick">
          选择扫描件
        </Button>
      </Upload>
    </Form.Item>
  );
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Shown {
  name: string;
  mimeType: string;
  /** data: URL for an image, blob: URL for a PDF (the CSP frames only blob:). */
  href: string;
}

/** The waiver's scans (and those filed with the waivers it replaces): name, size, 查看 with a 下载 link. */
export function WaiverAttachments({ detail }: { detail: WaiverDetail }) {
  const pdf = usePdfBlob();
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const show = async (a: Attachment): Promise<void> => {
    setLoading(a.id);
    setError(null);
    try {
      const scan = await call('funeral.scan', { id: a.id });
      const href = scan.mimeType === 'application/pdf' ? pdf.toUrl(scan.dataBase64) : `data:${scan.mimeType};base64,${scan.dataBase64}`;
      setShown({ name: scan.name, mimeType: scan.mimeType, href });
    } catch (err) {
      setError(asAppError(err));
    } finally {
      setLoading(null);
    }
  };
  const close = (): void => {
    if (shown?.href.startsWith('blob:')) pdf.revoke(shown.href);
    setShown(null);
  };

  if (detail.attachments.length === 0) return <Typography.Text type="secondary">录入时未附扫描件</Typography.Text>;
  return (
    <>
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.attachments}
        data-testid="waiver-attachments"
        columns={[
          {
            title: '扫描件',
            dataIndex: 'name',
            render: (name: string, a) => (
              <>
                {a.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {name}
                {a.waiverNumber !== detail.number && <Typography.Text type="secondary">（随减免 {a.waiverNumber} 提交）</Typography.Text>}
              </>
            ),
          },
          { title: '大小', dataIndex: 'size', width: 90, render: (bytes: number) => size(bytes) },
          {
            title: '操作',
            key: 'show',
            width: 90,
            render: (_, a) => (
              <Button size="small" icon={<EyeOutlined />} loading={loading === a.id} onClick={() => void show(a)} data-testid={`waiver-scan-${a.id}`}>
                查看
              </Button>
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginTop: 8 }} />}
      <Modal
        title={shown?.name}
        open={shown !== null}
        width="min(960px, calc(100vw - 32px))"
        style={{ top: 16 }}
        onCancel={close}
        destroyOnHidden
        footer={
          shown && (
            <Button icon={<DownloadOutlined />} href={shown.href} download={shown.name} data-testid="waiver-scan-download">
              下载
            </Button>
          )
        }
      >
        {shown?.mimeType === 'application/pdf' ? (
          <iframe src={shown.href} title={shown.name} style={{ width: '100%', height: '70vh', border: '1px solid #e5e7eb' }} />
        ) : (
          shown && <img src={shown.href} alt={shown.name} style={{ maxWidth: '100%', border: '1px solid #e5e7eb' }} data-testid="waiver-scan-shown" />
        )}
      </Modal>
    </>
  );
}
