import { Card, Col, Row, Statistic, Typography } from 'antd';
import { BOOKLET_KINDS, BOOKLET_KIND_LABELS, type OpOutput } from '../../../../src-main/contract';

type Totals = OpOutput<'booklets.ledger'>['totals'][number];

/** 领入 = 已用 + 作废 + 库存, with the numbers filled in: the ledger is seen to balance. */
function Balance({ totals }: { totals: Totals }) {
  const { received, used, voided, inStock } = totals;
  const balances = received === used + voided + inStock;
  return (
    <Typography.Text type={balances ? 'secondary' : 'danger'}>
      领入 {received} {balances ? '=' : '≠'} 已用 {used} + 作废 {voided} + 库存 {inStock}
    </Typography.Text>
  );
}

function KindTotals({ kind, totals }: { kind: Totals['kind']; totals: Totals | undefined }) {
  return (
    <Card title={BOOKLET_KIND_LABELS[kind]} loading={!totals} data-testid={`booklet-totals-${kind}`}>
      {totals && (
        <>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title="领入" value={totals.received} suffix="本" />
            </Col>
            <Col span={6}>
              <Statistic title="已用" value={totals.used} suffix="本" />
            </Col>
            <Col span={6}>
              <Statistic title="作废" value={totals.voided} suffix="本" />
            </Col>
            <Col span={6}>
              <Statistic title="库存" value={totals.inStock} suffix="本" />
            </Col>
          </Row>
          <Balance totals={totals} />
        </>
      )}
    </Card>
  );
}

/** One card per kind of booklet: received, used, voided and in stock. Null while the ledger is being read. */
export function BookletTotals({ totals }: { totals: Totals[] | null }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {BOOKLET_KINDS.map((kind) => (
        <Col key={kind} xs={24} lg={12}>
          <KindTotals kind={kind} totals={totals?.find((t) => t.kind === kind)} />
        </Col>
      ))}
    </Row>
  );
}
