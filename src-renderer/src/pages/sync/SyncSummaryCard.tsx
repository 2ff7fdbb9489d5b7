import { Badge, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { OUTBOX_STATUSES, OUTBOX_STATUS_LABELS, type OpOutput } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';
import { linkState, type OutboxStatus } from './syncLabels';

type Overview = OpOutput<'sync.overview'>;

/** The counts that need a person are coloured when not zero. */
const COUNT_COLORS: Partial<Record<OutboxStatus, string>> = { parked: '#cf1322', held: '#d46b08' };

export function ConnectionBadge({ overview }: { overview: Pick<Overview, 'configured' | 'online'> }) {
  if (!overview.configured) return <Badge status="default" text="未接入（单机模式）" />;
  const link = linkState(overview.online);
  return <Badge status={link.dot} text={link.text} />;
}

/** When the last failure is older than the last success it is history, not the current state. */
function failureIsCurrent({ lastFailureAt, lastSuccessAt }: Overview): boolean {
  return lastFailureAt !== null && (lastSuccessAt === null || lastFailureAt > lastSuccessAt);
}

function nextAttempt(overview: Overview): string {
  if (overview.nextAttemptAt) return formatDateTime(overview.nextAttemptAt);
  return overview.online ? '有新记录时立即发送' : '—';
}

/** The link, its last success and failure, and how many events are in each state. */
export function SyncSummaryCard({ overview }: { overview: Overview }) {
  const current = failureIsCurrent(overview);
  return (
    <Card title="连接状态" style={{ marginBottom: 16 }} data-testid="sync-summary">
      <Descriptions size="small" column={{ xs: 1, lg: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="省级平台地址">
          {overview.url ? <Typography.Text copyable={{ text: overview.url }}>{overview.url}</Typography.Text> : '未设置'}
        </Descriptions.Item>
        <Descriptions.Item label="连接">
          <span data-testid="sync-overview-state">
            <ConnectionBadge overview={overview} />
          </span>
        </Descriptions.Item>
        {overview.configured && (
          <Descriptions.Item label="上次同步成功">{overview.lastSuccessAt ? formatDateTime(overview.lastSuccessAt) : '尚未成功同步'}</Descriptions.Item>
        )}
        {overview.configured && <Descriptions.Item label="下次尝试">{nextAttempt(overview)}</Descriptions.Item>}
        {overview.lastFailureAt && (
          <Descriptions.Item label="上次失败" span={2}>
            <Typography.Text type={current ? 'danger' : 'secondary'} data-testid="sync-last-error">
              {formatDateTime(overview.lastFailureAt)}
              {overview.lastError ? `：${overview.lastError}` : ''}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Row gutter={16} data-testid="sync-counts">
        {OUTBOX_STATUSES.map((status) => (
          <Col key={status} flex="1 1 120px">
            <Statistic
              title={OUTBOX_STATUS_LABELS[status]}
              value={overview.counts[status]}
              suffix="条"
              styles={{ content: { color: overview.counts[status] > 0 ? COUNT_COLORS[status] : undefined } }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
