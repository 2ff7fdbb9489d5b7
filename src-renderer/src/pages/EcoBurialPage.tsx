import { useState } from 'react';
import { Alert, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import { ApplicationDesk } from './ecoBurial/ApplicationDesk';
import { SubsidyList } from './ecoBurial/SubsidyList';

/**
 * 节地生态安葬奖补: the funeral home takes the family's application (with the amount as it is typed);
 * the bureau's reviewer approves or refuses it and records the payment; everyone with access reads the list.
 */
export function EcoBurialPage() {
  const { status } = useCurrentSession();
  const { role } = status.user;
  const list = useQuery('ecoBurial.list', {});
  const [generation, setGeneration] = useState(0);

  if (!hasPermission(role, 'funeral.read')) return <ForbiddenPage area="生态安葬奖补" permission="funeral.read" />;
  const canApply = hasPermission(role, 'funeral.waiver');
  const canReview = hasPermission(role, 'funeral.review');
  const startNew = (): void => setGeneration((g) => g + 1);

  return (
    <div data-testid="eco-burial-page">
      <PageHeader
        title="生态安葬奖补"
        description={
          canApply
            ? '海葬、树葬、草坪葬、花坛葬的奖补申请：Enter 到下一栏，Ctrl+Enter 提交；右侧随填写试算，按死亡当日有效的方案版本计算。'
            : canReview
              ? '审核殡仪馆受理的奖补申请：批准或不予补贴（须说明原因）；批准的发放后登记发放日期和支付凭证号。'
              : '本局节地生态安葬奖补申请的审核和发放情况。'
        }
        extra={
          canApply && (
            <Button icon={<PlusOutlined />} onClick={startNew} data-testid="eco-reset">
              新的申请
            </Button>
          )
        }
      />
      {list.data && list.data.selected === null && (
        <Alert
          type="warning"
          showIcon
          title="尚未选择生态安葬奖补方案"
          description="请管理员在 系统设置 → 生态安葬奖补方案 中选择本地方案后再受理申请。"
          style={{ marginBottom: 16 }}
          data-testid="eco-no-scheme"
        />
      )}
      {canApply && <ApplicationDesk key={generation} onSubmitted={list.reload} onNew={startNew} />}
      <SubsidyList items={list.data?.items ?? null} loading={list.loading} error={list.error} canReview={canReview} today={status.today} onChanged={list.reload} />
    </div>
  );
}
