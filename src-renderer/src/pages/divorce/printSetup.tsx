import { Alert } from 'antd';
import { useQuery } from '../../useQuery';

/** The template list and the printers, read once per page and shared by its documents. */
export function usePrintSetup() {
  const templates = useQuery('print.templates', {});
  const printers = useQuery('print.printers', {});
  return { templates: templates.data, printers: printers.data, printersError: printers.error };
}
export type PrintSetup = ReturnType<typeof usePrintSetup>;

/** The printer list could not be read: saving as PDF still works. */
export function PrintersWarning({ setup }: { setup: PrintSetup }) {
  if (!setup.printersError) return null;
  return <Alert type="warning" showIcon title={`打印机列表读取失败：${setup.printersError.message}`} style={{ marginBottom: 16 }} />;
}
