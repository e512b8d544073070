// 查人: a person anywhere in the county by name, 证件号码 (or its last digits) or phone, as the clerk
// types. IDs are masked in the list; Enter or a click opens the person.
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { AppError } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PrintButton } from '../print/PrintButton.tsx';
import { useColumnChoice } from '../../components/ColumnChooser.tsx';
import { RevealNumber } from '../../components/RevealNumber.tsx';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useRoute } from '../../state/route.ts';
import type { StatusFilter } from '../../lib/household-query.ts';
import { useImeText } from '../../lib/useImeText.ts';

type Row = ResponseOf<'persons.search'>['rows'][number];

const PAGE_SIZE = 50;

interface Answer {
  key: string;
  total: number;
  rows: Row[];
  error?: AppError;
}

export function PersonSearchPage({ q: initialQ }: { q: string }) {
  const { open } = useRoute();
  const tables = useCodeTables();
  const [q, setQ] = useState(initialQ);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [page, setPage] = useState(1);
  const qText = useImeText(q, (text) => {
    setQ(text);
    setPage(1);
  });
  const query = useDebouncedValue(q.trim(), 250);
  const key = JSON.stringify([query, status, page]);
  const [answer, setAnswer] = useState<Answer>({ key: '', total: 0, rows: [] });

  useEffect(() => {
    if (query === '') return;
    let stale = false;
    const [qq, st, pg] = JSON.parse(key) as [string, StatusFilter, number];
    void api
      .call('persons.search', { q: qq, status: st, offset: (pg - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((r) => {
        if (stale) return;
        setAnswer(
          r.ok
            ? { key, total: r.value.total, rows: r.value.rows }
            : { key, total: 0, rows: [], error: r.error },
        );
      });
    return () => {
      stale = true;
    };
  }, [key, query]);

  const current = answer.key === key && query !== '';
  const openRow = (r: Row) => open({ page: 'person', id: r.id }, r.name);
  const digits = query.replace(/[\s\u3000]+/g, '').toUpperCase();
  const allColumns: (TableColumnsType<Row>[number] & { key: string; title: string; fixed?: never })[] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
    {
      title: '证件号码',
      dataIndex: 'idMasked',
      key: 'id',
      width: 200,
      render: (v: string, r) => (
        <RevealNumber
          masked={v}
          highlight={/^[0-9X]{3,}$/.test(digits) ? digits : undefined}
          target={{ entity: 'person', id: r.id, field: 'id_number' }}
          testId="person-search-id"
        />
      ),
    },
    { title: '性别', key: 'sex', width: 56, render: (_, r) => tables.label('sex', r.sex) },
    { title: '出生日期', dataIndex: 'birthDate', key: 'birth', width: 104 },
    {
      title: '与户主关系',
      key: 'relation',
      width: 96,
      render: (_, r) => tables.label('relation', r.relation),
    },
    {
      title: '户编号',
      dataIndex: 'householdNo',
      key: 'no',
      width: 150,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: '户主', dataIndex: 'headName', key: 'head', width: 84 },
    { title: '村', dataIndex: 'villageName', key: 'village', width: 120 },
    {
      title: '状态',
      key: 'status',
      width: 72,
      render: (_, r) => (r.status === 'cancelled' ? <Tag>已注销</Tag> : '正常'),
    },
  ];
  const { visible: columns, chooser } = useColumnChoice(
    'persons',
    allColumns.map((c) => ({ ...c, fixed: c.key === 'name' ? true : undefined })),
    'person-search-columns',
  );

  return (
    <div className="record-page" data-testid="page-person-search">
      <div className="page-heading">
        <Typography.Title level={4}>查人</Typography.Title>
        <span className="page-heading-path">全县范围</span>
      </div>
      <div className="list-filters-row" style={{ marginBottom: 12 }}>
        <Input
          className="list-search"
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名、证件号码（可只输后 4–6 位）或电话"
          value={qText.value}
          onChange={(e) => qText.change(e.target.value)}
          {...qText.composition}
          onKeyDown={(e) => {
            const first = answer.rows[0];
            if (e.key === 'Enter' && !e.nativeEvent.isComposing && current && answer.total === 1 && first)
              openRow(first);
          }}
          data-testid="person-search-input"
        />
        <Select<StatusFilter>
          className="list-status"
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={[
            { value: 'active', label: '正常' },
            { value: 'cancelled', label: '已注销' },
            { value: 'all', label: '全部（含已注销）' },
          ]}
          data-testid="person-search-status"
        />
        {current && (
          <span className="list-total" data-testid="person-search-total">
            共 {answer.total.toLocaleString('zh-CN')} 人
          </span>
        )}
        <span className="page-heading-actions">
          {chooser}
          <ExportButtons
            choices={[
              {
                key: 'persons',
                label: '人员花名册',
                run: (o) => api.call('persons.export', { q: query, status, ...o }),
              },
            ]}
            disabled={!current || answer.total === 0}
            testId="person-export"
          />
          <PrintButton
            subject="查人"
            disabled={!current || answer.total === 0}
            testId="person-print"
            choices={[
              {
                key: 'list',
                label: '查找结果（当前列表）',
                request: { form: 'table', regionCode: null, personList: { q: query, status } },
                // A report's options do not apply to this list.
                hiddenOptions: ['report', 'asOf'],
              },
            ]}
          />
        </span>
      </div>
      {answer.error !== undefined && current && <Alert type="error" showIcon title={answer.error.message} />}
      <Table<Row>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={query === '' ? [] : answer.rows}
        loading={query !== '' && !current}
        scroll={{ x: 960 }}
        locale={{ emptyText: query === '' ? '请输入要查找的姓名、证件号码或电话' : '没有找到相符的人员' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: current ? answer.total : 0,
          showSizeChanger: false,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        onRow={(r) =>
          ({
            tabIndex: 0,
            className: 'clickable-row',
            onClick: () => openRow(r),
            onKeyDown: (e) => {
              if (e.key === 'Enter') openRow(r);
            },
            'data-testid': 'person-search-row',
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="person-search-results"
      />
    </div>
  );
}
