import { useState } from 'react';
import { Alert, Select, Space, Spin, Tag } from 'antd';
import { useQuery } from '../../useQuery';
import { DocumentForm } from './DocumentForm';
import { LoadFailed } from '../../LoadFailed';

const KIND_LABELS = { overlay: '套打', a4: 'A4' } as const;

/** 文书打印: pick a template, fill in its fields, then preview, save as PDF or print. */
export function PrintDocumentTab() {
  const templates = useQuery('print.templates', {});
  const printers = useQuery('print.printers', {});
  const [templateId, setTemplateId] = useState<string | null>(null);
  const list = templates.data ?? [];
  const template = list.find((t) => t.id === templateId) ?? list[0];

  return (
    <div data-testid="print-page">
      <LoadFailed what="打印模板" error={templates.error} onRetry={templates.reload} />
      {printers.error && <Alert type="warning" showIcon title={`打印机列表读取失败：${printers.error.message}`} style={{ marginBottom: 16 }} />}
      {!template ? (
        templates.loading && <Spin />
      ) : (
        <>
          <Space style={{ marginBottom: 16 }}>
            <label htmlFor="print-template">文书模板</label>
            <Select
              id="print-template"
              value={template.id}
              onChange={setTemplateId}
              options={list.map((t) => ({ value: t.id, label: t.title }))}
              style={{ width: 240 }}
            />
            <Tag>{KIND_LABELS[template.kind]}</Tag>
            <span>
              {template.page.width} × {template.page.height} 毫米
            </span>
          </Space>
          {template.kind === 'overlay' && (
            <Alert
              type="info"
              showIcon
              title="套打：只打印填写的内容，落在预印票据的对应位置；预览中另画出票据的底纹和栏目，仅供核对。打印前请先在「套打校准」中校准打印机。"
              style={{ marginBottom: 16 }}
            />
          )}
          <DocumentForm key={template.id} template={template} printers={printers.data} />
        </>
      )}
    </div>
  );
}
