// 查看明细: the households, persons or records behind one number of a report, in a drawer over the report —
// paged from the core as the clerk scrolls (county-sized lists included). Enter or a double-click opens the
// household page (返回 comes back here); Esc closes the drawer.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Drawer } from 'antd';
import type { RequestOf } from '../../../../shared/contract/index.ts';
import { ok, type Result } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { usePagedRows } from '../../api/usePagedRows.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable.tsx';
import { useElementHeight } from '../../layout/useElementHeight.ts';
import type { Page } from '../../lib/paged-rows.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useRoute } from '../../state/route.ts';
import { drillColumns, drillHousehold, type Drill, type DrillRow } from './drill-columns.tsx';
import type { ReportColumnInfo } from './ReportsPage.tsx';
import type { DrillTarget } from './report-view.ts';

export type DrillQuery = Omit<RequestOf<'reports.drill'>, 'offset' | 'limit'>;

const UNIT = { households: '户', persons: '人', records: '条' } as const;

const count = (n: number) => n.toLocaleString('zh-CN');

/** '计划外出务工 · 县内 · 户数 — 某某村：123 户'. */
export function drillTitle(column: ReportColumnInfo, target: DrillTarget, text: string): string {
  const unit = column.kind === 'households' ? ' 户' : column.kind === 'persons' ? ' 人' : '';
  return `${column.path.join(' · ')} — ${target.rowLabel}：${text}${unit}`;
}

/** What the list holds, in a sentence under the title. */
function describe(drill: Drill): string {
  const n = `${count(drill.total)} ${UNIT[drill.list]}`;
  const what = drill.measure.path.join(' · ');
  const lead =
    drill.rate === null ? '' : `“${drill.rate.path.join(' · ')}”是比率，下面列出它的分子“${what}”：`;
  if (drill.sum !== null)
    return `${lead}共 ${n}${drill.list === 'records' ? '记录' : ''}，${drill.valueLabel ?? '金额'}合计 ${drill.sum.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}。`;
  switch (drill.list) {
    case 'households':
      return `${lead}共 ${n}。每户一行：一户有几名成员或几条记录的，只列一次。`;
    case 'persons':
      return `${lead}共 ${n}。每人一行；户籍外人员每条记录计一人。`;
    case 'records':
      return `${lead}共 ${n}记录。`;
  }
}

export function DrillDrawer(props: {
  query: DrillQuery;
  title: string;
  initialIndex: number;
  onIndexChange: (index: number) => void;
  /** The drawer has closed (Esc, ×, a click beside it) and its closing animation is over. */
  onClosed: () => void;
}) {
  const { query, onIndexChange } = props;
  const { open } = useRoute();
  const tables = useCodeTables();
  // The head of the latest page (what the number counts, the total, a sum); rows come page by page.
  const [drill, setDrill] = useState<Drill | undefined>(undefined);
  const fetchPage = useCallback(
    async (q: DrillQuery, offset: number, limit: number): Promise<Result<Page<DrillRow>>> => {
      const r = await api.call('reports.drill', { ...q, offset, limit });
      if (!r.ok) return r;
      setDrill(r.value);
      return ok({ total: r.value.total, rows: r.value.rows });
    },
    [],
  );
  const rows = usePagedRows<DrillRow, DrillQuery>(fetchPage, query, props.initialIndex);
  const [activeIndex, setActiveIndex] = useState(props.initialIndex);
  const [shown, setShown] = useState(true);
  const moveTo = useCallback(
    (i: number) => {
      setActiveIndex(i);
      onIndexChange(i);
    },
    [onIndexChange],
  );
  const columns = useMemo(() => (drill === undefined ? [] : drillColumns(drill, tables)), [drill, tables]);
  const openRow = (row: DrillRow, index: number) => {
    if (drill === undefined) return;
    const household = drillHousehold(drill, row);
    if (household === null) return;
    moveTo(index);
    open({ page: 'household', id: household.id }, household.no === null ? undefined : `户 ${household.no}`);
  };

  return (
    <Drawer
      open={shown}
      title={<span data-testid="drill-title">{props.title}</span>}
      placement="right"
      size="min(960px, calc(100vw - 160px))"
      onClose={() => setShown(false)}
      afterOpenChange={(visible) => {
        if (visible) document.querySelector<HTMLElement>('.drill-list [role="grid"]')?.focus();
        else props.onClosed();
      }}
      className="drill-drawer"
      data-testid="drill-drawer"
    >
      <div className="drill-body">
        {drill !== undefined && (
          <Alert
            type={drill.rate === null ? undefined : 'info'}
            className="drill-summary"
            title={<span data-testid="drill-summary">{describe(drill)}</span>}
          />
        )}
        <LoadErrorAlert title="明细读取失败" error={rows.error} onRetry={() => rows.reload(activeIndex)} />
        <DrillList
          drill={drill}
          rows={rows}
          columns={columns}
          activeIndex={activeIndex}
          onActiveIndexChange={moveTo}
          onOpen={openRow}
          resetKey={JSON.stringify(query)}
          initialIndex={props.initialIndex}
        />
        <div className="list-hint">↑↓ 选择，Enter 或双击打开户页面（返回回到这里）；Esc 关闭</div>
      </div>
    </Drawer>
  );
}

/** The windowed rows, measured once the drawer has mounted its body. */
function DrillList(props: {
  drill: Drill | undefined;
  rows: ReturnType<typeof usePagedRows<DrillRow, DrillQuery>>;
  columns: VirtualColumn<DrillRow>[];
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (row: DrillRow, index: number) => void;
  resetKey: string;
  initialIndex: number;
}) {
  const { drill, rows } = props;
  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  return (
    <div className="list-box drill-list" ref={boxRef}>
      {height > 0 && (
        <VirtualTable<DrillRow, string>
          columns={props.columns}
          total={rows.total ?? 0}
          rowAt={rows.rowAt}
          rowKey={(r) => r.id}
          height={height}
          sort={null}
          onSort={() => undefined}
          onRangeChange={rows.ensure}
          activeIndex={props.activeIndex}
          onActiveIndexChange={props.onActiveIndexChange}
          onOpen={props.onOpen}
          resetKey={props.resetKey}
          initialIndex={props.initialIndex}
          rowClassName={(r) =>
            drill !== undefined && drillHousehold(drill, r) === null ? 'drill-row-closed' : undefined
          }
          ariaLabel="明细"
          testId="drill-list"
          rowTestId="drill-row"
          empty={rows.total === 0 ? '没有记录' : undefined}
        />
      )}
    </div>
  );
}
