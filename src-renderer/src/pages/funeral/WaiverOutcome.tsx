import { Button, Card, Descriptions, Result, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { WAIVER_STATUSES, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { useQuery } from '../../useQuery';
import { DocumentActions } from '../marriage/DocumentActions';
import { altLabel, useAltShortcut } from '../marriage/useAltShortcut';
import { ComputationView } from './ComputationPanel';
import { formatFen } from './money';
import { WAIVER_STATUS_COLORS } from './waiverForm';

export interface Entered {
  result: OpOutput<'funeral.enterWaiver'>;
  corrected: boolean;
  /** The 减免编号 reversed by this correction, which `result` replaces. */
  reversed?: string;
}

function outcomeTitle({ corrected, reversed }: Entered): string {
  if (reversed) return `已冲销 ${reversed}，更正后的减免已提交审核`;
  return corrected ? '已修改并重新提交审核' : '已提交审核';
}

/** 打印减免审批表 / 预览 / 保存 PDF of one waiver: the server builds the form from the record. */
export function WaiverFormActions({ waiverId, letter, primary }: { waiverId: number; letter?: string; primary?: boolean }) {
  const printers = useQuery('print.printers', {});
  return (
    <DocumentActions
      name="减免审批表"
      letter={letter}
      primary={primary}
      printers={printers.data}
      testId="waiver-form-document"
      load={() => call('funeral.document', { document: 'waiver-form', key: String(waiverId) })}
    />
  );
}

/** After 提交: the number, the amounts, the form to print for signatures, and on to the next family. */
export function WaiverOutcome({ entered, onNew }: { entered: Entered; onNew: () => void }) {
  const { result } = entered;
  useAltShortcut('N', onNew);
  return (
    <Card size="small" data-testid="waiver-outcome">
      <Result
        status="success"
        style={{ padding: '16px 0 8px' }}
        title={outcomeTitle(entered)}
        subTitle={
          <span>
            减免编号 <strong data-testid="waiver-number">{result.number}</strong>
          </span>
        }
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: '逝者', children: result.deceasedName },
          { key: 'claimed', label: '实际收费合计', children: formatFen(result.totalClaimed) },
          { key: 'waived', label: '减免合计', children: <strong data-testid="waiver-outcome-waived">{formatFen(result.totalWaived)}</strong> },
          { key: 'family', label: '家属自付', children: formatFen(result.totalClaimed - result.totalWaived) },
          { key: 'status', label: '状态', children: <Tag color={WAIVER_STATUS_COLORS[result.status]}>{WAIVER_STATUSES[result.status]}</Tag> },
        ]}
      />
      <div style={{ margin: '16px 0' }}>
        <WaiverFormActions waiverId={result.id} letter="P" primary />
      </div>
      <Button icon={<PlusOutlined />} onClick={onNew} aria-keyshortcuts="Alt+N" data-testid="waiver-new">
        {altLabel('新的减免', 'N')}
      </Button>
      <details style={{ marginTop: 16 }}>
        <summary>计算明细</summary>
        <div style={{ marginTop: 8 }}>
          <ComputationView computation={result.computation} />
        </div>
      </details>
    </Card>
  );
}
