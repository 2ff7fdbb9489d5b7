import { Alert, Typography } from 'antd';
import { chineseDate, type OpOutput } from '../../../../src-main/contract';

export type Check = OpOutput<'marriage.check'>;

function List({ items, testId }: { items: readonly string[]; testId?: string }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={testId}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** What the check could say about the platform's records, for the result's title and the problems' footnote. */
const PLATFORM_NOTES: Record<Check['platform'], string> = {
  answered: '已向省级平台核实婚姻状况',
  'not-linked': '本工作站未接入省级平台，未查询平台婚姻状况',
  unreachable: '未能向省级平台核实婚姻状况，须审核员授权后登记',
};

/** 审查 answered: the problems (不予登记的情形) with their reasons, or what was checked and found. */
export function CheckResult({ check }: { check: Check }) {
  const platform = PLATFORM_NOTES[check.platform];
  if (check.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={`${check.platform === 'unreachable' ? '本机审查通过' : '审查通过，可以登记'}（登记日期 ${chineseDate(check.registrationDate)}；${platform}）`}
        description={<List items={check.findings} testId="marriage-findings" />}
        style={{ marginBottom: 16 }}
        data-testid="marriage-check-ok"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="审查未通过，有下列不予登记的情形："
      description={
        <>
          <List items={check.problems} />
          {/* Refusing needs no platform answer, so an unreachable platform is only noted here. */}
          <Typography.Text type="secondary" data-testid="marriage-platform-note">
            {check.platform === 'unreachable' ? '未能向省级平台核实婚姻状况' : platform}
          </Typography.Text>
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="marriage-problems"
    />
  );
}
