// A refusal from the core, in its own words: the message, the rule findings of a 'validation' error,
// and for a duplicate 证件号码 a link to the household that already has it.
import { Alert, Button } from 'antd';
import type { AppError } from '../../../shared/result.ts';
import { errorConflict, errorIssues } from '../lib/api-errors.ts';

export function ErrorAlert({
  error,
  title,
  onOpenHousehold,
  testId = 'save-error',
}: {
  error: AppError | undefined;
  title?: string;
  onOpenHousehold?: (householdId: number) => void;
  testId?: string;
}) {
  if (error === undefined) return null;
  const issues = errorIssues(error).filter((i) => i.message !== error.message);
  const conflict = errorConflict(error);
  return (
    <Alert
      type="error"
      showIcon
      className="error-alert"
      title={title ?? error.message}
      description={
        title !== undefined || issues.length > 0 || (conflict !== null && onOpenHousehold) ? (
          <>
            {title !== undefined && <div>{error.message}</div>}
            {issues.length > 0 && (
              <ul className="error-alert-issues">
                {issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            )}
            {conflict !== null && onOpenHousehold && (
              <Button
                type="link"
                size="small"
                className="inline-link"
                onClick={() => onOpenHousehold(conflict.householdId)}
                data-testid={`${testId}-open-household`}
              >
                打开 {conflict.householdNo} 户
              </Button>
            )}
          </>
        ) : undefined
      }
      data-testid={testId}
    />
  );
}
