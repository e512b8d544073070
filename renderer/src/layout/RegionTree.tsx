// Left panel: the county's regions (县 → 乡镇 → 村 → 组) with a name filter. ~300 villages and ~2,000
// groups, so the antd Tree is virtual with a measured fixed height.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type Key } from 'react';
import { Button, Dropdown, Input, Tree, type GetRef, type MenuProps } from 'antd';
import { MoreOutlined, SearchOutlined } from '@ant-design/icons';
import { useRegionSelection } from '../state/region-context.ts';
import {
  filterRegionForest,
  normalizeQuery,
  regionPath,
  splitForHighlight,
  type RegionTreeItem,
} from '../state/region-tree-data.ts';
import { useElementHeight } from './useElementHeight.ts';
import { RegionNameDialog, type RegionAction } from './RegionNameDialog.tsx';
import { useImeText } from '../lib/useImeText.ts';

export function RegionTree() {
  const { forest, path, reload, select } = useRegionSelection();
  const [action, setAction] = useState<RegionAction | null>(null);
  const [query, setQuery] = useState('');
  const queryText = useImeText(query, setQuery);
  const deferredQuery = normalizeQuery(useDeferredValue(query));
  const filtered = useMemo(() => filterRegionForest(forest.roots, deferredQuery), [forest, deferredQuery]);
  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  // Without a search: the county and townships open, plus the branch down to the selected region.
  const browseKeys = useMemo(
    () => [...new Set([...forest.defaultExpandedKeys, ...path.slice(0, -1).map((n) => n.code)])],
    [forest, path],
  );

  return (
    <div className="region-tree">
      <div className="region-tree-search">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="查找乡镇、村、组"
          aria-label="查找区划"
          value={queryText.value}
          onChange={(e) => queryText.change(e.target.value)}
          {...queryText.composition}
          data-testid="region-search"
        />
      </div>
      {deferredQuery !== '' && (
        <div className="region-tree-hint" data-testid="region-search-hint">
          {filtered.matches > 0
            ? `找到 ${filtered.matches} 处名称含“${deferredQuery}”的区划`
            : `没有名称含“${deferredQuery}”的区划`}
        </div>
      )}
      <div className="region-tree-box" ref={boxRef} data-testid="region-tree">
        {height > 0 && (
          // Remounted per query: a new search opens the branches that hold its matches.
          <RegionTreeView
            key={deferredQuery}
            roots={filtered.roots}
            initialExpandedKeys={deferredQuery === '' ? browseKeys : filtered.expandedKeys}
            query={deferredQuery}
            height={height}
            onAction={setAction}
          />
        )}
      </div>
      {action !== null && (
        <RegionNameDialog
          action={action}
          onClose={() => setAction(null)}
          onDone={(node) => {
            setAction(null);
            reload();
            if (action.kind === 'add-group') select(node.code);
          }}
        />
      )}
    </div>
  );
}

interface ViewProps {
  roots: RegionTreeItem[];
  initialExpandedKeys: string[];
  query: string;
  height: number;
  onAction: (action: RegionAction) => void;
}

function RegionTreeView({ roots, initialExpandedKeys, query, height, onAction }: ViewProps) {
  const { forest, selectedCode, select } = useRegionSelection();
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(initialExpandedKeys);
  const selectedKey = selectedCode ?? forest.roots[0]?.key;
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  // A region selected from elsewhere (a new 村民小组): open its branch.
  const [seenSelected, setSeenSelected] = useState(selectedKey);
  if (seenSelected !== selectedKey) {
    setSeenSelected(selectedKey);
    const ancestors = regionPath(forest.byCode, selectedKey ?? '')
      .slice(0, -1)
      .map((n) => n.code);
    if (ancestors.some((a) => !expandedKeys.includes(a))) {
      setExpandedKeys([...new Set([...expandedKeys, ...ancestors])]);
    }
  }
  // On mount (e.g. after a search is cleared) and on every new selection: the selected region in view.
  useEffect(() => {
    if (selectedKey !== undefined) treeRef.current?.scrollTo({ key: selectedKey, align: 'auto' });
  }, [selectedKey]);

  return (
    <Tree<RegionTreeItem>
      ref={treeRef}
      virtual
      height={height}
      blockNode
      treeData={roots}
      expandedKeys={expandedKeys}
      onExpand={(keys) => setExpandedKeys(keys)}
      selectedKeys={selectedKey === undefined ? [] : [selectedKey]}
      onSelect={(_keys, info) => {
        // Clicking the selected node again would deselect it; the selection always stays on a region.
        if (info.selected) select(String(info.node.key));
      }}
      titleRender={(node) => (
        <RegionTitle node={node} query={query} selected={node.key === selectedKey} onAction={onAction} />
      )}
      aria-label="区划树"
    />
  );
}

function RegionTitle({
  node,
  query,
  selected,
  onAction,
}: {
  node: RegionTreeItem;
  query: string;
  selected: boolean;
  onAction: (action: RegionAction) => void;
}) {
  const { forest } = useRegionSelection();
  const parts = splitForHighlight(node.title, query);
  const items: MenuProps['items'] = [];
  if (node.level === 'village')
    items.push({ key: 'add-group', label: '新增村民小组', 'data-testid': 'region-add-group' });
  if (node.level !== 'county')
    items.push({ key: 'rename', label: '修改名称', 'data-testid': 'region-rename' });
  const menu: MenuProps = {
    items,
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      const region = forest.byCode.get(node.key);
      if (region === undefined) return;
      if (key === 'add-group') {
        const groupCount = node.children?.filter((c) => c.level === 'group').length ?? 0;
        onAction({ kind: 'add-group', village: region, groupCount });
      } else onAction({ kind: 'rename', node: region });
    },
  };
  const label = (
    <span className="region-tree-title" data-region-code={node.key} data-region-level={node.level}>
      {parts === null ? (
        node.title
      ) : (
        <>
          {parts[0]}
          <span className="region-tree-hit">{parts[1]}</span>
          {parts[2]}
        </>
      )}
      {selected && items.length > 0 && (
        <Dropdown menu={menu} trigger={['click']}>
          <Button
            type="text"
            size="small"
            className="region-tree-more"
            icon={<MoreOutlined />}
            aria-label="区划操作"
            title="新增小组、修改名称"
            onClick={(e) => e.stopPropagation()}
            data-testid="region-actions"
          />
        </Dropdown>
      )}
    </span>
  );
  if (items.length === 0) return label;
  return (
    <Dropdown menu={menu} trigger={['contextMenu']}>
      {label}
    </Dropdown>
  );
}
