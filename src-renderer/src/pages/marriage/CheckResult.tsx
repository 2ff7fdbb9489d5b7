import { Alert } from 'antd';
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

/** 审查 answered: the problems (不予登记的情形) with their reasons, or what was checked and found. */
export function CheckResult({ check }: { check: Check }) {
  if (check.ok) {
    const platform = check.platformAsked ? '已向省级平台查询婚姻状况' : '未向省级平台查询婚姻状况——同步功能尚未上线';
    return (
      <Alert
        type="success"
        showIcon
        title={`审查通过，可以登记（登记日期 ${chineseDate(check.registrationDate)}；${platform}）`}
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
      description={<List items={check.problems} />}
      style={{ marginBottom: 16 }}
      data-testid="marriage-problems"
    />
  );
}
