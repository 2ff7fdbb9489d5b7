import { Divider, Space, Typography } from 'antd';
import { ROLE_LABELS, type AppError } from '../../src-main/contract';
import type { SessionStatus } from './currentSession';

interface StatusBarProps {
  status: SessionStatus;
  /** The last poll failed: the figures shown may be out of date. */
  connectionError: AppError | null;
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
        {/* Paths can be long: cut with an ellipsis, the whole path in the hover title. */}
        <span className="status-bar-database" title={status.databaseFile}>
          数据库：{status.databaseFile}
        </span>
        <Typography.Text type={status.pendingOutbox > 0 ? 'warning' : undefined}>待上报 {status.pendingOutbox} 条</Typography.Text>
        {connectionError && <Typography.Text type="danger">状态未能刷新：{connectionError.message}</Typography.Text>}
      </Space>
    </footer>
  );
}
