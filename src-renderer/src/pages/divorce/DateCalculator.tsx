import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography, type InputRef } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { useQuery } from '../../useQuery';
import { useCurrentSession } from '../../currentSession';
import { parseTypedDate } from '../../typedDate';
import { PeriodDates, type Periods } from './PeriodDates';

interface CalculatorValues {
  receivedOn?: string;
}

/** Which years' 法定节假日安排 the station knows: 2004–2026 年. */
function LoadedYears() {
  const years = useQuery('calendar.status', {});
  const list = (years.data ?? []).map((y) => y.year).sort((a, b) => a - b);
  if (list.length === 0) return null;
  const range = list.length === list[list.length - 1]! - list[0]! + 1 ? `${list[0]}–${list[list.length - 1]} 年` : `${list.join('、')} 年`;
  return <span data-testid="dates-loaded-years">本机已载入 {range}的法定节假日安排。</span>;
}

/**
 * 日期计算器: the date a divorce application is (or was) received → the end of the 离婚冷静期 and the
 * last day to collect the 离婚证. Type a date and press Enter; the input keeps the focus for the next one.
 */
export function DateCalculator({ autoFocus = true, stacked = false }: { autoFocus?: boolean; stacked?: boolean }) {
  // The station's date (its clock, not the browser's), for 今天受理 and dates typed without a year.
  const { today } = useCurrentSession().status;
  const [form] = Form.useForm<CalculatorValues>();
  const input = useRef<InputRef>(null);
  const [result, setResult] = useState<Periods | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [running, setRunning] = useState(false);

  const compute = async (raw: string | undefined): Promise<void> => {
    const receivedOn = parseTypedDate(raw ?? '', today);
    if (!receivedOn) {
      form.setFields([{ name: 'receivedOn', errors: [raw?.trim() ? '日期无效：如 2026-10-12、20261012 或 10-12' : '请填写收到申请的日期'] }]);
      return;
    }
    form.setFields([{ name: 'receivedOn', value: receivedOn, errors: [] }]);
    setRunning(true);
    setError(null);
    try {
      setResult(await call('dates.divorce', { receivedOn }));
    } catch (err) {
      setResult(null);
      setError(asAppError(err));
    } finally {
      setRunning(false);
      // Ready for the next question: typing replaces the date.
      input.current?.focus({ cursor: 'all' });
    }
  };

  const fromToday = (): void => {
    form.setFieldValue('receivedOn', today);
    void compute(today);
  };

  return (
    <div data-testid="date-calculator">
      <Form form={form} layout="inline" onFinish={(v) => void compute(v.receivedOn)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label="收到申请日期" name="receivedOn">
          <Input
            ref={input}
            autoFocus={autoFocus}
            autoComplete="off"
            placeholder="如 2026-10-12 或 1012"
            style={{ width: 180 }}
            data-testid="dates-received-on"
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={running} data-testid="dates-compute">
              计算
            </Button>
            <Button onClick={fromToday} data-testid="dates-today">
              今天受理
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="dates-error" />}
      {result && <PeriodDates periods={result} testId="dates-result" stacked={stacked} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方可以撤回；期间届满后三十日内，双方应当亲自到场申请发给离婚证，未申请的视为撤回离婚登记申请（民法典第一千零七十七条）。
        收到申请当日不计入，自次日起算；期间的最后一日是休息日（周末或法定节假日，调休上班日除外）的，以其后的第一个工作日为最后一日（民法典第二百零一条、第二百零三条）。领证期间自冷静期届满的次日起算。
        <LoadedYears />
      </Typography.Paragraph>
    </div>
  );
}
