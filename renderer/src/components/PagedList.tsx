// A long server-side list as the household list and every thematic ledger show it: its total beside the
// search (ListTotal), a load error with 重试, the windowed table filling the room left (rows fetched page by
// page as the clerk scrolls, usePagedRows) and the keyboard hint under it. The page keeps its own view
// (search, filters, sort, active row); `listRef.focus()` puts the keyboard on the rows (↓ from the search).
import { useCallback, useImperativeHandle, type ReactNode, type Ref } from 'react';
import type { AppError } from '../../../shared/result.ts';
import { useElementHeight } from '../layout/useElementHeight.ts';
import { LoadErrorAlert } from './LoadErrorAlert.tsx';
import { nextSort } from '../lib/household-query.ts';
import type { ListState } from '../state/list-state.ts';
import { VirtualTable, type VirtualTableProps } from './VirtualTable.tsx';

/** What usePagedRows gives. */
export interface PagedListRows<Row> {
  total: number | undefined;
  rowAt: (index: number) => Row | undefined;
  ensure: (start: number, end: number) => void;
  reload: (around: number) => void;
  loading: boolean;
  error: AppError | undefined;
}

const rowId = (row: { id: number }) => row.id;

export interface PagedListHandle {
  /** Moves the keyboard to the rows. */
  focus: () => void;
}

type Sort<S extends string> = { column: S; order: 'asc' | 'desc' } | null;

export type PagedListProps<Row extends { id: number }, S extends string, V extends { sort: Sort<S> }> = Pick<
  VirtualTableProps<Row, S>,
  'columns' | 'onOpen' | 'resetKey' | 'initialIndex' | 'rowClassName' | 'ariaLabel' | 'rowTestId'
> & {
  rows: PagedListRows<Row>;
  /** The page's view of the list and its active row; a header click changes the sort (升序 → 降序 → none). */
  state: ListState<V>;
  /** Shown when the list is empty. */
  empty: ReactNode;
  /** '户列表读取失败'. */
  errorTitle: string;
  /** data-testid of the table; the error gets `${testId}-error`, the empty text `${testId}-empty`. */
  testId: string;
  listRef?: Ref<PagedListHandle>;
};

export function PagedList<Row extends { id: number }, S extends string, V extends { sort: Sort<S> }>(
  props: PagedListProps<Row, S, V>,
) {
  const { rows, state, testId } = props;
  const { activeIndex, setView } = state;
  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  const focus = useCallback(() => {
    boxRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [boxRef]);
  useImperativeHandle(props.listRef, () => ({ focus }), [focus]);

  return (
    <>
      <LoadErrorAlert
        title={props.errorTitle}
        error={rows.error}
        onRetry={() => rows.reload(activeIndex)}
        testId={`${testId}-error`}
      />
      <div className="list-box" ref={boxRef}>
        {height > 0 && (
          <VirtualTable
            columns={props.columns}
            total={rows.total ?? 0}
            rowAt={rows.rowAt}
            rowKey={rowId}
            height={height}
            sort={state.view.sort}
            onSort={(column) => setView((v) => ({ ...v, sort: nextSort(v.sort, column) }))}
            onRangeChange={rows.ensure}
            activeIndex={activeIndex}
            onActiveIndexChange={state.setActiveIndex}
            onOpen={props.onOpen}
            resetKey={props.resetKey}
            initialIndex={props.initialIndex}
            rowClassName={props.rowClassName}
            rowTestId={props.rowTestId}
            testId={testId}
            ariaLabel={props.ariaLabel}
            empty={rows.total === 0 ? <span data-testid={`${testId}-empty`}>{props.empty}</span> : undefined}
          />
        )}
      </div>
      <div className="list-hint">
        ↑↓ 选择，Enter 或双击打开{props.columns.some((c) => c.sortColumn !== undefined) && '；点击列标题排序'}
      </div>
    </>
  );
}

/** '共 1,234 户' beside the search, '正在读取……' before the first answer, '（查询中）' while one is due. */
export function ListTotal(props: { total: number | undefined; unit: string; busy: boolean; testId: string }) {
  const { total } = props;
  return (
    <span className="list-total" data-testid={props.testId} data-value={total ?? ''}>
      {total === undefined ? '正在读取……' : `共 ${total.toLocaleString('zh-CN')} ${props.unit}`}
      {props.busy && <span className="list-total-busy">（查询中）</span>}
    </span>
  );
}
