// A read that failed (a list, a summary, the history): what failed, the core's message and 重试.
import { Alert, Button } from 'antd';
import type { AppError } from '../../../shared/result.ts';

export function LoadErrorAlert(props: {
  title: string;
  error: AppError | undefined;
  onRetry: () => void;
  testId?: string;
}) {
  if (props.error === undefined) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={props.title}
      description={props.error.message}
      action={
        <Button size="small" onClick={props.onRetry}>
          重试
        </Button>
      }
      style={{ marginBottom: 8 }}
      data-testid={props.testId}
    />
  );
}
