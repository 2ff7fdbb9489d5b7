import { Card } from 'antd';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { DateCalculator } from './divorce/DateCalculator';
import { ForbiddenPage } from './ForbiddenPage';

/** 日期计算器 on its own: "when do we come back?" — the cooling-off end and the certificate deadline. */
export function DateCalculatorPage() {
  const { role } = useCurrentSession().status.user;
  const allowed = hasPermission(role, 'marriage.register');
  if (!allowed) return <ForbiddenPage area="日期计算器" permission="marriage.register" />;
  return <Calculator />;
}

function Calculator() {
  return (
    <div data-testid="dates-page">
      <PageHeader title="日期计算器" description="输入收到离婚登记申请的日期，按 Enter 计算离婚冷静期届满日和领证截止日。" />
      <Card style={{ maxWidth: 960 }}>
        <DateCalculator />
      </Card>
    </div>
  );
}
