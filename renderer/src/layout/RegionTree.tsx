// Left panel: the county's regions (县 → 乡镇 → 村 → 组) with a name filter. ~300 villages and ~2,000
// groups, so the antd Tree is virtual with a measured fixed height.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type Key } from 'react';
import { Input, Tree, type GetRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useRegionSelection } from '../state/region-context.ts';
import {
  filterRegionForest,
  normalizeQuery,
  splitForHighlight,
  type RegionTreeItem,
} from '../state/region-tree-data.ts';
import { useElementHeight } from './useElementHeight.ts';

export function RegionTree() {
  const { forest, path } = useRegionSelection();
  const [query, setQuery] = useState('');
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
          placeholder="按名称查找乡镇、村、组"
          aria-label="查找区划"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
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
          />
        )}
      </div>
    </div>
  );
}

interface ViewProps {
  roots: RegionTreeItem[];
  initialExpandedKeys: string[];
  query: string;
  height: number;
}

function RegionTreeView({ roots, initialExpandedKeys, query, height }: ViewProps) {
  const { forest, selectedCode, select } = useRegionSelection();
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(initialExpandedKeys);
  const selectedKey = selectedCode ?? forest.roots[0]?.key;
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  // After a search is cleared (the view remounts), bring the selected region back into view.
  const [initialSelectedKey] = useState(selectedKey);
  useEffect(() => {
    if (initialSelectedKey !== undefined)
      treeRef.current?.scrollTo({ key: initialSelectedKey, align: 'auto' });
  }, [initialSelectedKey]);

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
      titleRender={(node) => <RegionTitle node={node} query={query} />}
      aria-label="区划树"
    />
  );
}

function RegionTitle({ node, query }: { node: RegionTreeItem; query: string }) {
  const parts = splitForHighlight(node.title, query);
  return (
    <span data-region-code={node.key} data-region-level={node.level}>
      {parts === null ? (
        node.title
      ) : (
        <>
          {parts[0]}
          <span className="region-tree-hit">{parts[1]}</span>
          {parts[2]}
        </>
      )}
    </span>
  );
}
