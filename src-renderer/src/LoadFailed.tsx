import { Alert, Button } from 'antd';
import type { AppError } from '../../src-main/contract';

/** A list that could not be read: what it was, why, and a 重试 button. Nothing when it loaded. */
export function LoadFailed({ what, error, onRetry }: { what: string; error: AppError | null | undefined; onRetry: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={`${what}读取失败：${error.message}`}
      action={<Button onClick={onRetry}>重试</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
