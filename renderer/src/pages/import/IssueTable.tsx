// 错误与提示: where each problem is in the clerk's own file (sheet, Excel row, column letter), which
// field, what is wrong, and whether it stops the row (错误) or only deserves a look (提示).
import { useState, type HTMLAttributes } from 'react';
import { Checkbox, Table, Tag, type TableColumnsType } from 'antd';
import type { ImportPreviewData } from './import-job-state.ts';

type Issue = ImportPreviewData['errors'][number];
type Keyed = Issue & { key: number };

/** Column letters in sheet order: B before AA. */
const letterOrder = (a: string | null, b: string | null): number =>
  (a ?? '').length - (b ?? '').length || (a ?? '').localeCompare(b ?? '');

const text = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '', 'zh');

const columns: TableColumnsType<Keyed> = [
  {
    title: '工作表',
    dataIndex: 'sheet',
    key: 'sheet',
    width: 90,
    ellipsis: true,
    sorter: (a, b) => text(a.sheet, b.sheet),
  },
  {
    title: '行',
    dataIndex: 'row',
    key: 'row',
    width: 64,
    align: 'right',
    sorter: (a, b) => a.row - b.row,
    defaultSortOrder: 'ascend',
    // Row 0: about the whole file (a column it lacks).
    render: (row: number) => (row > 0 ? row : <span className="import-muted">全表</span>),
  },
  {
    title: '姓名',
    dataIndex: 'name',
    key: 'name',
    width: 90,
    ellipsis: true,
    sorter: (a, b) => text(a.name, b.name),
    render: (n: string | null) => n ?? '—',
  },
  {
    title: '列',
    dataIndex: 'column',
    key: 'column',
    width: 56,
    align: 'center',
    className: 'mono',
    sorter: (a, b) => letterOrder(a.column, b.column),
    render: (c: string | null) => c ?? '—',
  },
  {
    title: '字段',
    dataIndex: 'field',
    key: 'field',
    width: 110,
    ellipsis: true,
    sorter: (a, b) => text(a.field, b.field),
    render: (f: string | null) => f ?? '—',
  },
  { title: '说明', dataIndex: 'message', key: 'message' },
  {
    title: '级别',
    dataIndex: 'level',
    key: 'level',
    width: 70,
    sorter: (a, b) => a.level.localeCompare(b.level),
    render: (level: Issue['level']) =>
      level === 'error' ? <Tag color="error">错误</Tag> : <Tag color="warning">提示</Tag>,
  },
];

export function IssueTable({ preview }: { preview: ImportPreviewData }) {
  // One real error must not be buried under many hints: with errors, only they show at first.
  const [errorsOnly, setErrorsOnly] = useState(preview.errorCount > 0 && preview.warningCount > 0);
  const all: Keyed[] = preview.errors.map((e, key) => ({ ...e, key }));
  const rows = errorsOnly ? all.filter((e) => e.level === 'error') : all;
  const total = errorsOnly ? preview.errorCount : preview.errorCount + preview.warningCount;
  return (
    <div data-testid="import-issues">
      <div className="import-tab-lead" data-testid="import-issue-total" data-errors={preview.errorCount}>
        共 <b className={preview.errorCount > 0 ? 'import-error-text' : undefined}>{preview.errorCount}</b>{' '}
        处错误（涉及 {preview.invalidRows} 行）、<b>{preview.warningCount}</b> 处提示。
        {rows.length < total && (
          <span className="import-muted">此处列出前 {rows.length} 处，完整清单请下载错误报告。</span>
        )}
        <Checkbox
          className="import-errors-only"
          checked={errorsOnly}
          disabled={preview.errorCount === 0 && !errorsOnly}
          onChange={(e) => setErrorsOnly(e.target.checked)}
          data-testid="import-errors-only"
        >
          只看错误
        </Checkbox>
      </div>
      <Table<Keyed>
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        onRow={(issue) => issueRowProps(issue)}
        locale={{ emptyText: '没有发现问题' }}
        tableLayout="fixed"
      />
    </div>
  );
}

function issueRowProps(issue: Issue): HTMLAttributes<HTMLElement> {
  const attrs: Record<string, string> = {
    'data-testid': 'import-issue-row',
    'data-row': String(issue.row),
    'data-column': issue.column ?? '',
    'data-level': issue.level,
  };
  return attrs;
}
