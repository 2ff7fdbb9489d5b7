import type { CSSProperties } from 'react';
import { App, Button, Form, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { MAX_SCAN_BYTES, MAX_SCANS, scanType } from './scanFiles';

interface ScanPickerProps {
  /** What papers the desk wants scanned; the type and size limits are appended to it. */
  papers: string;
  /** data-testid of the 选择扫描件 button. */
  testId: string;
  disabled?: boolean;
  style?: CSSProperties;
}

/**
 * The form's 扫描件 field. Picked, not uploaded: each file is checked here (type, size) and read when
 * the form is submitted (toScans), so every desk refuses the same files with the same words.
 */
export function ScanPicker({ papers, testId, disabled, style }: ScanPickerProps) {
  const { message } = App.useApp();
  return (
    <Form.Item
      label="扫描件"
      name="scans"
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      extra={`${papers}；JPEG、PNG 或 PDF，每份不超过 10 MB，最多 ${MAX_SCANS} 份`}
      style={style}
    >
      <Upload
        multiple
        disabled={disabled}
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        maxCount={MAX_SCANS}
        beforeUpload={(file) => {
          if (!scanType(file)) {
            void message.error(`“${file.name}”不是 JPEG、PNG 或 PDF 文件`);
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_SCAN_BYTES) {
            void message.error(`“${file.name}”超过 10 MB`);
            return Upload.LIST_IGNORE;
          }
          return false;
        }}
      >
        <Button icon={<PaperClipOutlined />} disabled={disabled} data-testid={testId}>
          选择扫描件
        </Button>
      </Upload>
    </Form.Item>
  );
}
