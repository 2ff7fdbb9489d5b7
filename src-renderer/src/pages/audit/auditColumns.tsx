import type { TableColumnsType } from 'antd';
import type { AuditEntryView } from '../../../../src-main/contract';
import { formatDateTime, roleLabel } from '../../format';

// Short columns never wrap; the 摘要 takes the remaining width and wraps, so nothing needs scrolling sideways.
const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

export const auditColumns: TableColumnsType<AuditEntryView> = [
  { title: '序号', dataIndex: 'seq', onCell: noWrap },
  { title: '时间', dataIndex: 'at', onCell: noWrap, render: (_, entry) => formatDateTime(entry.at) },
  { title: '操作人', dataIndex: 'username', onCell: noWrap },
  { title: '角色', dataIndex: 'role', onCell: noWrap, render: (_, entry) => roleLabel(entry.role) },
  { title: '工作站', dataIndex: 'stationId', onCell: noWrap },
  { title: '操作', dataIndex: 'operationTitle', onCell: noWrap },
  { title: '记录', dataIndex: 'recordIds', render: (_, entry) => (entry.recordIds.length ? entry.recordIds.join('、') : '—') },
  { title: '摘要', dataIndex: 'summary' },
];
