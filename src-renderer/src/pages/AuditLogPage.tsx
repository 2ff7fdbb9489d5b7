import { Alert, Button, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { hasPermission, type AuditEntryView } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { ForbiddenPage } from './ForbiddenPage';
import { AuditFilterForm } from './audit/AuditFilterForm';
import { auditColumns } from './audit/auditColumns';
import { useAuditLog } from './audit/useAuditLog';
import { useChainVerification } from './audit/useChainVerification';

export function AuditLogPage() {
  const { status } = useCurrentSession();
  const log = useAuditLog();
  const chain = useChainVerification();

  if (!hasPermission(status.user.role, 'audit.read') || log.error?.code === 'FORBIDDEN') {
    return <ForbiddenPage area="审计日志" permission="audit.read" serverMessage={log.error?.message} />;
  }

  return (
    <div data-testid="audit-page">
      <PageHeader
        title="审计日志"
        description="本工作站的每一次登记、修改和查看个人信息都按顺序记录，并以哈希链相连，事后不能改动。"
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={chain.verifying} onClick={() => void chain.verify()}>
            校验审计链
          </Button>
        }
      />
      {chain.verdict && (
        <Alert
          type={chain.verdict.type}
          showIcon
          title={chain.verdict.title}
          description={chain.verdict.description}
          closable={{ onClose: chain.dismiss }}
          style={{ marginBottom: 16 }}
          data-testid="audit-verify-result"
        />
      )}
      <AuditFilterForm onSearch={log.search} />
      {log.error && <Alert type="error" showIcon title={`审计日志读取失败：${log.error.message}`} style={{ marginBottom: 16 }} />}
      <Table<AuditEntryView>
        rowKey="seq"
        className="audit-table"
        size="small"
        columns={auditColumns}
        dataSource={log.entries}
        loading={log.loading}
        pagination={false}
        footer={() => (
          <div className="audit-footer">
            <Typography.Text type="secondary">已显示 {log.entries.length} 条</Typography.Text>
            {log.hasMore ? (
              <Button onClick={log.loadMore} loading={log.loading}>
                加载更多
              </Button>
            ) : (
              log.entries.length > 0 && <Typography.Text type="secondary">已到最早一条</Typography.Text>
            )}
          </div>
        )}
      />
    </div>
  );
}
