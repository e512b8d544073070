// 户籍台账: the households of the region selected in the tree, smooth at 100,000 rows (the core pages
// and sorts), with filters and a search that answers as the clerk types. Enter or a double-click opens
// the household.
import { useCallback, useMemo } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { buildHouseholdQuery, nextSort, normalizeListSearch } from '../../lib/household-query.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useHouseholdView } from '../../state/household-view.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { LEVEL_LABELS } from '../../state/region-tree-data.ts';
import { useRoute } from '../../state/route.ts';
import { useElementHeight } from '../../layout/useElementHeight.ts';
import { householdColumns } from './household-columns.tsx';
import { HouseholdFilters } from './HouseholdFilters.tsx';
import { useHouseholdRows } from './useHouseholdRows.ts';

export const SEARCH_DEBOUNCE_MS = 250;

export function HouseholdListPage() {
  const { selectedCode, selected, path } = useRegionSelection();
  const { view, setView, activeIndex, setActiveIndex } = useHouseholdView();
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
      }),
    [tables, selected, view.status, search],
  );

  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  const focusList = useCallback(() => {
    boxRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [boxRef]);

  const total = rows.total;
  const parents = path.slice(0, -1).map((n) => n.name);
  const searching = view.search !== search || (rows.loading && total !== undefined);

  return (
    <div className="list-page" data-testid="page-households">
      <div className="page-heading">
        <Typography.Title level={4}>户籍台账</Typography.Title>
        <span className="list-region" data-testid="household-list-region">
          {selected?.name ?? '全县'}
          {selected !== undefined && <Tag className="list-region-tag">{LEVEL_LABELS[selected.level]}</Tag>}
          {parents.length > 0 && <span className="page-heading-path">{parents.join(' / ')}</span>}
        </span>
        <span className="list-total" data-testid="household-total" data-value={total ?? ''}>
          {total === undefined ? '正在读取……' : `共 ${total.toLocaleString('zh-CN')} 户`}
          {searching && <span className="list-total-busy">（查询中）</span>}
        </span>
        <span className="page-heading-actions">
          <Button
            icon={<ReloadOutlined />}
            onClick={() => rows.reload(activeIndex)}
            data-testid="household-reload"
          >
            刷新
          </Button>
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

      <LoadErrorAlert
        title="户列表读取失败"
        error={rows.error}
        onRetry={() => rows.reload(activeIndex)}
        testId="household-list-error"
      />

      <div className="list-box" ref={boxRef}>
        {height > 0 && (
          <VirtualTable
            columns={columns}
            total={total ?? 0}
            rowAt={rows.rowAt}
            rowKey={(r) => r.id}
            height={height}
            sort={view.sort}
            onSort={(column) => setView((v) => ({ ...v, sort: nextSort(v.sort, column) }))}
            onRangeChange={rows.ensure}
            activeIndex={activeIndex}
            onActiveIndexChange={setActiveIndex}
            onOpen={(row) => open({ page: 'household', id: row.id }, `户 ${row.householdNo}`)}
            resetKey={queryKey}
            initialIndex={activeIndex}
            rowClassName={(r) => (r.status === 'cancelled' ? 'vt-row-cancelled' : undefined)}
            rowTestId="household-row"
            testId="household-list"
            ariaLabel="户列表"
            empty={
              total === 0 ? (
                <span data-testid="household-list-empty">
                  {view.search.trim() !== ''
                    ? `没有找到与“${view.search.trim()}”相符的户`
                    : '没有符合条件的户'}
                </span>
              ) : undefined
            }
          />
        )}
      </div>
      <div className="list-hint">↑↓ 选择，Enter 或双击打开；点击列标题排序</div>
    </div>
  );
}
