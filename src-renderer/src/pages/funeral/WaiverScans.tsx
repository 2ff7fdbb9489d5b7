import { Alert, Button, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { ScanList } from '../../scans/ScanList';
import { ScanView } from '../../scans/ScanView';
import { useScanViewer } from '../../scans/useScanViewer';
import type { WaiverDetail } from './waiverForm';

/**
 * The waiver's scans (and those filed with the waivers it replaces): name, size, 查看 in a dialog of
 * its own (the list sits in a drawer, too narrow to show a scan) with a 下载 button.
 */
export function WaiverAttachments({ detail }: { detail: WaiverDetail }) {
  const viewer = useScanViewer((id) => call('funeral.scan', { id }));
  const { shown } = viewer;

  if (detail.attachments.length === 0) return <Typography.Text type="secondary">录入时未附扫描件</Typography.Text>;
  return (
    <>
      <ScanList
        scans={detail.attachments}
        viewer={viewer}
        testIdPrefix="waiver"
        testId="waiver-attachments"
        afterName={(a) => a.waiverNumber !== detail.number && <Typography.Text type="secondary">（随减免 {a.waiverNumber} 提交）</Typography.Text>}
      />
      {viewer.error && <Alert type="error" showIcon title={viewer.error.message} style={{ marginTop: 8 }} />}
      <Modal
        title={shown?.name}
        open={shown !== null}
        width="min(960px, calc(100vw - 32px))"
        style={{ top: 16 }}
        onCancel={viewer.close}
        destroyOnHidden
        footer={
          shown && (
            <Button icon={<DownloadOutlined />} href={shown.href} download={shown.name} data-testid="waiver-scan-download">
              下载
            </Button>
          )
        }
      >
        {shown && <ScanView scan={shown} testId="waiver-scan-shown" />}
      </Modal>
    </>
  );
}
