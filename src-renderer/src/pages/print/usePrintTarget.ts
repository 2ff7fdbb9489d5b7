import { useCallback, useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';
import type { OpOutput } from '../../../../src-main/contract';
import type { PrintAction } from './usePrintOutput';

export type Printers = OpOutput<'print.printers'>;

/**
 * Where a print form sends its document: it preselects the default printer, and it checks the
 * printer and 印制编号 fields only while validating for 打印 (预览 and 保存 PDF need neither).
 */
export function usePrintTarget<V extends { printer?: string }>(form: FormInstance<V>, printers: Printers | null) {
  const defaultPrinter = printers?.defaultPrinter;
  useEffect(() => {
    // Loose form typing: antd's name paths do not narrow through a generic value type.
    const loose = form as unknown as FormInstance;
    if (defaultPrinter && !loose.getFieldValue('printer')) loose.setFieldValue('printer', defaultPrinter);
  }, [defaultPrinter, form]);

  const checkingForPrinter = useRef(false);
  const toPrinter = useCallback((): boolean => checkingForPrinter.current, []);
  const validateFor = useCallback(
    async (action: PrintAction): Promise<V | null> => {
      checkingForPrinter.current = action === 'printer';
      try {
        return await form.validateFields().catch(() => null);
      } finally {
        checkingForPrinter.current = false;
      }
    },
    [form],
  );
  return { toPrinter, validateFor };
}
