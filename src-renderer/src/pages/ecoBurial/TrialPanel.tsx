import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../src-main/contract';
import { formatFen } from '../funeral/money';
import type { EcoBurialComputation } from './ecoBurialForm';

interface TrialPanelProps {
  computation: EcoBurialComputation | null;
  fresh: boolean;
  loading: boolean;
  error: AppError | null;
  /** What is still missing before 试算, or null. */
  hint: string | null;
}

/** 试算: the amount and the rule behind it, or why there is none — the server's answer to what is typed. */
export function TrialPanel({ computation, fresh, loading, error, hint }: TrialPanelProps) {
  const c = computation;
  return (
    <Card
      size="small"
      title={
        <span>
          <CalculatorOutlined /> 奖补试算
        </span>
      }
      extra={loading && <Spin size="small" />}
      data-testid="eco-trial"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="eco-trial-error" />}
      {!c && !error && <Typography.Text type="secondary">{hint ?? '试算中…'}</Typography.Text>}
      {c && (
        <div style={{ opacity: fresh ? 1 : 0.5 }} data-testid={fresh ? 'eco-trial-result' : 'eco-trial-stale'}>
          {c.eligible ? (
            <div>
              <Typography.Text type="secondary">可获奖补</Typography.Text>
              <div style={{ fontSize: 28, fontWeight: 600, color: '#389e0d' }} data-testid="eco-trial-amount">
                {formatFen(c.amount)}
              </div>
            </div>
          ) : (
            <Alert type="warning" showIcon title="不予补贴" description={c.reason} data-testid="eco-trial-refusal" />
          )}
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              ...(c.eligible ? [{ key: 'reason', label: '依据', children: <span data-testid="eco-trial-reason">{c.reason}</span> }] : []),
              { key: 'version', label: '政策版本', children: c.versionName },
            ]}
          />
          {hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hint}
            </Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}
