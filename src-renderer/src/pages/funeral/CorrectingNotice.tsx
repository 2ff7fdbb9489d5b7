import { Alert, Form, Input } from 'antd';
import { correctionReason } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';
import { formatFen } from './money';
import { correctionKind, type WaiverDetail } from './waiverForm';

/** What a correction of this waiver does, as the clerk must know it before submitting. */
function notice(w: WaiverDetail): { title: string; description: string } {
  const kind = correctionKind(w);
  if (kind === 'reverse') {
    return {
      title: `更正已结算的减免 ${w.number}（冲销）`,
      description:
        `该减免已计入 ${w.settlementMonth} 结算，该月结算已提交，不能修改。提交后在本馆第一个未提交的月份冲销原减免 ${formatFen(w.totalWaived)}，` +
        '并以新的减免编号重新提交审核；原减免与冲销都留在记录中。',
    };
  }
  if (kind === 'reopen') {
    return {
      title: `更正审核通过的减免 ${w.number}`,
      description: `${w.settlementMonth} 结算尚未提交：更正后该减免撤出该月结算，重新计算并提交审核，审核通过后再计入结算。`,
    };
  }
  return {
    title: `修改退回的减免 ${w.number}`,
    description: `退回原因：${w.rejectReason ?? '（未说明）'}。修改后重新提交，仍由审核员审核。`,
  };
}

/**
 * Above the desk while a waiver is corrected: what will happen, and for an approved waiver the required
 * 更正原因 — the first field, so the keyboard starts there.
 */
export function CorrectingNotice({ correcting }: { correcting: WaiverDetail }) {
  const { title, description } = notice(correcting);
  const approved = correcting.status === 'approved';
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={title} description={description} data-testid="waiver-correcting" />
      {approved && (
        <Form.Item
          label="更正原因"
          name="reason"
          required
          rules={[{ required: true, whitespace: true, message: '请填写更正原因' }, contractRule(correctionReason)]}
          extra={
            correctionKind(correcting) === 'reverse' ? '打印在冲销所在月份的结算汇总表上，审核员审核新的减免时可见。' : '记入操作记录；该减免重新审核。'
          }
        >
          <Input autoFocus maxLength={100} showCount placeholder="例如：冷藏天数录入有误，应为 2 天" data-testid="waiver-correction-reason" />
        </Form.Item>
      )}
    </>
  );
}
