// 查人: a person anywhere in the county by name, 证件号码 (or its last digits) or phone, as the clerk
// types — the same scrolling list as the household list and the ledgers (PagedList: pages of 100 fetched
// as the clerk scrolls, 37,000 王 as smooth as 3). IDs are masked in the list; ↓ or Enter moves into
// the list, Enter or a double-click opens the person.
import { useCallback, useMemo, useRef } from 'react';
import { Select, Tag, Typography } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { ok } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PrintButton } from '../print/PrintButton.tsx';
import { useColumnChoice } from '../../components/ColumnChooser.tsx';
import { ListSearch } from '../../components/ListSearch.tsx';
import { ListTotal, PagedList, type PagedListHandle } from '../../components/PagedList.tsx';
import { RevealNumber } from '../../components/RevealNumber.tsx';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { usePagedRows } from '../../api/usePagedRows.ts';
import { useCodeTables, type CodeTablesValue } from '../../state/code-tables.ts';
import { useListState } from '../../state/list-state.ts';
import { useRoute } from '../../state/route.ts';
import type { StatusFilter } from '../../lib/household-query.ts';

type Row = ResponseOf<'persons.search'>['rows'][number];

/** 查人's view: the words and 正常/已注销. Its order is fixed (姓名, 正常 first, then id): no sort. */
interface PersonSearchView {
  q: string;
  status: StatusFilter;
  sort: null;
}

interface PersonQuery {
  q: string;
  status: StatusFilter;
}

// Nothing typed yet: nothing to ask the core (it wants at least one character).
const fetchPage = (query: PersonQuery, offset: number, limit: number) =>
  query.q === ''
    ? Promise.resolve(ok({ total: 0, rows: [] as Row[] }))
    : api.call('persons.search', { ...query, offset, limit });

/** The searched digits (ID or phone), to mark where they show in the masked number. */
const searchedDigits = (q: string): string | undefined => {
  const digits = q.replace(/[\s\u3000]+/g, '').toUpperCase();
  return /^[0-9X]{3,}$/.test(digits) ? digits : undefined;
};

function personColumns(tables: CodeTablesValue, digits: string | undefined): VirtualColumn<Row>[] {
  return [
    { key: 'name', title: '姓名', width: 96, fixed: true, frozen: true, render: (r) => r.name },
    {
      key: 'id',
      title: '证件号码',
      width: 200,
      render: (r) => (
        <RevealNumber
          masked={r.idMasked}
          highlight={digits}
          target={{ entity: 'person', id: r.id, field: 'id_number' }}
          testId="person-search-id"
        />
      ),
    },
    { key: 'sex', title: '性别', width: 56, render: (r) => tables.label('sex', r.sex) },
    { key: 'birth', title: '出生日期', width: 104, render: (r) => r.birthDate ?? '' },
    { key: 'relation', title: '与户主关系', width: 96, render: (r) => tables.label('relation', r.relation) },
    {
      key: 'no',
      title: '户编号',
      width: 160,
      render: (r) => <span className="mono">{r.householdNo}</span>,
    },
    { key: 'head', title: '户主', width: 84, render: (r) => r.headName ?? '' },
    { key: 'village', title: '村', width: 120, render: (r) => r.villageName, tooltip: (r) => r.villageName },
    {
      key: 'status',
      title: '状态',
      width: 72,
      render: (r) => (r.status === 'cancelled' ? <Tag>已注销</Tag> : '正常'),
    },
  ];
}

export function PersonSearchPage({ q: initialQ }: { q: string }) {
  const { open } = useRoute();
  const tables = useCodeTables();
  const list = useListState<PersonSearchView>({ q: initialQ, status: 'active', sort: null });
  const { view, setView } = list;
  const q = useDebouncedValue(view.q.trim(), 250);
  const query = useMemo<PersonQuery>(() => ({ q, status: view.status }), [q, view.status]);
  const rows = usePagedRows<Row, PersonQuery>(fetchPage, query, 0);
  const digits = searchedDigits(q);
  const columns = useMemo(() => personColumns(tables, digits), [tables, digits]);
  const { visible, chooser } = useColumnChoice('persons', columns, 'person-search-columns');
  const listRef = useRef<PagedListHandle>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const total = q === '' ? undefined : rows.total;
  const found = total !== undefined && total > 0;

  return (
    <div className="list-page" data-testid="page-person-search">
      <div className="page-heading">
        <Typography.Title level={4}>查人</Typography.Title>
        <span className="page-heading-path">全县范围</span>
      </div>
      <div className="list-filters-row" style={{ marginBottom: 8 }}>
        <ListSearch
          value={view.q}
          onChange={(text) => setView((v) => ({ ...v, q: text }))}
          onFocusList={focusList}
          placeholder="姓名、证件号码（可只输后 4–6 位）或电话"
          ariaLabel="查人"
          testId="person-search-input"
        />
        <Select<StatusFilter>
          className="list-status"
          value={view.status}
          onChange={(status) => setView((v) => ({ ...v, status }))}
          options={[
            { value: 'active', label: '正常' },
            { value: 'cancelled', label: '已注销' },
            { value: 'all', label: '全部（含已注销）' },
          ]}
          data-testid="person-search-status"
        />
        {q !== '' && (
          <ListTotal
            total={total}
            unit="人"
            busy={view.q.trim() !== q || (rows.loading && total !== undefined)}
            testId="person-search-total"
          />
        )}
        <span className="page-heading-actions">
          {chooser}
          <ExportButtons
            choices={[
              {
                key: 'persons',
                label: '人员花名册',
                run: (o) => api.call('persons.export', { ...query, ...o }),
              },
            ]}
            disabled={!found}
            testId="person-export"
          />
          <PrintButton
            subject="查人"
            disabled={!found}
            testId="person-print"
            choices={[
              {
                key: 'list',
                label: '查找结果（当前列表）',
                request: { form: 'table', regionCode: null, personList: query },
              },
            ]}
          />
        </span>
      </div>
      <PagedList
        rows={rows}
        columns={visible}
        state={list}
        onOpen={(r) => open({ page: 'person', id: r.id }, r.name)}
        resetKey={JSON.stringify(query)}
        rowClassName={(r) => (r.status === 'cancelled' ? 'vt-row-cancelled' : undefined)}
        empty={q === '' ? '请输入要查找的姓名、证件号码或电话' : `没有找到与“${q}”相符的人员`}
        errorTitle="查人失败"
        ariaLabel="查人结果"
        testId="person-search-results"
        rowTestId="person-search-row"
        listRef={listRef}
      />
    </div>
  );
}
