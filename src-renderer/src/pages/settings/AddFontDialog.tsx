import { App, Button, Form, Input, InputNumber, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { AppError, operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import { readBase64 } from '../../readBase64';

interface AddFontValues {
  file: UploadFile[];
  name: string;
  faceIndex: number;
}

const fields = operations['fonts.add'].input.shape;

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/** Picked, not uploaded: the file is read here and sent with the other fields. Names the font after the file unless named already. */
function FontFileField() {
  const form = Form.useFormInstance<AddFontValues>();
  return (
    <Form.Item
      label="字体文件"
      name="file"
      required
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      rules={[{ required: true, message: '请选择字体文件' }]}
      extra="TrueType 或 OpenType 字体（.ttf、.otf、.ttc）；添加前会检查文件能否用于打印"
    >
      <Upload
        accept=".ttf,.otf,.ttc"
        maxCount={1}
        beforeUpload={(file) => {
          // A name the user typed stays; one taken from the previous file follows the new file.
          const name: string | undefined = form.getFieldValue('name');
          const previous = form.getFieldValue('file')?.[0] as UploadFile | undefined;
          if (!name || (previous && name === baseName(previous.name))) form.setFieldValue('name', baseName(file.name));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>选择文件</Button>
      </Upload>
    </Form.Item>
  );
}

export function AddFontDialog({ onAdded, onClosed }: { onAdded: () => void; onClosed: () => void }) {
  const { message } = App.useApp();

  const submit = async ({ file, name, faceIndex }: AddFontValues): Promise<void> => {
    const picked = file[0]?.originFileObj;
    if (!picked) throw new AppError('VALIDATION', '请选择字体文件', { file: '请选择字体文件' });
    const font = await call('fonts.add', { name, faceIndex, fileBase64: await readBase64(picked, '文件') });
    void message.success(`已添加字体“${font.name}”`);
    onAdded();
  };

  return (
    <FormDialog<AddFontValues> title="添加字体" okText="添加" testId="add-font-form" initialValues={{ faceIndex: 0 }} onSubmit={submit} onClosed={onClosed}>
      <FontFileField />
      <Form.Item label="字体名称" name="name" required rules={[contractRule(fields.name)]} extra="在字体列表和打印错误提示中显示">
        <Input autoComplete="off" maxLength={60} />
      </Form.Item>
      <Form.Item label="字体序号" name="faceIndex" required rules={[contractRule(fields.faceIndex)]} extra=".ttc 字体集中的第几款字体，从 0 起；.ttf、.otf 填 0">
        <InputNumber min={0} max={32} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormDialog>
  );
}
