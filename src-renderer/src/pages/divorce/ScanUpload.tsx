import { App, Button, Form, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { AppError, type OpInput } from '../../../../src-main/contract';
import { readBase64 } from '../../readBase64';

export type Scan = NonNullable<OpInput<'divorce.apply'>['scans']>[number];
type ScanType = Scan['mimeType'];

const TYPES: Record<string, ScanType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'application/pdf': 'application/pdf',
};
const BY_EXTENSION: Record<string, ScanType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
/** The contract's limit, decoded. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const MAX_SCANS = 20;

function scanType(file: { type?: string; name: string }): ScanType | null {
  return TYPES[file.type ?? ''] ?? BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

/** The picked files as the contract's scans, read only when the application is submitted. */
export async function toScans(files: UploadFile[] | undefined): Promise<Scan[]> {
  return Promise.all(
    (files ?? []).map(async (f) => {
      const file = f.originFileObj;
      const mimeType = file ? scanType(file) : null;
      if (!file || !mimeType) throw new AppError('VALIDATION', `扫描件“${f.name}”须为 JPEG、PNG 或 PDF`, { scans: '类型不符' });
      return { name: f.name.slice(0, 100), mimeType, dataBase64: await readBase64(file, '扫描件', 'scans') };
    }),
  );
}

/**
 * 扫描件: the signed 离婚协议书, the 结婚证, both IDs. Picked, not uploaded: each file is checked here
 * (type, size) and read when the application is submitted with the rest of the form.
 */
export function ScanUpload() {
  const { message } = App.useApp();
  return (
    <Form.Item
      label="扫描件"
      name="scans"
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      extra={`离婚协议书、结婚证、双方身份证件的扫描件；JPEG、PNG 或 PDF，每份不超过 10 MB，最多 ${MAX_SCANS} 份`}
    >
      <Upload
        multiple
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
        <Button icon={<PaperClipOutlined />} data-testid="divorce-scans-pick">
          选择扫描件
        </Button>
      </Upload>
    </Form.Item>
  );
}
