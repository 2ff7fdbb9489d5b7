import { Checkbox, Descriptions, Form, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { contractRule } from '../../fieldRules';
import { FormDialog } from '../../FormDialog';
import type { DivorceApplication } from './ApplyForm';

const bothPresentField = operations['divorce.register'].input.shape.bothPresent;

interface RegisterDialogProps {
  application: DivorceApplication;
  onRegistered: (application: DivorceApplication) => void;
  onClosed: () => void;
}

/** 离婚登记: after the 离婚冷静期 and by the deadline, both parties in person; the office issues each a 离婚证. */
export function RegisterDialog({ application, onRegistered, onClosed }: RegisterDialogProps) {
  return (
    <FormDialog<{ bothPresent?: boolean }>
      title={`离婚登记（申请第 ${application.id} 号）`}
      okText="登记"
      testId="divorce-register-form"
      onSubmit={async () => onRegistered(await call('divorce.register', { applicationId: application.id, bothPresent: true }))}
      onClosed={onClosed}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当事人">{application.names.join('、')}</Descriptions.Item>
        <Descriptions.Item label="结婚证字号">{application.marriageCertificateNumber}</Descriptions.Item>
        <Descriptions.Item label="离婚冷静期届满">{application.coolingOffEnds}</Descriptions.Item>
        <Descriptions.Item label="领证截止">{application.certificateDeadline}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        双方须共同亲自到场，出示身份证件和结婚证，经审查仍自愿离婚、对子女抚养和财产债务处理已协商一致的，予以登记，发给每人一本离婚证；原结婚证作废。
      </Typography.Paragraph>
      <Form.Item
        name="bothPresent"
        valuePropName="checked"
        rules={[contractRule(bothPresentField)]}
        normalize={(checked: boolean) => (checked ? true : undefined)}
        style={{ marginBottom: 0 }}
      >
        <Checkbox autoFocus data-testid="divorce-both-present">
          双方已亲自到场，身份证件和结婚证已核验
        </Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
