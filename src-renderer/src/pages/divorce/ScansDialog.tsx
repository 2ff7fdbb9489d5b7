import { useState } from 'react';
import { Alert, Button, Empty, Modal, Spin, Typography } from 'antd';
import { call } from '../../api/client';
import { ScanList } from '../../scans/ScanList';
import { ScanView } from '../../scans/ScanView';
import { useScanViewer } from '../../scans/useScanViewer';
import type { DivorceApplication } from './ApplyForm';

/** 查看扫描件: the papers scanned when the application was received, one at a time, under the list. */
export function ScansDialog({ application, onClosed }: { application: DivorceApplication; onClosed: () => void }) {
  const [open, setOpen] = useState(true);
  const viewer = useScanViewer((id) => call('divorce.scan', { id }));
  const { shown } = viewer;

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
        <ScanList scans={application.attachments} viewer={viewer} testIdPrefix="divorce" />
      )}
      {viewer.error && <Alert type="error" showIcon title={viewer.error.message} style={{ marginTop: 16 }} />}
      {viewer.loadingId !== null && !shown && <Spin style={{ display: 'block', marginTop: 16 }} />}
      {shown && (
        <div style={{ marginTop: 16 }} data-testid="divorce-scan-shown">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {shown.name}（
            <a href={shown.href} download={shown.name}>
              下载
            </a>
            ）
          </Typography.Paragraph>
          <ScanView scan={shown} />
        </div>
      )}
    </Modal>
  );
}
