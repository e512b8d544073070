// 记录: one ledger's records in the region selected in the tree, smooth at any length (the core pages
// and sorts), with the ledger's filters and a search; 新增, 导入 (this ledger preselected) and 导出 of
// what the list shows. Enter or a double-click opens a record.
import { useCallback, useMemo, useRef, useState } from 'react';
import { App, Button } from 'antd';
import { AuditOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { api } from '../../api/transport.ts';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { useColumnChoice } from '../../components/ColumnChooser.tsx';
import { PrintButton } from '../print/PrintButton.tsx';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { usePagedRows } from '../../api/usePagedRows.ts';
import { ListTotal, PagedList, type PagedListHandle } from '../../components/PagedList.tsx';
import { useCodeTables } from '../../state/code-tables.ts';
import { useListState } from '../../state/list-state.ts';
import { regionPlaceName } from '../../nav/region-label.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import { recordColumns, type LedgerRecord } from './ledger-display.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import {
  activeFilters,
  buildRecordQuery,
  EMPTY_VIEW,
  type LedgerListView,
  type RecordQuery,
} from './ledger-query.ts';
import { RecordDialog } from './RecordDialog.tsx';
import { SLIP_LEDGER_ID } from '../../../../shared/migrant-slip-serial.ts';
import { SlipReceiptDialog } from './SlipReceiptDialog.tsx';
import { PLAN_LEDGER_ID, PlanActions } from '../plans/PlanActions.tsx';

const fetchPage = (q: RecordQuery, offset: number, limit: number) =>
  api.call('ledgers.records', { ...q, offset, limit });

/** What an empty list says: nothing found for the search or filters, or nothing entered yet and how to. */
function emptyText(def: LedgerDef, view: LedgerListView, region: string): string {
  const search = view.search.trim();
  if (search !== '') return `没有找到与“${search}”相符的记录`;
  if (activeFilters(view) > 0) return '没有符合筛选条件的记录';
  return `${region}还没有${def.name}记录。点“新增”逐条录入，或点“导入”从 Excel 表格导入。`;
}

export function LedgerRecords({
  def,
  onChanged,
  initialView = EMPTY_VIEW,
}: {
  def: LedgerDef;
  onChanged: () => void;
  /** Filters to start with (a 汇总 number opened as its records). */
  initialView?: LedgerListView;
}) {
  const { selectedCode, path } = useRegionSelection();
  const { open } = useRoute();
  const { message } = App.useApp();
  const tables = useCodeTables();
  const list = useListState<LedgerListView>(initialView);
  const { view, setView, activeIndex } = list;
  const [dialog, setDialog] = useState<LedgerRecord | 'new' | null>(null);
  const [receipts, setReceipts] = useState(false);

  const search = useDebouncedValue(view.search, 250);
  const query = useMemo(
    () => buildRecordQuery(def, { ...view, search }, selectedCode),
    [def, view, search, selectedCode],
  );
  const rows = usePagedRows<LedgerRecord, RecordQuery>(fetchPage, query, 0);
  const columns = useMemo(() => recordColumns(def, tables), [def, tables]);
  const { visible, chooser } = useColumnChoice(`ledger:${def.id}`, columns, 'ledger-columns');
  const listRef = useRef<PagedListHandle>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const total = rows.total;

  const changed = (text: string) => {
    setDialog(null);
    rows.reload(activeIndex);
    onChanged();
    void message.success(text);
  };

  return (
    <div className="ledger-records list-page" data-testid="ledger-records">
      <LedgerFilters def={def} view={view} onChange={setView} onFocusList={focusList}>
        <ListTotal
          total={total}
          unit="条"
          busy={view.search !== search || (rows.loading && total !== undefined)}
          testId="ledger-total"
        />
        <span className="page-heading-actions">
          {chooser}
          <Button
            icon={<ReloadOutlined />}
            onClick={() => rows.reload(activeIndex)}
            data-testid="ledger-reload"
          >
            刷新
          </Button>
          <Button
            icon={<ImportOutlined />}
            onClick={() => open({ page: 'import', into: def.id }, `导入${def.name}`)}
            data-testid="ledger-import"
          >
            导入
          </Button>
          <ExportButtons
            choices={[
              {
                key: 'records',
                label: `${def.name}台账`,
                run: (o) => api.call('ledgers.export', { ...query, ...o }),
              },
            ]}
            disabled={total === 0}
            testId="ledger-export"
          />
          <PrintButton
            subject={def.name}
            disabled={total === 0}
            testId="ledger-print"
            choices={[
              {
                key: 'list',
                label: `${def.name}（当前筛选）`,
                request: { form: 'table', regionCode: selectedCode, ledgerList: query },
              },
            ]}
          />
          {def.id === SLIP_LEDGER_ID && (
            <Button icon={<AuditOutlined />} onClick={() => setReceipts(true)} data-testid="slip-receipt">
              登记回执
            </Button>
          )}
          {def.id === PLAN_LEDGER_ID && (
            <PlanActions
              onOpen={setDialog}
              onChanged={() => {
                rows.reload(activeIndex);
                onChanged();
              }}
            />
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog('new')}
            data-testid="ledger-new"
          >
            新增
          </Button>
        </span>
      </LedgerFilters>

      <PagedList
        rows={rows}
        columns={visible}
        state={list}
        onOpen={(row) => setDialog(row)}
        resetKey={JSON.stringify(query)}
        empty={emptyText(def, view, regionPlaceName(path))}
        errorTitle="记录读取失败"
        ariaLabel={`${def.name}记录`}
        testId="ledger-list"
        rowTestId="ledger-row"
        listRef={listRef}
      />

      {receipts && (
        <SlipReceiptDialog
          onSaved={() => {
            rows.reload(activeIndex);
            onChanged();
          }}
          onClose={() => setReceipts(false)}
        />
      )}

      {dialog !== null && (
        <RecordDialog
          def={def}
          record={dialog === 'new' ? undefined : dialog}
          onSaved={(_, created) => changed(created ? `已新增${def.name}记录` : '已保存')}
          onDeleted={() => changed('已删除')}
          onClose={() => setDialog(null)}
          onChildrenChanged={() => {
            rows.reload(activeIndex);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
