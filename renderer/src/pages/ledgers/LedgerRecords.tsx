// 记录: one ledger's records in the region selected in the tree, smooth at any length (the core pages
// and sorts), with the ledger's filters and a search; 新增, 导入 (this ledger preselected) and 导出 of
// what the list shows. Enter or a double-click opens a record.
import { useCallback, useMemo, useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { api } from '../../api/transport.ts';
import { saveGeneratedFile, savedMessage } from '../../api/save-file.ts';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { usePagedRows } from '../../api/usePagedRows.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { nextSort } from '../../lib/household-query.ts';
import { useElementHeight } from '../../layout/useElementHeight.ts';
import { useCodeTables } from '../../state/code-tables.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import { recordColumns, type LedgerRecord } from './ledger-display.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { buildRecordQuery, EMPTY_VIEW, type LedgerListView, type RecordQuery } from './ledger-query.ts';
import { RecordDialog } from './RecordDialog.tsx';

const fetchPage = (q: RecordQuery, offset: number, limit: number) =>
  api.call('ledgers.records', { ...q, offset, limit });

export function LedgerRecords({ def, onChanged }: { def: LedgerDef; onChanged: () => void }) {
  const { selectedCode } = useRegionSelection();
  const { open } = useRoute();
  const { message } = App.useApp();
  const tables = useCodeTables();
  const [view, setViewState] = useState<LedgerListView>(EMPTY_VIEW);
  const [activeIndex, setActiveIndex] = useState(0);
  const setView = useCallback((update: (v: LedgerListView) => LedgerListView) => {
    setViewState(update);
    setActiveIndex(0);
  }, []);
  const [dialog, setDialog] = useState<LedgerRecord | 'new' | null>(null);
  const [exporting, setExporting] = useState(false);

  const search = useDebouncedValue(view.search, 250);
  const query = useMemo(
    () => buildRecordQuery(def, { ...view, search }, selectedCode),
    [def, view, search, selectedCode],
  );
  const rows = usePagedRows<LedgerRecord, RecordQuery>(fetchPage, query, 0);
  const columns = useMemo(() => recordColumns(def, tables), [def, tables]);
  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  const focusList = useCallback(() => {
    boxRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [boxRef]);
  const total = rows.total;

  const changed = (text: string) => {
    setDialog(null);
    rows.reload(activeIndex);
    onChanged();
    void message.success(text);
  };

  const exportView = async () => {
    setExporting(true);
    const r = await api.call('ledgers.export', query);
    if (!r.ok) {
      setExporting(false);
      void message.error(r.error.message, 6);
      return;
    }
    const saved = await saveGeneratedFile(r.value);
    setExporting(false);
    if (!saved.ok) void message.error(saved.error.message, 6);
    else {
      const text = savedMessage(r.value.fileName, `${def.name}（${r.value.rows} 条）`, saved.value);
      if (text !== null) void message.success(text);
    }
  };

  return (
    <div className="ledger-records list-page" data-testid="ledger-records">
      <LedgerFilters def={def} view={view} onChange={setView} onFocusList={focusList}>
        <span className="list-total" data-testid="ledger-total" data-value={total ?? ''}>
          {total === undefined ? '正在读取……' : `共 ${total.toLocaleString('zh-CN')} 条`}
          {(view.search !== search || (rows.loading && total !== undefined)) && (
            <span className="list-total-busy">（查询中）</span>
          )}
        </span>
        <span className="page-heading-actions">
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
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={total === 0}
            onClick={() => void exportView()}
            data-testid="ledger-export"
          >
            导出
          </Button>
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

      <LoadErrorAlert
        title="记录读取失败"
        error={rows.error}
        onRetry={() => rows.reload(activeIndex)}
        testId="ledger-list-error"
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
            onOpen={(row) => setDialog(row)}
            resetKey={JSON.stringify(query)}
            rowTestId="ledger-row"
            testId="ledger-list"
            ariaLabel={`${def.name}记录`}
            empty={
              total === 0 ? (
                <span data-testid="ledger-list-empty">
                  {view.search.trim() !== ''
                    ? `没有找到与“${view.search.trim()}”相符的记录`
                    : '没有符合条件的记录'}
                </span>
              ) : undefined
            }
          />
        )}
      </div>
      <div className="list-hint">↑↓ 选择，Enter 或双击打开；点击列标题排序</div>

      {dialog !== null && (
        <RecordDialog
          def={def}
          record={dialog === 'new' ? undefined : dialog}
          onSaved={(_, created) => changed(created ? `已新增${def.name}记录` : '已保存')}
          onDeleted={() => changed('已删除')}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
