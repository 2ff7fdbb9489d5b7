import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, List, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { formatDateTime } from '../../format';
import { isRouteKey } from '../../routes';
import { routeHrefWith } from '../../useHashRoute';

type Draft = OpOutput<'counter.overview'>['drafts'][number];

const KIND_LABELS: Record<Draft['kind'], string> = { marriage: '结婚登记', divorce: '离婚登记' };

/** The page that resumes a draft: its own business page, told which draft by `?draft=`. */
export function draftHref(draft: Pick<Draft, 'id' | 'kind'>): string | null {
  return isRouteKey(draft.kind) ? routeHrefWith(draft.kind, { draft: draft.id }) : null;
}

/** 暂存待续办: applications put aside half-done, to resume or delete. */
export function DraftsCard({ drafts, loading, onChanged }: { drafts: Draft[]; loading: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [deleting, setDeleting] = useState<number | null>(null);

  const remove = async (draft: Draft): Promise<void> => {
    setDeleting(draft.id);
    try {
      await call('drafts.delete', { id: draft.id });
      void message.success(`已删除暂存：${draft.title}`);
      onChanged();
    } catch (err) {
      void message.error(`删除失败：${asAppError(err).message}`);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Card size="small" title={`暂存待续办（${drafts.length}）`} data-testid="drafts-card" style={{ height: '100%' }}>
      <List<Draft>
        size="small"
        loading={loading}
        dataSource={drafts}
        locale={{ emptyText: '没有暂存的登记' }}
        renderItem={(draft) => {
          const href = draftHref(draft);
          return (
            <List.Item data-testid={`draft-${draft.id}`} style={{ display: 'block' }}>
              <Typography.Text strong>{draft.title}</Typography.Text>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 2 }}>
                <Tag style={{ marginInlineEnd: 0 }}>{KIND_LABELS[draft.kind]}</Tag>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, flex: 1, minWidth: 0 }}>
                  <span title={formatDateTime(draft.updatedAt)}>暂存于 {dayjs(draft.updatedAt).format('MM-DD HH:mm')}</span>
                  {draft.savedBy ? ` · ${draft.savedBy}` : ''}
                </Typography.Text>
                {href ? (
                  <a href={href} style={{ whiteSpace: 'nowrap' }} data-testid={`draft-resume-${draft.id}`}>
                    继续办理
                  </a>
                ) : (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    页面尚未开通
                  </Typography.Text>
                )}
                <Popconfirm
                  title="删除暂存"
                  description={`删除「${draft.title}」？删除后不能恢复。`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(draft)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={deleting === draft.id} style={{ padding: 0 }} data-testid={`draft-delete-${draft.id}`}>
                    删除
                  </Button>
                </Popconfirm>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
