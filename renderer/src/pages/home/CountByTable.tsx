// One classification of the selected region's households (贫困户属性, 户类型 …) as a small table.
import { Card, Table, type TableColumnsType } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';

export type CountByRow = ResponseOf<'stats.summary'>['byHouseholdType'][number];

const share = (count: number, total: number): string =>
  total > 0 ? `${((count * 100) / total).toFixed(1)}%` : '—';

export function CountByTable(props: {
  title: string;
  rows: CountByRow[];
  households: number;
  testId: string;
}) {
  const { title, rows, households, testId } = props;
  const columns: TableColumnsType<CountByRow> = [
    { title: '类别', dataIndex: 'label', key: 'label', render: (label: string, row) => label || row.code },
    {
      title: '户数',
      dataIndex: 'count',
      key: 'count',
      align: 'right',
      width: 90,
      render: (count: number) => count.toLocaleString('zh-CN'),
    },
    {
      title: '占总户数',
      key: 'share',
      align: 'right',
      width: 90,
      render: (_: unknown, row) => share(row.count, households),
    },
  ];
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<CountByRow>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '无' }}
      />
    </Card>
  );
}
