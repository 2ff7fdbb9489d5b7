import { Alert, Col, Form, Input, Row, Typography } from 'antd';
import { operations } from '../../../../src-main/contract';
import { contractRule } from '../../fieldRules';

const fields = operations['marriage.register'].input.shape.platformOverride.unwrap().shape;

/** The form's names for the authorization, as the contract nests them (and as its field errors name them). */
export const OVERRIDE_FIELDS = [
  ['platformOverride', 'username'],
  ['platformOverride', 'password'],
  ['platformOverride', 'reason'],
];

/**
 * The platform could not be asked about the parties' marital status: registering anyway is a supervisor's
 * recorded decision, typed in here at the counter. It sits between the confirmations and the buttons, so
 * Tab reaches it on the way to Alt+R. `preserve={false}`: once the panel goes (a new check, the case is
 * registered) the supervisor's password leaves the form with it.
 */
export function PlatformOverridePanel({ message }: { message: string | null }) {
  return (
    <Alert
      type="warning"
      showIcon
      title="省级平台无法连接，须审核员授权后方可登记"
      style={{ marginBottom: 16 }}
      data-testid="platform-unreachable"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 12 }}>{message ?? '省级平台暂时无法连接。'}</Typography.Paragraph>
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            审核员授权
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item label="审核员用户名" name={['platformOverride', 'username']} required preserve={false} rules={[contractRule(fields.username)]}>
                <Input autoComplete="off" maxLength={32} data-testid="override-username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label="密码" name={['platformOverride', 'password']} required preserve={false} rules={[contractRule(fields.password)]}>
                {/* No eye button: the password is typed in front of the parties, and Tab goes straight on to the reason. */}
                <Input.Password visibilityToggle={false} autoComplete="new-password" maxLength={200} data-testid="override-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="授权理由" name={['platformOverride', 'reason']} required preserve={false} rules={[contractRule(fields.reason)]}>
                <Input autoComplete="off" maxLength={200} placeholder="例如：省级平台系统中断，当事人急需办理" data-testid="override-reason" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text type="secondary">
            审核员或管理员在此输入本人的用户名和密码即为授权；授权人和理由记入登记记录和审计日志，密码输错计入该账户的连续错误次数。平台恢复后自动复核双方婚姻状况。
          </Typography.Text>
        </>
      }
    />
  );
}
