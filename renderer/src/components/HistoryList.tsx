// 历史: the audit lines of a household (with its members' changes), of one person or of a ledger record,
// newest first, already rendered in plain Chinese by the core.
import { Button, Empty, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { useLedgerQuery, type LedgerQuery } from '../api/useLedgerQuery.ts';
import { LoadErrorAlert } from './LoadErrorAlert.tsx';

const ACTION_COLORS: Record<string, string> = {
  create: 'history-create',
  cancel: 'history-cancel',
  restore: 'history-restore',
};

export function HistoryList({
  householdId,
  personId,
  version,
}: {
  householdId?: number;
  personId?: number;
  version: number;
}) {
  const request = householdId !== undefined ? { householdId, limit: 500 } : { personId, limit: 500 };
  const history = useLedgerQuery('audit.list', request, [version]);
  return <HistoryView history={history} />;
}

/** The audit lines of any answer in the audit shape (a household, a person, a ledger record). */
export function HistoryView({ history }: { history: LedgerQuery<ResponseOf<'audit.list'>> }) {
  if (history.error !== undefined) {
    return (
      <LoadErrorAlert
        title="历史记录读取失败"
        error={history.error}
        onRetry={history.reload}
        testId="history-error"
      />
    );
  }
  if (history.data === undefined)
    return <Spin description="正在读取历史……" style={{ display: 'block', padding: 24 }} />;
  if (history.data.length === 0) return <Empty description="暂无修改记录" data-testid="history-empty" />;
  return (
    <div className="history" data-testid="history-list">
      <div className="history-toolbar">
        <span>共 {history.data.length} 条记录（最新的在前）</span>
        <Button size="small" icon={<ReloadOutlined />} onClick={history.reload} loading={history.loading}>
          刷新
        </Button>
      </div>
      <ol className="history-entries">
        {history.data.map((entry) => (
          <li
            key={entry.id}
            className={`history-entry ${ACTION_COLORS[entry.action] ?? ''}`}
            data-action={entry.action}
          >
            {entry.lines.map((line, n) => (
              <div key={n} className="history-line" data-testid="history-line">
                {line}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
