// 导入历史: every import batch, newest first, with its counts, the rows it did not write (unfold the
// batch to read them, each with why) and 撤销本次导入. The core refuses an undo when a row of the batch
// was edited afterwards; that refusal is shown as it comes, in Chinese.
import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { testIdProps } from '../../lib/test-id.ts';
import { ledgerName } from '../ledgers/ledger-groups.ts';
import { localTime, type Counts } from './import-format.ts';
import { NotImportedRows } from './PreviewDetails.tsx';

type Batch = ResponseOf<'import.history'>[number];

/** '3 · 0 · 1' with the meaning in the column title. */
const counts = (c: Counts) => (
  <span className="import-history-counts">
    <span className={c.created > 0 ? 'import-count-new' : undefined}>{c.created}</span>
    {' · '}
    <span className={c.updated > 0 ? 'import-count-changed' : undefined}>{c.updated}</span>
    {' · '}
    {c.unchanged}
  </span>
);

/** A count that does not apply (records of a register import, households of a ledger import). */
const NONE = <span className="import-muted">—</span>;

const countsTitle = (kind: string) => (
  <span className="import-counts-title">
    {kind}
    <small>新增·修改·未变</small>
  </span>
);

export function ImportHistory({ highlight }: { highlight: number | null }) {
  const { message } = App.useApp();
  const history = useLedgerQuery('import.history', { limit: 100 });
  const [undoing, setUndoing] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<AppError>();

  const undo = async (batch: Batch) => {
    setUndoing(batch.batchId);
    setRefusal(undefined);
    const r = await api.call('import.undo', { batchId: batch.batchId });
    setUndoing(null);
    if (!r.ok) {
      setRefusal(r.error);
      return;
    }
    void message.success(
      `已撤销第 ${r.value.batchId} 批导入：删除 ${r.value.householdsRemoved} 户、${r.value.personsRemoved} 人、${r.value.recordsRemoved} 条专项记录，修改过的记录已恢复原值。`,
      6,
    );
    history.reload();
  };

  const columns: TableColumnsType<Batch> = [
    { title: '批次', dataIndex: 'batchId', key: 'batchId', width: 52, align: 'right' },
    {
      title: '文件 · 工作表',
      key: 'file',
      ellipsis: true,
      render: (_: unknown, b) => (
        <span title={`${b.fileName ?? ''}${b.sheet !== null ? ` · ${b.sheet}` : ''}`}>
          {b.fileName ?? '—'}
          {b.sheet !== null && <span className="import-muted"> · {b.sheet}</span>}
        </span>
      ),
    },
    {
      title: '导入到',
      key: 'into',
      width: 96,
      ellipsis: true,
      render: (_: unknown, b) => (
        <span data-testid="import-history-into">{b.into === null ? '户籍台账' : ledgerName(b.into)}</span>
      ),
    },
    { title: '操作员', dataIndex: 'operator', key: 'operator', width: 68, ellipsis: true },
    {
      title: '时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      className: 'import-nowrap',
      render: (at: string) => localTime(at),
    },
    {
      title: countsTitle('户'),
      key: 'households',
      width: 100,
      align: 'center',
      render: (_: unknown, b) => (b.into === null ? counts(b.households) : NONE),
    },
    {
      title: countsTitle('人'),
      key: 'persons',
      width: 100,
      align: 'center',
      render: (_: unknown, b) => (b.into === null ? counts(b.persons) : NONE),
    },
    {
      title: countsTitle('记录'),
      key: 'records',
      width: 100,
      align: 'center',
      render: (_: unknown, b) => (b.into === null ? NONE : counts(b.records)),
    },
    {
      title: '未导入',
      key: 'notImported',
      width: 64,
      align: 'center',
      render: (_: unknown, b) => (
        <span
          data-testid="import-history-not-imported"
          className={b.notImported.count > 0 ? 'import-error-text' : undefined}
        >
          {b.notImported.count > 0 ? `${b.notImported.count} 行` : b.dataRows === null ? '—' : '0'}
        </span>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 142,
      render: (_: unknown, b) =>
        b.undoneAt === null ? (
          <Popconfirm
            title={`撤销第 ${b.batchId} 批导入？`}
            description={
              <div className="import-undo-text">
                这批导入新增的户和人将被删除，修改过的记录恢复为导入前的值。导入之后又被修改过的记录会阻止撤销。
              </div>
            }
            okText="撤销本次导入"
            cancelText="不撤销"
            okButtonProps={{ danger: true, ...testIdProps('import-undo-confirm') }}
            onConfirm={() => undo(b)}
          >
            <Button
              size="small"
              icon={<UndoOutlined />}
              loading={undoing === b.batchId}
              disabled={undoing !== null && undoing !== b.batchId}
              data-testid={`import-undo-${b.batchId}`}
            >
              撤销本次导入
            </Button>
          </Popconfirm>
        ) : (
          <span
            data-testid={`import-undone-${b.batchId}`}
            title={`${b.undoneBy ?? ''} 于 ${localTime(b.undoneAt)} 撤销`}
          >
            <Tag>已撤销</Tag>
            <span className="import-muted">{b.undoneBy ?? ''}</span>
          </span>
        ),
    },
  ];

  return (
    <div data-testid="import-history">
      <div className="import-history-toolbar">
        <span className="import-muted">
          最近 100 批导入，最新的在前。撤销会删除该批新增的户和人、恢复被改写的记录。
        </span>
        <Button size="small" icon={<ReloadOutlined />} onClick={history.reload} loading={history.loading}>
          刷新
        </Button>
      </div>
      {refusal !== undefined && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(undefined) }}
          title="未撤销"
          description={refusal.message}
          className="import-alert"
          data-testid="import-undo-error"
        />
      )}
      {history.error !== undefined && (
        <Alert
          type="error"
          showIcon
          title="导入历史读取失败"
          description={history.error.message}
          className="import-alert"
        />
      )}
      <Table<Batch>
        size="small"
        rowKey="batchId"
        columns={columns}
        dataSource={history.data ?? []}
        loading={history.loading && history.data === undefined}
        pagination={
          (history.data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false
        }
        rowClassName={(b) =>
          [
            b.undoneAt !== null ? 'import-row-undone' : '',
            b.batchId === highlight ? 'import-row-highlight' : '',
          ].join(' ')
        }
        onRow={(b) => batchRowProps(b)}
        expandable={{
          rowExpandable: (b) => b.notImported.count > 0,
          expandedRowRender: (b) => (
            <NotImportedRows
              rows={b.notImported.rows}
              count={b.notImported.count}
              lead={`这批导入的 ${b.dataRows ?? ''} 个数据行中，这 ${b.notImported.count} 行没有写入：`}
              testId={`import-history-not-imported-${b.batchId}`}
            />
          ),
        }}
        locale={{ emptyText: '还没有导入过文件' }}
        tableLayout="fixed"
        data-testid="import-history-table"
      />
    </div>
  );
}

function batchRowProps(b: Batch): HTMLAttributes<HTMLElement> {
  const attrs: Record<string, string> = {
    'data-testid': 'import-history-row',
    'data-batch': String(b.batchId),
    'data-undone': b.undoneAt === null ? 'false' : 'true',
  };
  return attrs;
}
