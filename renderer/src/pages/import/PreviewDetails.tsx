// The smaller lists of the preview: data rows that will not be written (and why), rows the reader set
// aside, groups to be created, records that would change (and which fields).
import type { HTMLAttributes } from 'react';
import { Table, Tag, type TableColumnsType } from 'antd';
import type { ImportPreviewData } from './import-job-state.ts';

type Skipped = ImportPreviewData['skipped'][number];
type Change = ImportPreviewData['changes'][number];
type NotImported = ImportPreviewData['notImported'][number];

const notImportedColumns: TableColumnsType<NotImported> = [
  { title: '行', dataIndex: 'row', key: 'row', width: 64, align: 'right' },
  {
    title: '姓名',
    dataIndex: 'name',
    key: 'name',
    width: 96,
    ellipsis: true,
    render: (name: string | null | undefined) => name ?? '—',
  },
  {
    title: '',
    dataIndex: 'kind',
    key: 'kind',
    width: 84,
    render: (kind: NotImported['kind']) =>
      kind === 'error' ? <Tag color="error">有错误</Tag> : <Tag color="warning">暂未导入</Tag>,
  },
  { title: '原因', dataIndex: 'reason', key: 'reason' },
];

/**
 * Data rows that are (or would be) not written, each with its row, 姓名 and why: its own error, or held
 * back with its household. `count` is exact; `rows` may be the first 2,000.
 */
export function NotImportedRows(props: {
  rows: readonly NotImported[];
  count: number;
  lead: string;
  testId?: string;
}) {
  const { rows, count, lead, testId = 'import-not-imported' } = props;
  return (
    <div data-testid={testId} data-count={count}>
      <div className="import-tab-lead">
        {lead}
        {rows.length < count && <span className="import-muted">此处列出前 {rows.length} 行。</span>}
      </div>
      <Table<NotImported>
        size="small"
        rowKey="row"
        columns={notImportedColumns}
        dataSource={[...rows]}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        onRow={(r) => notImportedRowProps(r)}
        locale={{ emptyText: '每一行都会写入台账' }}
        tableLayout="fixed"
      />
    </div>
  );
}

const skippedColumns: TableColumnsType<Skipped> = [
  { title: '行', dataIndex: 'row', key: 'row', width: 80, align: 'right' },
  { title: '原因', dataIndex: 'reason', key: 'reason' },
];

function notImportedRowProps(r: NotImported): HTMLAttributes<HTMLElement> {
  const attrs: Record<string, string> = {
    'data-testid': 'import-not-imported-row',
    'data-row': String(r.row),
    'data-kind': r.kind,
  };
  return attrs;
}

export function SkippedRows({ skipped }: { skipped: readonly Skipped[] }) {
  return (
    <div data-testid="import-skipped">
      <div className="import-tab-lead">这些行不是数据（合计、签字、空行等），不会导入。</div>
      <Table<Skipped>
        size="small"
        rowKey="row"
        columns={skippedColumns}
        dataSource={[...skipped]}
        pagination={skipped.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        locale={{ emptyText: '没有略过的行' }}
      />
    </div>
  );
}

export function NewGroups({ groups }: { groups: readonly string[] }) {
  return (
    <div data-testid="import-new-groups">
      <div className="import-tab-lead">
        表中写了台账里还没有的组：导入时会在所属村下新建这些组（撤销导入时一并删除）。
      </div>
      {groups.length === 0 ? (
        <span className="import-muted">不会新建组。</span>
      ) : (
        <div className="import-tags">
          {groups.map((g) => (
            <Tag key={g}>{g}</Tag>
          ))}
        </div>
      )}
    </div>
  );
}

const changeColumns: TableColumnsType<Change & { key: number }> = [
  {
    title: '类别',
    dataIndex: 'kind',
    key: 'kind',
    width: 64,
    render: (kind: Change['kind']) => (kind === 'household' ? '户' : kind === 'record' ? '记录' : '人'),
  },
  { title: '户编号 / 姓名', dataIndex: 'label', key: 'label', width: 200, ellipsis: true },
  { title: '行', dataIndex: 'row', key: 'row', width: 64, align: 'right' },
  {
    title: '将修改的字段',
    dataIndex: 'fields',
    key: 'fields',
    render: (fields: string[]) => fields.join('、'),
  },
];

export function ChangedRecords({ changes, updated }: { changes: readonly Change[]; updated: number }) {
  return (
    <div data-testid="import-changes">
      <div className="import-tab-lead">
        台账里已有、这次会被表中数据改写的记录。
        {changes.length < updated && <span className="import-muted">此处列出前 {changes.length} 条。</span>}
      </div>
      <Table<Change & { key: number }>
        size="small"
        columns={changeColumns}
        dataSource={changes.map((c, key) => ({ ...c, key }))}
        pagination={changes.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        locale={{ emptyText: '不会修改已有的记录' }}
      />
    </div>
  );
}
