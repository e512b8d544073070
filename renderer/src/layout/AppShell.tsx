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
import { useRegionScope } from '../nav/useRegionScope.ts';
import type { NavKey } from './nav-items.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';
import { OperatorDialog } from './OperatorDialog.tsx';
import { RegionTree } from './RegionTree.tsx';
import { RouteBar } from './RouteBar.tsx';
import { PageOutlet } from '../pages/PageOutlet.tsx';
import { PAGE_AFTER_RESTORE } from '../pages/settings/backup-actions.ts';

export function AppShell({ info }: { info: ResponseOf<'app.info'> }) {
  // 1024-wide office screens: a narrower tree leaves the list room for its columns.
  const wide = Grid.useBreakpoint().xl ?? true;
  const tree = useLedgerQuery('regions.tree', {});
  const forest = useMemo(() => buildRegionForest(tree.data ?? []), [tree.data]);
  const settings = useLedgerQuery('settings.get', {});

  const storedHome =
    settings.data !== undefined
      ? settings.data.homeRegionCode
      : settings.error !== undefined
        ? null
        : undefined;
  const scope = useRegionScope(forest, tree.data !== undefined, storedHome);
  const { selectedCode } = scope;
  const rootKey = forest.roots[0]?.key;
  const selection = useMemo<RegionSelection>(() => {
    const path = regionPath(forest.byCode, selectedCode ?? rootKey ?? '');
    const { select, homeCode, clear, setHome } = scope;
    return {
      forest,
      selectedCode,
      selected: path[path.length - 1],
      path,
      select,
      reload: tree.reload,
      homeCode,
      clear,
      setHome,
    };
  }, [forest, selectedCode, rootKey, tree.reload, scope]);
  // After a 恢复 the page reloads onto 设置 (backup-actions.ts), whatever the address said.
  const routes = useRouteStack(PAGE_AFTER_RESTORE ?? 'home', selectedCode, scope.select);
  const { reset } = routes;

  const codeTableList = useLedgerQuery('codeTables.list', {});
  const codeTables = useMemo(() => buildCodeTables(codeTableList.data), [codeTableList.data]);

  const [operatorName, setOperatorName] = useState<string | null>(null);
  const [changingOperator, setChangingOperator] = useState(false);
  const name = operatorName ?? settings.data?.operator ?? null;
  const mustAsk = settings.data !== undefined && name === null;
  const operator = useMemo<OperatorState>(
    () => ({ name, dataYear: settings.data?.dataYear ?? null, change: () => setChangingOperator(true) }),
    [name, settings.data?.dataYear],
  );

  const householdView: HouseholdViewState = useListState<HouseholdListView>(DEFAULT_VIEW);
  const { setView } = householdView;
  // A new region in the tree is a new list: start at its top, and a search typed for the old region
  // does not silently empty the new one (a stale '192837' gave 共 0 户).
  const [listRegion, setListRegion] = useState(selectedCode);
  if (listRegion !== selectedCode) {
    setListRegion(selectedCode);
    setView((v) => (v.search === '' ? v : { ...v, search: '' }));
  }
  // The main menu starts an area afresh: the list's search and filters belong to its visit (返回 keeps them).
  const startArea = useCallback(
    (key: NavKey) => {
      setView(() => DEFAULT_VIEW);
      reset(key);
    },
    [setView, reset],
  );

  return (
    <RouteContext value={routes}>
      <RegionContext value={selection}>
        <CodeTablesContext value={codeTables}>
          <OperatorContext value={operator}>
            <HouseholdViewContext value={householdView}>
              <Layout className="ledger-shell">
                <AppHeader info={info} />
                <NavMenu current={navKeyOf(routes.current)} onChange={startArea} />
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
                      {scope.ready ? (
                        <PageOutlet route={routes.current} />
                      ) : (
                        <Spin description="正在打开……" style={{ display: 'block', padding: 24 }} />
                      )}
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
