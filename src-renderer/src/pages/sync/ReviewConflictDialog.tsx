import { App, Form, Input, Typography } from 'antd';
import { operations, type OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';

type ReviewValues = Pick<OpInput<'sync.reviewConflict'>, 'note'>;

interface ReviewConflictDialogProps {
  record: 'marriage' | 'funeral-waiver';
  id: number;
  /** The record's number and what the platform's re-check found. */
  label: string;
  conflict: string;
  onReviewed: () => void;
  onClosed: () => void;
}

/** 复核: the supervisor records what they found in the files and what was done; the conflict leaves the list. */
export function ReviewConflictDialog({ record, id, label, conflict, onReviewed, onClosed }: ReviewConflictDialogProps) {
  const { message } = App.useApp();
  const submit = async (values: ReviewValues): Promise<void> => {
    await call('sync.reviewConflict', { record, id, note: values.note });
    void message.success(`已记录 ${label} 的复核意见`);
    onReviewed();
  };
  return (
    <FormDialog<ReviewValues> title={`复核冲突：${label}`} okText="记录复核意见" testId="review-conflict-form" onSubmit={submit} onClosed={onClosed}>
      <Typography.Paragraph type="danger">{conflict}</Typography.Paragraph>
      <Form.Item label="复核意见" name="note" required rules={[contractRule(operations['sync.reviewConflict'].input.shape.note)]} extra="核实原始材料后的结论和处理，如：对方离婚证明已核实，平台记录有误，已报省级平台更正">
        <Input.TextArea autoFocus rows={3} maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}
