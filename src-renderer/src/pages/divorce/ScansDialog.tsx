import { useState } from 'react';
import { Alert, Button, Empty, Modal, Spin, Table, Typography } from 'antd';
import { EyeOutlined, FilePdfOutlined, FileImageOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { usePdfBlob } from '../print/usePdfBlob';
import type { DivorceApplication } from './ApplyForm';

type Attachment = DivorceApplication['attachments'][number];

interface Shown {
  id: number;
  name: string;
  mimeType: string;
  /** data: URL for an image, blob: URL for a PDF (the CSP frames only blob:). */
  href: string;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 查看扫描件: the papers scanned when the application was received, one at a time. */
export function ScansDialog({ application, onClosed }: { application: DivorceApplication; onClosed: () => void }) {
  const [open, setOpen] = useState(true);
  const pdf = usePdfBlob();
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const show = async (a: Attachment): Promise<void> => {
    setLoading(a.id);
    setError(null);
    try {
      const scan = await call('divorce.scan', { id: a.id });
      if (shown?.href.startsWith('blob:')) pdf.revoke(shown.href);
      const href = scan.mimeType === 'application/pdf' ? pdf.toUrl(scan.dataBase64) : `data:${scan.mimeType};base64,${scan.dataBase64}`;
      setShown({ id: a.id, name: scan.name, mimeType: scan.mimeType, href });
    } catch (err) {
      setError(asAppError(err));
    } finally {
      setLoading(null);
    }
  };

  return (
    <Modal
      title={`扫描件（离婚登记申请第 ${application.id} 号，${application.names.join('、')}）`}
      open={open}
      width="min(960px, calc(100vw - 32px))"
      style={{ top: 16 }}
      footer={
        <Button onClick={() => setOpen(false)} data-testid="divorce-scans-close">
          关闭
        </Button>
      }
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      destroyOnHidden
      modalRender={(dom) => <div data-testid="divorce-scans-dialog">{dom}</div>}
    >
      {application.attachments.length === 0 ? (
        <Empty description="受理时未附扫描件" />
      ) : (
        <Table<Attachment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={application.attachments}
          columns={[
            {
              title: '扫描件',
              dataIndex: 'name',
              render: (name: string, a) => (
                <>
                  {a.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {name}
                </>
              ),
            },
            { title: '大小', dataIndex: 'size', width: 100, render: (bytes: number) => size(bytes) },
            {
              title: '操作',
              key: 'show',
              width: 100,
              render: (_, a) => (
                <Button size="small" icon={<EyeOutlined />} loading={loading === a.id} onClick={() => void show(a)} data-testid={`divorce-scan-${a.id}`}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginTop: 16 }} />}
      {loading !== null && !shown && <Spin style={{ display: 'block', marginTop: 16 }} />}
      {shown && (
        <div style={{ marginTop: 16 }} data-testid="divorce-scan-shown">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {shown.name}（
            <a href={shown.href} download={shown.name}>
              下载
            </a>
            ）
          </Typography.Paragraph>
          {shown.mimeType === 'application/pdf' ? (
            <iframe src={shown.href} title={shown.name} style={{ width: '100%', height: '70vh', border: '1px solid #e5e7eb' }} />
          ) : (
            <img src={shown.href} alt={shown.name} style={{ maxWidth: '100%', border: '1px solid #e5e7eb' }} />
          )}
        </div>
      )}
    </Modal>
  );
}
