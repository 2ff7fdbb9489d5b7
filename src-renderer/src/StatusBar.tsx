import { Badge, Divider, Space, Typography } from 'antd';
import { ROLE_LABELS, hasPermission, type AppError, type Role, type SyncSummary } from '../../src-main/contract';
import type { SessionStatus } from './currentSession';
import { formatRecentTime } from './format';
import { linkState } from './pages/sync/syncLabels';
import { routeHref } from './routes';

interface StatusBarProps {
  status: SessionStatus;
  /** The last poll failed: the figures shown may be out of date. */
  connectionError: AppError | null;
}

const BLOCKED_HINT = '被省级平台退回的记录，以及排在其后等待的记录，须由审核员或管理员在“数据同步”中处理';

/** The link to the platform at a glance: standalone, or online/offline with what waits to be sent. */
function SyncState({ sync, role, today }: { sync: SyncSummary; role: Role; today: string }) {
  if (!sync.configured) return <span data-testid="sync-state">单机模式（未接入省级平台）</span>;
  const link = linkState(sync.online);
  return (
    <Space separator={<Divider orientation="vertical" />} size={4}>
      {/* The dot alone from Badge: its own text would not take the bar's small font. */}
      <span data-testid="sync-state">
        <Badge status={link.dot} /> 省级平台：{link.text}
      </span>
      {/* Plain when nothing waits: Typography's own colour would stand out from the bar's grey. */}
      {sync.pending > 0 ? (
        <Typography.Text type="warning" data-testid="sync-pending">
          待上报 {sync.pending} 条
        </Typography.Text>
      ) : (
        <span data-testid="sync-pending">待上报 0 条</span>
      )}
      {sync.blocked > 0 &&
        (hasPermission(role, 'sync.manage') ? (
          <Typography.Link type="danger" href={routeHref('sync')} title={BLOCKED_HINT} data-testid="sync-blocked">
            {sync.blocked} 条需处理
          </Typography.Link>
        ) : (
          <Typography.Text type="danger" title={BLOCKED_HINT} data-testid="sync-blocked">
            {sync.blocked} 条需处理
          </Typography.Text>
        ))}
      {sync.lastSuccessAt && <span title="上次与省级平台成功交换数据的时间">上次同步 {formatRecentTime(sync.lastSuccessAt, today)}</span>}
    </Space>
  );
}

export function StatusBar({ status, connectionError }: StatusBarProps) {
  const { user, station } = status;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <Space separator={<Divider orientation="vertical" />} size={4}>
        <span>
          当前用户：{user.displayName}（{ROLE_LABELS[user.role]}）
        </span>
        <span>
          工作站：{station.stationId} {station.officeName}
        </span>
        {/* Before the database path: when the window is narrow, the path is what gets cut off. */}
        <SyncState sync={status.sync} role={user.role} today={status.today} />
        {/* Paths can be long: cut with an ellipsis, the whole path in the hover title. */}
        <span className="status-bar-database" title={status.databaseFile}>
          数据库：{status.databaseFile}
        </span>
        {connectionError && <Typography.Text type="danger">状态未能刷新：{connectionError.message}</Typography.Text>}
      </Space>
    </footer>
  );
}
