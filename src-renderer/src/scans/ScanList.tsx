import type { ReactNode } from 'react';
import { Button, Table } from 'antd';
import { EyeOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { attachmentView } from '../../../src-main/contract/scans';
import { scanSize } from './scanSize';
import type { ScanViewer } from './useScanViewer';

/** A stored scan as the records list them: no content, its size in bytes. */
export type StoredScan = z.infer<typeof attachmentView>;

interface ScanListProps<T extends StoredScan> {
  scans: T[];
  viewer: Pick<ScanViewer, 'loadingId' | 'show'>;
  /** The 查看 buttons are `${testIdPrefix}-scan-${id}`. */
  testIdPrefix: string;
  /** What a desk says after a scan's name (the funeral waiver: which waiver it came with). */
  afterName?: (scan: T) => ReactNode;
  testId?: string;
}

/** The stored scans of one record: icon by type, name, size, and 查看 to show it through `viewer`. */
export function ScanList<T extends StoredScan>({ scans, viewer, testIdPrefix, afterName, testId }: ScanListProps<T>) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={scans}
      data-testid={testId}
      columns={[
        {
          title: '扫描件',
          dataIndex: 'name',
          render: (name: string, scan) => (
            <>
              {scan.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {name}
              {afterName?.(scan)}
            </>
          ),
        },
        { title: '大小', dataIndex: 'size', width: 90, render: (bytes: number) => scanSize(bytes) },
        {
          title: '操作',
          key: 'show',
          width: 90,
          render: (_, scan) => (
            <Button size="small" icon={<EyeOutlined />} loading={viewer.loadingId === scan.id} onClick={() => void viewer.show(scan.id)} data-testid={`${testIdPrefix}-scan-${scan.id}`}>
              查看
            </Button>
          ),
        },
      ]}
    />
  );
}
