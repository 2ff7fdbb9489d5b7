import { useState } from 'react';
import { App } from 'antd';
import type { OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { XLSX_MIME, downloadBase64 } from './download';

/** 导出 Excel: the same range and granularity as on screen, saved as an .xlsx download. */
export function useStatsExport() {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async (input: OpInput<'stats.export'>): Promise<void> => {
    setExporting(true);
    try {
      const { fileName, xlsxBase64 } = await call('stats.export', input);
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
