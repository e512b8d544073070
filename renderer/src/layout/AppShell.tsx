// The working screen: header, main menu, the region tree on the left and the current page, plus what
// every page shares (navigation, code tables, the operator, the household list's view).
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Grid, Layout, Spin } from 'antd';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { useLedgerQuery } from '../api/useLedgerQuery.ts';
import { DEFAULT_VIEW, type HouseholdListView } from '../lib/household-query.ts';
import { buildCodeTables, CodeTablesContext } from '../state/code-tables.ts';
import { HouseholdViewContext, type HouseholdViewState } from '../state/household-view.ts';
import { useListState } from '../state/list-state.ts';
import { OperatorContext, type OperatorState } from '../state/operator.ts';
import { RegionContext, type RegionSelection } from '../state/region-context.ts';
import { buildRegionForest, regionPath } from '../state/region-tree-data.ts';
import { navKeyOf, RouteContext } from '../state/route.ts';
import { useRouteStack } from '../state/useRouteStack.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';
import { OperatorDialog } from './OperatorDialog.tsx';
import { RegionTree } from './RegionTree.tsx';
import { RouteBar } from './RouteBar.tsx';
import { PageOutlet } from '../pages/PageOutlet.tsx';
import { PAGE_AFTER_RESTORE } from '../pages/settings/backup-actions.ts';

export function AppShell({ info }: { info: ResponseOf<'app.info'> }) {
  const routes = useRouteStack(PAGE_AFTER_RESTORE ?? 'home');
  // 1024-wide office screens: a narrower tree leaves the list room for its columns.
  const wide = Grid.useBreakpoint().xl ?? true;
  const tree = useLedgerQuery('regions.tree', {});
  const forest = useMemo(() => buildRegionForest(tree.data ?? []), [tree.data]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  const rootKey = forest.roots[0]?.key;
  const select = useCallback((code: string) => setSelectedCode(code === rootKey ? null : code), [rootKey]);
  const selection = useMemo<RegionSelection>(() => {
    const path = regionPath(forest.byCode, selectedCode ?? rootKey ?? '');
    return { forest, selectedCode, selected: path[path.length - 1], path, select, reload: tree.reload };
  }, [forest, selectedCode, rootKey, select, tree.reload]);

  const codeTableList = useLedgerQuery('codeTables.list', {});
  const codeTables = useMemo(() => buildCodeTables(codeTableList.data), [codeTableList.data]);

  const settings = useLedgerQuery('settings.get', {});
  const [operatorName, setOperatorName] = useState<string | null>(null);
  const [changingOperator, setChangingOperator] = useState(false);
  const name = operatorName ?? settings.data?.operator ?? null;
  const mustAsk = settings.data !== undefined && name === null;
  const operator = useMemo<OperatorState>(
    () => ({ name, dataYear: settings.data?.dataYear ?? null, change: () => setChangingOperator(true) }),
    [name, settings.data?.dataYear],
  );

  const householdView: HouseholdViewState = useListState<HouseholdListView>(DEFAULT_VIEW);
  const { setActiveIndex } = householdView;
  // A new region in the tree is a new list: start at its top.
  const [listRegion, setListRegion] = useState(selectedCode);
  if (listRegion !== selectedCode) {
    setListRegion(selectedCode);
    setActiveIndex(0);
  }

  return (
    <RouteContext value={routes}>
      <RegionContext value={selection}>
        <CodeTablesContext value={codeTables}>
          <OperatorContext value={operator}>
            <HouseholdViewContext value={householdView}>
              <Layout className="ledger-shell">
                <AppHeader info={info} />
                <NavMenu current={navKeyOf(routes.current)} onChange={routes.reset} />
                <Layout className="ledger-body" hasSider>
                  <Layout.Sider width={wide ? 264 : 216} className="ledger-sider" aria-label="区划">
                    {tree.data !== undefined ? (
                      <RegionTree />
                    ) : tree.error !== undefined ? (
                      <Alert
                        type="error"
                        showIcon
                        title="区划树读取失败"
                        description={tree.error.message}
                        action={
                          <Button size="small" onClick={tree.reload}>
                            重试
                          </Button>
                        }
                        style={{ margin: 8 }}
                        data-testid="region-tree-error"
                      />
                    ) : (
                      <Spin description="正在读取区划……" style={{ display: 'block', padding: 24 }} />
                    )}
                  </Layout.Sider>
                  <Layout.Content className="ledger-content">
                    <RouteBar />
                    <div className="ledger-page">
                      <PageOutlet route={routes.current} />
                    </div>
                  </Layout.Content>
                </Layout>
              </Layout>
              {(mustAsk || changingOperator) && (
                <OperatorDialog
                  current={name}
                  closable={!mustAsk}
                  onSaved={(saved) => {
                    setOperatorName(saved);
                    setChangingOperator(false);
                  }}
                  onClose={() => setChangingOperator(false)}
                />
              )}
            </HouseholdViewContext>
          </OperatorContext>
        </CodeTablesContext>
      </RegionContext>
    </RouteContext>
  );
}
