import { Tabs } from 'antd';
import { PageHeader } from '../PageHeader';
import { CalibrationTab } from './print/CalibrationTab';
import { PrintDocumentTab } from './print/PrintDocumentTab';
import { VerifyTab } from './print/VerifyTab';

const TABS = [
  { key: 'document', label: '文书打印', children: <PrintDocumentTab /> },
  { key: 'calibration', label: '套打校准', children: <CalibrationTab /> },
  { key: 'verify', label: '证书核验', children: <VerifyTab /> },
];

/** 打印与套打: every logged-in user prints; calibration is saved by those who may, verification is open to all. */
export function PrintPage() {
  return (
    <div data-testid="print-area">
      <PageHeader title="打印与套打" description="打印文书或在预印的结婚证、离婚证内页上套打，校准打印机，核验证书上的二维码。每次打印和保存都记入打印记录和审计日志。" />
      <Tabs items={TABS} />
    </div>
  );
}
