import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { addDays, weekday } from '../../../../src-main/contract';
import { extension } from './divorceDates';

export interface Periods {
  receivedOn: string;
  coolingOffEnds: string;
  certificateDeadline: string;
}

function BigDate({ title, date, testId, children }: { title: string; date: string; testId: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4, whiteSpace: 'nowrap' }} data-testid={testId}>
        {date}
        <span style={{ fontSize: 16, fontWeight: 400, marginInlineStart: 8 }}>{weekday(date)}</span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {children}
      </Typography.Text>
    </Card>
  );
}

/**
 * The three dates of an application, large enough to read out at the window: receipt, the end of the
 * 离婚冷静期, and the last day to collect the 离婚证 — each with its weekday and what it means.
 */
export function PeriodDates({ periods, testId = 'period-dates', stacked = false }: { periods: Periods; testId?: string; stacked?: boolean }) {
  // In a narrow panel (the calculator's drawer) the three dates go one under another.
  const span = stacked ? { span: 24 } : { xs: 24, md: 8 };
  const { receivedOn, coolingOffEnds, certificateDeadline } = periods;
  const coolingExtended = extension(receivedOn, coolingOffEnds);
  const windowExtended = extension(coolingOffEnds, certificateDeadline);
  return (
    <Row gutter={[12, 12]} data-testid={testId}>
      <Col {...span}>
        <BigDate title="收到离婚登记申请" date={receivedOn} testId={`${testId}-received`}>
          当日不计入期间，自 {addDays(receivedOn, 1)} 起算
        </BigDate>
      </Col>
      <Col {...span}>
        <BigDate title="离婚冷静期届满日" date={coolingOffEnds} testId={`${testId}-cooling-off`}>
          此日（含）之前任何一方可撤回离婚登记申请
          {coolingExtended && <div>{coolingExtended}</div>}
        </BigDate>
      </Col>
      <Col {...span}>
        <BigDate title="领证截止日" date={certificateDeadline} testId={`${testId}-deadline`}>
          {addDays(coolingOffEnds, 1)} 起双方亲自到场申请发给离婚证；逾期未申请的，{addDays(certificateDeadline, 1)} 起视为撤回
          {windowExtended && <div>{windowExtended}</div>}
        </BigDate>
      </Col>
    </Row>
  );
}
