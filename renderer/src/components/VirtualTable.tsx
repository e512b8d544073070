// A windowed table for long server-side lists (100,000 households): only the rows in view (plus a few)
// are in the DOM; rows not fetched yet show as grey placeholders. Keyboard: ↑/↓, PageUp/PageDown,
// Home/End move the active row, Enter opens it; a double-click opens too. Header clicks sort.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';

export interface VirtualColumn<Row, S extends string = string> {
  key: string;
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  /** The server-side sort column behind this header, when it can sort. */
  sortColumn?: S;
  render: (row: Row, index: number) => ReactNode;
  /** The cell's tooltip (full text of a clipped value). */
  tooltip?: (row: Row) => string | undefined;
  /** Names the row: the 列 chooser cannot hide it. */
  fixed?: boolean;
  /** Stays in view when the clerk scrolls right (户编号, 户主); frozen columns come first. */
  frozen?: boolean;
}

/** Left offsets of the frozen columns (sticky), and which one is the last (its shadow). */
function frozenStyles<Row, S extends string>(columns: readonly VirtualColumn<Row, S>[]) {
  const styles = new Map<string, { left: number; last: boolean }>();
  let left = 0;
  const frozen = columns.filter((c) => c.frozen);
  frozen.forEach((c, i) => {
    styles.set(c.key, { left, last: i === frozen.length - 1 });
    left += c.width;
  });
  return styles;
}

const frozenClass = (f: { last: boolean } | undefined) =>
  f === undefined ? '' : ` vt-frozen${f.last ? ' vt-frozen-last' : ''}`;

export interface VirtualTableProps<Row, S extends string> {
  columns: readonly VirtualColumn<Row, S>[];
  total: number;
  rowAt: (index: number) => Row | undefined;
  rowKey: (row: Row) => string | number;
  height: number;
  rowHeight?: number;
  sort: { column: S; order: 'asc' | 'desc' } | null;
  onSort: (column: S) => void;
  /** The rows in view changed (first and last index); fetch what is missing. */
  onRangeChange: (start: number, end: number) => void;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (row: Row, index: number) => void;
  /** A new value scrolls back to the top (a new search or filter). */
  resetKey: string;
  /** Where to start on first render (coming back from a household). */
  initialIndex?: number;
  rowClassName?: (row: Row) => string | undefined;
  rowTestId?: string;
  testId?: string;
  ariaLabel: string;
  empty?: ReactNode;
}

const HEADER_HEIGHT = 34;
const OVERSCAN = 6;

export function VirtualTable<Row, S extends string>(props: VirtualTableProps<Row, S>) {
  const {
    columns,
    total,
    rowAt,
    rowKey,
    height,
    sort,
    onSort,
    onRangeChange,
    activeIndex,
    onActiveIndexChange,
    onOpen,
  } = props;
  const rowHeight = props.rowHeight ?? 32;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.max(rowHeight, height - HEADER_HEIGHT);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const frozen = frozenStyles(columns);

  const firstVisible = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, total - 1));
  const lastVisible = Math.min(total - 1, Math.ceil((scrollTop + viewport) / rowHeight));
  const first = Math.max(0, firstVisible - OVERSCAN);
  const last = Math.min(total - 1, lastVisible + OVERSCAN);

  useEffect(() => {
    if (total > 0) onRangeChange(first, last);
  }, [first, last, total, onRangeChange]);

  // A new query starts at the top.
  const [seenReset, setSeenReset] = useState(props.resetKey);
  if (seenReset !== props.resetKey) {
    setSeenReset(props.resetKey);
    setScrollTop(0);
  }
  useEffect(() => {
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
  }, [props.resetKey]);

  // Coming back to the list: the clerk's row, in the middle of the view.
  const [initial] = useState(props.initialIndex ?? 0);
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null || initial <= 0) return;
    el.scrollTop = Math.max(0, initial * rowHeight - el.clientHeight / 2);
    setScrollTop(el.scrollTop);
  }, [initial, rowHeight]);

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    onActiveIndexChange(next);
    const el = scrollRef.current;
    if (el === null) return;
    const top = next * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + viewport) el.scrollTop = top + rowHeight - viewport;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        const row = rowAt(activeIndex);
        if (row !== undefined) onOpen(row, activeIndex);
      },
    };
    const action = keys[e.key];
    if (action === undefined || e.target !== e.currentTarget) return;
    e.preventDefault();
    action();
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    const active = i === activeIndex;
    rows.push(
      <div
        key={row === undefined ? `placeholder-${i}` : rowKey(row)}
        id={active ? 'vt-active-row' : undefined}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={active}
        className={`vt-row${active ? ' vt-row-active' : ''}${i % 2 === 1 ? ' vt-row-odd' : ''}${
          row === undefined ? ' vt-row-placeholder' : ` ${props.rowClassName?.(row) ?? ''}`
        }`}
        style={{ top: i * rowHeight, height: rowHeight, width }}
        onMouseDown={() => onActiveIndexChange(i)}
        onDoubleClick={() => row !== undefined && onOpen(row, i)}
        data-index={i}
        data-testid={row === undefined ? undefined : props.rowTestId}
      >
        {columns.map((c) => (
          <div
            key={c.key}
            role="gridcell"
            className={`vt-cell vt-align-${c.align ?? 'left'}${frozenClass(frozen.get(c.key))}`}
            style={{ width: c.width, left: frozen.get(c.key)?.left }}
            title={row === undefined ? undefined : c.tooltip?.(row)}
          >
            {row === undefined ? <span className="vt-placeholder-bar" /> : c.render(row, i)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="vt"
      style={{ height }}
      tabIndex={0}
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={total + 1}
      aria-activedescendant={activeIndex >= first && activeIndex <= last ? 'vt-active-row' : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      data-testid={props.testId}
      data-total={total}
    >
      <div className="vt-header" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT, width }}>
        {columns.map((c) => {
          const sorted =
            sort !== null && c.sortColumn !== undefined && sort.column === c.sortColumn ? sort.order : null;
          return (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              className={`vt-cell vt-head vt-align-${c.align ?? 'left'}${c.sortColumn ? ' vt-sortable' : ''}${frozenClass(frozen.get(c.key))}`}
              style={{ width: c.width, left: frozen.get(c.key)?.left }}
              onClick={c.sortColumn === undefined ? undefined : () => onSort(c.sortColumn as S)}
              title={c.sortColumn === undefined ? c.title : `${c.title}（点击排序）`}
              data-testid={`vt-head-${c.key}`}
            >
              <span className="vt-head-title">{c.title}</span>
              {c.sortColumn !== undefined && (
                <span className="vt-sorter">
                  <CaretUpOutlined className={sorted === 'asc' ? 'on' : ''} />
                  <CaretDownOutlined className={sorted === 'desc' ? 'on' : ''} />
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div className="vt-body" style={{ height: Math.max(total * rowHeight, 1), width }}>
        {rows}
      </div>
      {total === 0 && props.empty !== undefined && <div className="vt-empty">{props.empty}</div>}
    </div>
  );
}
