import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Divider, List, Spin, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { AppError } from '../../../../src-main/contract';
import { formatFen } from './money';
import type { WaiverComputation } from './waiverForm';

function Line({ label, quantity, children }: { label: string; quantity: string; children: ReactNode }) {
  return (
    <div style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Text strong>
          {label}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 6 }}>
            {quantity}
          </Typography.Text>
        </Typography.Text>
        {children}
      </div>
    </div>
  );
}

/** The computation, line by line with the rule behind each amount, the cap, the totals, refusals and proofs. */
export function ComputationView({ computation }: { computation: WaiverComputation }) {
  const c = computation;
  return (
    <div data-testid="computation">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        按「{c.versionName}」计算
        {c.platform === 'answered' && '；已向省级平台查重'}
      </Typography.Paragraph>
      {c.platform === 'unreachable' && (
        <Alert
          type="warning"
          showIcon
          title="未能向省级平台查重：平台暂时无法连接"
          description="仍可录入，由审核员知情审核；平台恢复后自动复核该逝者是否已在其他殡仪馆办理减免。"
          style={{ marginBottom: 12 }}
          data-testid="computation-platform-unreachable"
        />
      )}
      {!c.eligible && (
        <Alert
          type="error"
          showIcon
          title="不予减免"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="computation-refusals">
              {c.refusals.map((r) => (
                <li key={r.code + r.message}>{r.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <List
        size="small"
        dataSource={c.lines}
        locale={{ emptyText: '未选择服务项目' }}
        renderItem={(line) => (
          <List.Item data-testid={`computation-line-${line.itemId}`}>
            <div style={{ width: '100%' }}>
              <Line label={line.label} quantity={`${line.quantity} ${line.unit}${line.allowedQuantity !== line.quantity && c.eligible ? `（计 ${line.allowedQuantity} ${line.unit}）` : ''}`}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <Typography.Text type="secondary">收费 {formatFen(line.claimed)}{' '}</Typography.Text>
                  <Typography.Text strong type="success">
                    减免 {formatFen(line.waived)}
                  </Typography.Text>
                </span>
              </Line>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {line.rule}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {c.overallCap && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="computation-cap"
          title={`每具遗体减免总额不超过 ${formatFen(c.overallCap.cap)}：各项减免合计 ${formatFen(c.overallCap.beforeCap)}，超出的 ${formatFen(c.overallCap.beforeCap - c.overallCap.cap)} 按各项减免额比例扣减`}
        />
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'claimed', label: '实际收费合计', children: <span data-testid="computation-claimed">{formatFen(c.totalClaimed)}</span> },
          {
            key: 'waived',
            label: '减免合计',
            children: (
              <Typography.Text strong type="success" style={{ fontSize: 16 }} data-testid="computation-waived">
                {formatFen(c.totalWaived)}
              </Typography.Text>
            ),
          },
          {
            key: 'family',
            label: '家属自付',
            children: (
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="computation-family">
                {formatFen(c.familyPays)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {c.requiredProofs.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            须留存的证明材料
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="computation-proofs">
            {c.requiredProofs.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface ComputationPanelProps {
  computation: WaiverComputation | null;
  /** The computation answers what the form holds now (else it is the last one, shown dimmed). */
  fresh: boolean;
  loading: boolean;
  error: AppError | null;
  /** What is still missing before a computation can be asked for. */
  hint: string | null;
}

/** 试算: the server's computation of what the form holds, kept up to date as it is typed. */
export function ComputationPanel({ computation, fresh, loading, error, hint }: ComputationPanelProps) {
  return (
    <Card
      size="small"
      title={
        <span>
          <CalculatorOutlined /> 试算
        </span>
      }
      extra={loading ? <Spin size="small" /> : <Typography.Text type="secondary">随填写自动更新</Typography.Text>}
      data-testid="computation-panel"
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="computation-error" />}
      {!error && hint && !computation && (
        <Typography.Text type="secondary" data-testid="computation-hint">
          {hint}
        </Typography.Text>
      )}
      {computation && (
        <div style={{ opacity: fresh ? 1 : 0.5 }} data-fresh={fresh ? 'yes' : 'no'}>
          {(hint || error) && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
              以下为修改前的试算结果。{hint}
            </Typography.Paragraph>
          )}
          <ComputationView computation={computation} />
        </div>
      )}
    </Card>
  );
}
