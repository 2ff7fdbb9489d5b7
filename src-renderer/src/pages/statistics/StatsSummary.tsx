import { Card, Col, Row, Statistic, Typography } from 'antd';
import { DIVORCE_OUTCOMES, type DivorceOutcome, type MarriageStatsView } from '../../../../src-main/contract';
import { percent } from './format';

function Figure({ title, value, note, testId }: { title: string; value: number | string; note?: string; testId: string }) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={typeof value === 'number' ? '件' : undefined} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note ?? '\u00a0'}
      </Typography.Text>
    </Card>
  );
}

/** The range's totals at a glance: one card per kind of registration, 跨省通办, and divorce applications. */
export function StatsSummary({ stats }: { stats: MarriageStatsView }) {
  const { totals, crossProvince, divorceOutcomes } = stats;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={8} xl={4}>
        <Figure title="结婚登记" value={totals.marriages} testId="stats-total-marriages" />
      </Col>
      <Col xs={12} lg={8} xl={4}>
        <Figure title="离婚登记" value={totals.divorces} testId="stats-total-divorces" />
      </Col>
      <Col xs={12} lg={8} xl={4}>
        <Figure title="补发证件" value={totals.reissues} note={`结婚证 ${totals.reissuedMarriage}，离婚证 ${totals.reissuedDivorce}`} testId="stats-total-reissues" />
      </Col>
      <Col xs={12} lg={8} xl={4}>
        <Figure title="不予登记" value={totals.refusals} testId="stats-total-refusals" />
      </Col>
      <Col xs={12} lg={8} xl={4}>
        <Figure
          title="跨省通办占比"
          value={percent(crossProvince.share)}
          note={`结婚登记 ${crossProvince.marriages} 件中 ${crossProvince.crossProvince} 件`}
          testId="stats-cross-province"
        />
      </Col>
      <Col xs={12} lg={8} xl={4}>
        <Card size="small" data-testid="stats-divorce-outcomes" style={{ height: '100%' }}>
          <Typography.Text type="secondary">协议离婚登记申请</Typography.Text>
          <div style={{ marginTop: 4, lineHeight: 1.6 }}>
            {(Object.keys(DIVORCE_OUTCOMES) as DivorceOutcome[]).map((key) => (
              <div key={key} style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{DIVORCE_OUTCOMES[key]}</span>
                <span>{divorceOutcomes[key]} 件</span>
              </div>
            ))}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
