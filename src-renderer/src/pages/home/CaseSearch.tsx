import { useState } from 'react';
import { Alert, Card, Input, Typography } from 'antd';
import { operations, type AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import { CaseTable, type CaseView } from './CaseTable';

const querySchema = operations['counter.search'].input.shape.query;

interface Found {
  query: string;
  cases: CaseView[];
}

/** 查询: by part of a name, a whole ID number, or a 字号 (its beginning is enough); Enter searches. */
export function CaseSearch() {
  const [value, setValue] = useState('');
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [found, setFound] = useState<Found | null>(null);

  const search = async (raw: string): Promise<void> => {
    const checked = querySchema.safeParse(raw);
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '请填写查询内容');
      return;
    }
    setProblem(null);
    setError(null);
    setSearching(true);
    try {
      setFound({ query: checked.data, cases: await call('counter.search', { query: checked.data }) });
    } catch (err) {
      setError(asAppError(err));
    } finally {
      setSearching(false);
    }
  };

  return (
    <Card size="small" title="查询婚姻登记记录" data-testid="case-search">
      <Input.Search
        autoFocus
        allowClear
        enterButton="查询"
        size="large"
        value={value}
        status={problem ? 'error' : undefined}
        placeholder="姓名（可只输部分）、公民身份号码或证件字号（如 J442000-2026-000001，可只输开头），回车查询"
        loading={searching}
        onChange={(e) => {
          setValue(e.target.value);
          if (problem) setProblem(null);
        }}
        onSearch={(q, _e, info) => {
          if (info?.source === 'clear') {
            setFound(null);
            setProblem(null);
            return;
          }
          void search(q);
        }}
        aria-label="查询内容"
        data-testid="case-search-input"
      />
      {problem && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="case-search-problem">
          {problem}
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={`查询失败：${error.message}`} style={{ marginTop: 12 }} />}
      {found && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="case-search-summary">
            「{found.query}」：{found.cases.length === 0 ? '没有找到记录' : `找到 ${found.cases.length} 条记录`}
            {found.cases.length >= 100 ? '（仅显示每类最新 100 条，请输入更完整的内容）' : ''}
          </Typography.Text>
          {found.cases.length > 0 && <CaseTable cases={found.cases} showDate showActions emptyText="没有找到记录" testId="case-search-results" />}
        </div>
      )}
    </Card>
  );
}
