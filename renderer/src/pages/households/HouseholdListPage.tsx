// 户籍台账: the households of the region selected in the tree, smooth at 100,000 rows (the core pages
// and sorts), with filters and a search that answers as the clerk types. Enter or a double-click opens
// the household.
import { useCallback, useMemo, useRef } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { ListTotal, PagedList, type PagedListHandle } from '../../components/PagedList.tsx';
import { buildHouseholdQuery, normalizeListSearch } from '../../lib/household-query.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useHouseholdView } from '../../state/household-view.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { RegionScope } from '../../nav/RegionScope.tsx';
import { useRoute } from '../../state/route.ts';
import { householdColumns } from './household-columns.tsx';
import { HouseholdFilters } from './HouseholdFilters.tsx';
import { useHouseholdRows } from './useHouseholdRows.ts';
import { api } from '../../api/transport.ts';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { useColumnChoice } from '../../components/ColumnChooser.tsx';
import { PrintButton } from '../print/PrintButton.tsx';

export const SEARCH_DEBOUNCE_MS = 250;

/** The search as ID/phone digits (spaces out, x as X), to mark where they show; undefined for a name. */
const searchedDigits = (search: string): string | undefined => {
  const d = search.replace(/[\s\u3000]+/g, '').toUpperCase();
  return /^[0-9X]{3,}$/.test(d) ? d : undefined;
};

export function HouseholdListPage() {
  const { selectedCode, selected } = useRegionSelection();
  const list = useHouseholdView();
  const { view, setView, activeIndex } = list;
  const { open } = useRoute();
  const tables = useCodeTables();

  const search = useDebouncedValue(view.search, SEARCH_DEBOUNCE_MS);
  const query = useMemo(
    () => buildHouseholdQuery({ ...view, search }, selectedCode),
    [view, search, selectedCode],
  );
  const rows = useHouseholdRows(query, activeIndex);
  const queryKey = JSON.stringify(query);

  const columns = useMemo(
    () =>
      householdColumns(tables, {
        showTownship: selected === undefined || selected.level === 'county',
        showVillage: selected === undefined || selected.level === 'county' || selected.level === 'township',
        showStatus: view.status !== 'active',
        showMatched: normalizeListSearch(search) !== '',
        digits: searchedDigits(search),
      }),
    [tables, selected, view.status, search],
  );
  const { visible, chooser } = useColumnChoice('households', columns, 'household-columns');

  const listRef = useRef<PagedListHandle>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);

  const total = rows.total;
  const searching = view.search !== search || (rows.loading && total !== undefined);

  return (
    <div className="list-page" data-testid="page-households">
      <div className="page-heading">
        <Typography.Title level={4}>户籍台账</Typography.Title>
        <RegionScope testId="household-list-region" />
        <ListTotal total={total} unit="户" busy={searching} testId="household-total" />
        <span className="page-heading-actions">
          {chooser}
          <Button
            icon={<ReloadOutlined />}
            onClick={() => rows.reload(activeIndex)}
            data-testid="household-reload"
          >
            刷新
          </Button>
          <ExportButtons
            choices={[
              {
                key: 'households',
                label: '户花名册',
                // The list's own filters, search and sort.
                run: (o) => api.call('households.export', { ...query, ...o }),
              },
              {
                key: 'persons',
                label: '人员花名册',
                // Every member in the selected region, in the register's import shape.
                run: (o) =>
                  api.call('persons.export', { regionCode: selectedCode, status: view.status, ...o }),
              },
            ]}
            disabled={total === 0}
            testId="household-export"
          />
          <PrintButton
            subject={selected?.name ?? '全县'}
            disabled={total === 0}
            testId="household-print"
            choices={[
              // The list as it is on screen: its filters and search.
              {
                key: 'list',
                label: '户列表（当前筛选）',
                request: { form: 'table', regionCode: selectedCode, householdList: query },
              },
              { key: 'roster', request: { form: 'roster', regionCode: selectedCode } },
              { key: 'notice', request: { form: 'notice', regionCode: selectedCode } },
              { key: 'rectification', request: { form: 'rectification', regionCode: selectedCode } },
            ]}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => open({ page: 'new-household' })}
            data-testid="household-new"
          >
            新增户
          </Button>
        </span>
      </div>

      <HouseholdFilters view={view} onChange={setView} onFocusList={focusList} />

      <PagedList
        rows={rows}
        columns={visible}
        state={list}
        onOpen={(row) => open({ page: 'household', id: row.id }, `户 ${row.householdNo}`)}
        resetKey={queryKey}
        initialIndex={activeIndex}
        rowClassName={(r) => (r.status === 'cancelled' ? 'vt-row-cancelled' : undefined)}
        empty={view.search.trim() !== '' ? `没有找到与“${view.search.trim()}”相符的户` : '没有符合条件的户'}
        errorTitle="户列表读取失败"
        ariaLabel="户列表"
        testId="household-list"
        rowTestId="household-row"
        listRef={listRef}
      />
    </div>
  );
}
