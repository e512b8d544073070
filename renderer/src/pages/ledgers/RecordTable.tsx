// A few records of one ledger in a plain table (a household's tab, a parent record's children): the
// ledger's list columns; a click opens the record.
import type { HTMLAttributes } from 'react';
import { Table } from 'antd';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { recordColumns, tableColumns, type ColumnOptions, type LedgerRecord } from './ledger-display.tsx';

export function RecordTable(props: {
  def: LedgerDef;
  rows: readonly LedgerRecord[];
  options?: ColumnOptions;
  loading?: boolean;
  onOpen: (record: LedgerRecord) => void;
  testId: string;
}) {
  const { def, rows, options, onOpen, testId } = props;
  const tables = useCodeTables();
  const columns = recordColumns(def, tables, options);
  return (
    <Table<LedgerRecord>
      size="small"
      rowKey="id"
      columns={tableColumns(columns)}
      dataSource={[...rows]}
      loading={props.loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
      scroll={{ x: columns.reduce((sum, c) => sum + c.width, 0) }}
      tableLayout="fixed"
      locale={{ emptyText: '暂无记录' }}
      rowClassName="clickable-row"
      onRow={(r) =>
        ({
          'data-testid': `${testId}-row`,
          'data-record-id': r.id,
          onClick: () => onOpen(r),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
