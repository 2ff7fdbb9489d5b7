import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Table, Tag, Typography, type FormRule } from 'antd';
import { operations, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { formatDateTime } from '../../format';
import { LoadFailed } from '../../LoadFailed';
import { useFormSubmit } from '../../useFormSubmit';
import { useQuery } from '../../useQuery';
import { parseDateList } from './calendarInput';

type CalendarYear = OpOutput<'calendar.status'>[number];

const fields = operations['calendar.load'].input.shape;
const RECENT_YEARS = 3;

interface CalendarValues {
  year: number;
  holidays: string;
  workdays?: string;
  source: string;
}

/** The server names a bad date by its place in the list (holidays.3): shown under the list's field. */
const ALIASES: Record<string, string> = Object.fromEntries(
  ['holidays', 'workdays'].flatMap((field) => Array.from({ length: 60 }, (_, i) => [`${field}.${i}`, field])),
);

function datesRule(label: string, required: boolean): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const { dates, problem } = parseDateList(value);
      if (problem) throw new Error(`${label}中「${problem}」无法识别：请写成 2027-10-01，或连续几天写成 2027-10-01至2027-10-07`);
      if (required && dates.length === 0) throw new Error(`请填写${label}`);
    },
  };
}

/** What the typed list comes to, under the field as the administrator types. */
function DatesSummary({ text }: { text: string | undefined }) {
  const { dates, problem } = parseDateList(text);
  if (problem || dates.length === 0) return null;
  const shown = dates.length > 6 ? `${dates.slice(0, 3).join('、')} … ${dates.slice(-2).join('、')}` : dates.join('、');
  return (
    <span data-testid="calendar-dates-summary">
      已识别 {dates.length} 天：{shown}
    </span>
  );
}

function LoadYearForm({ years, onLoaded }: { years: CalendarYear[]; onLoaded: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CalendarValues>();
  const holidaysText = Form.useWatch('holidays', form);
  const workdaysText = Form.useWatch('workdays', form);
  const latest = years.reduce((max, y) => Math.max(max, y.year), 0);

  const { submitting, error, onFinish } = useFormSubmit(
    form,
    async (values) => {
      const existing = years.find((y) => y.year === values.year);
      if (existing) {
        const replace = await modal.confirm({
          title: `替换 ${values.year} 年的安排？`,
          content: `${values.year} 年已有安排（${existing.source}：放假 ${existing.holidays} 天，调休上班 ${existing.workdays} 天）。载入后整体替换；已受理的离婚登记申请，其期限仍按受理时确定的日期。`,
          okText: '替换',
          cancelText: '取消',
        });
        if (!replace) return;
      }
      const result = await call('calendar.load', {
        year: values.year,
        holidays: parseDateList(values.holidays).dates,
        workdays: parseDateList(values.workdays).dates,
        source: values.source,
      });
      void message.success(`已载入 ${result.year} 年安排：放假 ${result.holidays} 天，调休上班 ${result.workdays} 天`);
      form.resetFields();
      onLoaded();
    },
    ALIASES,
  );

  return (
    <Form<CalendarValues>
      form={form}
      layout="vertical"
      initialValues={{ year: latest ? latest + 1 : undefined }}
      onFinish={onFinish}
      data-testid="calendar-form"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="calendar-error" />}
      <Row gutter={16}>
        <Col xs={24} md={6} xl={4}>
          <Form.Item label="年份" name="year" required rules={[contractRule(fields.year)]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={18} xl={20}>
          <Form.Item label="依据" name="source" required rules={[contractRule(fields.source)]} extra="国务院办公厅关于该年部分节假日安排的通知文号">
            <Input autoComplete="off" maxLength={200} placeholder="国办发明电〔2026〕X号" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="放假日期"
            name="holidays"
            required
            rules={[datesRule('放假日期', true)]}
            extra={<DatesSummary text={holidaysText} />}
            tooltip="通知中放假的每一天，含与放假连休的周末"
          >
            <Input.TextArea rows={6} placeholder={'每行一个日期或一段日期，如：\n2027-01-01\n2027-02-05至2027-02-11\n2027-10-01至2027-10-07'} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="调休上班日期"
            name="workdays"
            rules={[datesRule('调休上班日期', false)]}
            extra={<DatesSummary text={workdaysText} />}
            tooltip="通知中调休上班的周六、周日；没有可不填"
          >
            <Input.TextArea rows={6} placeholder={'每行一个日期，如：\n2027-02-14\n2027-09-26'} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="calendar-load">
        载入该年安排
      </Button>
    </Form>
  );
}

/**
 * 法定节假日日历: the years whose State Council calendar the station has (shipped or loaded here),
 * and loading next year's when it is published, each November.
 */
export function CalendarSection() {
  const status = useQuery('calendar.status', {});
  const years = status.data ?? [];
  const latest = years.reduce((max, y) => Math.max(max, y.year), 0);
  const [allYears, setAllYears] = useState(false);
  // The years that matter at the counter: the last few, and any loaded here.
  const recent = years.filter((y) => y.year >= latest - RECENT_YEARS + 1 || y.loadedAt);
  const shown = allYears ? years : recent;

  return (
    <Card title="法定节假日日历" style={{ marginTop: 16 }} data-testid="calendar-section">
      <Typography.Paragraph type="secondary">
        离婚冷静期和领证期限的最后一天遇法定节假日或未调休的周末，顺延至其后第一个工作日，因此须有国务院办公厅公布的当年放假与调休安排。受理申请时即按日历算定两个期限；所需年份的安排尚未载入时，系统会明确提示，不作推测。
      </Typography.Paragraph>
      <LoadFailed what="节假日日历" error={status.error} onRetry={status.reload} />
      {latest > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`现有安排最晚至 ${latest} 年。${latest} 年 11 月前后起受理的离婚登记申请，其领证截止日会落入 ${latest + 1} 年，须先载入 ${latest + 1} 年安排。`}
          description={`国务院办公厅通常在每年 11 月公布下一年的节假日安排；公布后请在下方载入 ${latest + 1} 年。`}
          style={{ marginBottom: 16 }}
          data-testid="calendar-next-year"
        />
      )}
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        loading={status.loading && !status.data}
        dataSource={shown}
        pagination={false}
        style={{ marginBottom: years.length > recent.length ? 4 : 24 }}
        data-testid="calendar-years"
        columns={[
          { title: '年份', dataIndex: 'year', width: 80 },
          { title: '依据', dataIndex: 'source' },
          { title: '放假', dataIndex: 'holidays', width: 90, render: (n: number) => `${n} 天` },
          { title: '调休上班', dataIndex: 'workdays', width: 100, render: (n: number) => `${n} 天` },
          {
            title: '来源',
            dataIndex: 'loadedAt',
            width: 220,
            render: (_, y) => (y.loadedAt ? <Tag color="blue">管理员载入 {formatDateTime(y.loadedAt)}</Tag> : <Tag>随软件发布</Tag>),
          },
        ]}
      />
      {years.length > recent.length && (
        <Button type="link" size="small" onClick={() => setAllYears((v) => !v)} style={{ padding: 0, marginBottom: 16 }}>
          {allYears ? '只显示近几年' : `显示全部 ${years.length} 年（${years[years.length - 1]!.year}–${latest}）`}
        </Button>
      )}
      <Typography.Title level={5}>载入一年的安排</Typography.Title>
      {status.data && <LoadYearForm key={latest} years={years} onLoaded={status.reload} />}
    </Card>
  );
}
