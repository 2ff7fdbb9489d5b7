import { useState } from 'react';
import { App } from 'antd';
import { asAppError } from '../../formErrors';
import { XLSX_MIME, downloadBase64 } from './download';

/**
 * 导出 Excel for any page whose server operation returns an .xlsx as base64 (statistics, the funeral
 * settlement): one busy flag for the button, the download, and the same success and failure messages.
 */
export function useXlsxExport() {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async (fetch: () => Promise<{ fileName: string; xlsxBase64: string }>): Promise<void> => {
    setExporting(true);
    try {
      const { fileName, xlsxBase64 } = await fetch();
      downloadBase64(xlsxBase64, fileName, XLSX_MIME);
      void message.success(`已导出：${fileName}`);
    } catch (err) {
      void message.error(`导出失败：${asAppError(err).message}`);
    } finally {
      setExporting(false);
    }
  };

  return { exporting, exportXlsx };
}
