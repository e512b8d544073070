// The working screen: header, main menu, the region tree on the left and the current page.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Layout, Spin } from 'antd';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { useLedgerQuery } from '../api/useLedgerQuery.ts';
import { RegionContext, type RegionSelection } from '../state/region-context.ts';
import { buildRegionForest, regionPath } from '../state/region-tree-data.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';
import { RegionTree } from './RegionTree.tsx';
import type { NavKey } from './nav-items.ts';
import { PageOutlet } from '../pages/PageOutlet.tsx';

export function AppShell({ info }: { info: ResponseOf<'app.info'> }) {
  const [page, setPage] = useState<NavKey>('home');
  const tree = useLedgerQuery('regions.tree', {});
  const forest = useMemo(() => buildRegionForest(tree.data ?? []), [tree.data]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  const rootKey = forest.roots[0]?.key;
  const select = useCallback((code: string) => setSelectedCode(code === rootKey ? null : code), [rootKey]);
  const selection = useMemo<RegionSelection>(() => {
    const path = regionPath(forest.byCode, selectedCode ?? rootKey ?? '');
    return { forest, selectedCode, selected: path[path.length - 1], path, select };
  }, [forest, selectedCode, rootKey, select]);

  return (
    <RegionContext value={selection}>
      <Layout className="ledger-shell">
        <AppHeader info={info} />
        <NavMenu current={page} onChange={setPage} />
        <Layout className="ledger-body" hasSider>
          <Layout.Sider width={280} className="ledger-sider" aria-label="区划">
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
            <PageOutlet page={page} />
          </Layout.Content>
        </Layout>
      </Layout>
    </RegionContext>
  );
}
