import { useState } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { BookletBatchesTable } from './booklets/BookletBatchesTable';
import { BookletTotals } from './booklets/BookletTotals';
import { ReceiveBookletsDialog } from './booklets/ReceiveBookletsDialog';
import { RecentBookletsTable } from './booklets/RecentBookletsTable';
import { VoidBookletDialog } from './booklets/VoidBookletDialog';
import { LoadFailed } from '../LoadFailed';

/** 证书台账: blank marriage and divorce certificates received, used and voided. Anyone may read it; the buttons follow the role. */
export function BookletsPage() {
  const { role } = useCurrentSession().status.user;
  const ledger = useQuery('booklets.ledger', {});
  const [dialog, setDialog] = useState<'receive' | 'void' | null>(null);
  const closeDialog = (): void => setDialog(null);

  return (
    <div data-testid="booklets-page">
      <PageHeader
        title="证书台账"
        description="空白结婚证、离婚证按印制编号领入；套打证书即出库为已用，印坏或损毁的登记作废。每类证书都应满足：领入 = 已用 + 作废 + 库存。"
        extra={
          <Space wrap>
            {hasPermission(role, 'stationery.use') && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('void')}>
                作废
              </Button>
            )}
            {hasPermission(role, 'stationery.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('receive')}>
                领入空白证书
              </Button>
            )}
          </Space>
        }
      />
      <LoadFailed what="证书台账" error={ledger.error} onRetry={ledger.reload} />
      {(ledger.data || !ledger.error) && <BookletTotals totals={ledger.data?.totals ?? null} />}
      <BookletBatchesTable batches={ledger.data?.batches ?? []} loading={ledger.loading} />
      <RecentBookletsTable recent={ledger.data?.recent ?? []} loading={ledger.loading} />
      {dialog === 'receive' && <ReceiveBookletsDialog onReceived={ledger.reload} onClosed={closeDialog} />}
      {dialog === 'void' && <VoidBookletDialog onVoided={ledger.reload} onClosed={closeDialog} />}
    </div>
  );
}
