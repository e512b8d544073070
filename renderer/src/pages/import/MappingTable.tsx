// 列对应: each column of the sheet, its header, what it is imported as (changeable), and how sure the
// automatic mapping was. A change goes to the core at once (import.remap) and the preview follows.
import { useMemo } from 'react';
import { Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { confidenceTag, NOT_IMPORTED, targetOptions, targetText } from './import-targets.ts';
import type { ImportPreviewData } from './import-job-state.ts';

type Mapping = ImportPreviewData['mapping'][number];

export function MappingTable(props: {
  mapping: readonly Mapping[];
  /** The ledger the file goes into (null: the household register). */
  into: string | null;
  disabled: boolean;
  onChange: (header: string, target: string | null) => void;
}) {
  const { mapping, into, disabled, onChange } = props;
  const options = useMemo(() => targetOptions(into), [into]);
  const columns: TableColumnsType<Mapping> = [
    { title: '列', dataIndex: 'letter', key: 'letter', width: 52, align: 'center', className: 'mono' },
    {
      title: '表头',
      dataIndex: 'header',
      key: 'header',
      ellipsis: true,
      render: (header: string) => (header === '' ? <span className="import-muted">（无表头）</span> : header),
    },
    {
      title: '导入为',
      key: 'target',
      width: 260,
      render: (_: unknown, m) => (
        <Select<string>
          size="small"
          className="import-target-select"
          value={m.target ?? NOT_IMPORTED}
          options={options}
          labelRender={({ value }) => targetText(value === NOT_IMPORTED ? null : String(value), into)}
          onChange={(value) => onChange(m.header, value === NOT_IMPORTED ? null : value)}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={disabled}
          popupMatchSelectWidth={false}
          listHeight={320}
          aria-label={`第 ${m.letter} 列导入为`}
          data-testid={`import-map-${m.letter}`}
        />
      ),
    },
    {
      title: '对应方式',
      key: 'confidence',
      width: 88,
      render: (_: unknown, m) => {
        const tag = confidenceTag(m.target, m.confidence);
        return (
          <Tooltip title={tag.hint}>
            <Tag color={tag.color} data-testid={`import-confidence-${m.letter}`}>
              {tag.text}
            </Tag>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <Table<Mapping>
      size="small"
      rowKey="index"
      columns={columns}
      dataSource={[...mapping]}
      pagination={false}
      rowClassName={(m) => (m.target === null ? 'import-row-unmapped' : '')}
      locale={{ emptyText: '没有识别到表头' }}
      data-testid="import-mapping"
    />
  );
}
