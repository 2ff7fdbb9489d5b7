import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ShownPreview } from './usePrintOutput';

interface PrintPreviewProps {
  preview: ShownPreview;
  /** 保存 PDF: the document itself, recorded like the form's own button (the preview is not the document). */
  onSavePdf: () => void;
  /** After the dialog has closed: the parent revokes the preview's URL and unmounts it here. */
  onClosed: () => void;
}

/** Wider than this (mm) is read at the dialog's full width (A4); a booklet page gets a narrower dialog. */
const WIDE_PAGE_MM = 150;

/**
 * 打印预览: the preview PDF in a frame inside the page, read with the browser's PDF viewer. Should the
 * frame stay empty (no PDF viewer), the same PDF can be downloaded from the line below it.
 */
export function PrintPreview({ preview, onSavePdf, onClosed }: PrintPreviewProps) {
  const [open, setOpen] = useState(true);
  const wide = preview.page.width > WIDE_PAGE_MM;

  const savePdf = (): void => {
    setOpen(false);
    onSavePdf();
  };

  return (
    <Modal
      title="打印预览"
      open={open}
      width={wide ? 'min(1040px, calc(100vw - 32px))' : 'min(780px, calc(100vw - 32px))'}
      style={{ top: 16, paddingBottom: 0 }}
      destroyOnHidden
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      modalRender={(dom) => <div data-testid="print-preview-dialog">{dom}</div>}
      footer={[
        <Button key="close" onClick={() => setOpen(false)} data-testid="print-preview-close">
          关闭
        </Button>,
        <Button key="save" type="primary" icon={<DownloadOutlined />} onClick={savePdf} data-testid="print-preview-save">
          保存 PDF
        </Button>,
      ]}
    >
      <iframe src={preview.href} title="打印预览" className="print-preview-frame" data-testid="print-preview" />
      <Typography.Text type="secondary" className="print-preview-fallback">
        {preview.title}（{preview.page.width} × {preview.page.height} 毫米）。若上方未显示，可
        <a href={preview.href} download={preview.fileName} data-testid="print-preview-download">
          下载预览 PDF
        </a>
        查看。预览仅供核对，不记入打印记录；要留存请用「保存 PDF」。
      </Typography.Text>
    </Modal>
  );
}
