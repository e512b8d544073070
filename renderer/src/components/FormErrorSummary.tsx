// Above a form's buttons once a save was refused: how many errors are left to correct.
import { Alert } from 'antd';
import type { Issue } from '../../../shared/rules/issue.ts';

export function FormErrorSummary({ issues, testId }: { issues: readonly Issue[]; testId: string }) {
  const errors = issues.filter((i) => i.level === 'error').length;
  if (errors === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="form-summary"
      title={`还有 ${errors} 处需要改正，改正后才能保存`}
      data-testid={testId}
    />
  );
}
