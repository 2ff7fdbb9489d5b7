import { useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { OpOutput } from '../../../../src-main/contract';
import { useQuery } from '../../useQuery';
import { AddFontDialog } from './AddFontDialog';
import { LoadFailed } from '../../LoadFailed';

type Font = OpOutput<'fonts.list'>[number];

/** 字体: the fallback chain printing uses, in order, and adding a font to its end. */
export function FontsSection() {
  const fonts = useQuery('fonts.list', {});
  const [adding, setAdding] = useState(false);

  return (
    <Card
      title="字体"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          添加字体
        </Button>
      }
      style={{ marginTop: 16 }}
      data-testid="fonts-section"
    >
      <Typography.Paragraph type="secondary">
        打印时每个字按下列顺序查找字体，前面的字体没有的字（如扩展区生僻字）用后面的字体。所有字体都没有的字会使打印中止并指明该字，这时可添加包含它的字体（如省级平台提供的字体）。
      </Typography.Paragraph>
      <LoadFailed what="字体列表" error={fonts.error} onRetry={fonts.reload} />
      <Table<Font>
        rowKey="id"
        size="small"
        loading={fonts.loading}
        dataSource={fonts.data ?? []}
        pagination={false}
        columns={[
          { title: '顺序', key: 'order', width: 64, render: (_, _font, index) => index + 1 },
          { title: '字体名称', dataIndex: 'name' },
          {
            title: '来源',
            dataIndex: 'source',
            render: (_, font) => (font.source === 'shipped' ? <Tag>内置</Tag> : <Tag color="blue">管理员添加</Tag>),
          },
        ]}
      />
      {adding && <AddFontDialog onAdded={fonts.reload} onClosed={() => setAdding(false)} />}
    </Card>
  );
}
