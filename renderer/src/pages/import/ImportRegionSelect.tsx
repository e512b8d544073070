// 所属村/组 for a file without 村/组 columns: the county's villages (under their 乡镇) and groups.
// Only a village or a group can be chosen; clearing it lets the core read the place from the file.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useRegionSelection } from '../../state/region-context.ts';
import type { RegionTreeItem } from '../../state/region-tree-data.ts';

interface PlaceNode {
  value: string;
  title: string;
  /** Shown in the box once chosen: '城关镇 光千社区 / 一组'. */
  label: string;
  selectable: boolean;
  children?: PlaceNode[];
}

function placeNodes(items: readonly RegionTreeItem[], path: string): PlaceNode[] {
  return items.map((item) => {
    const label = path === '' ? item.title : `${path} ${item.title}`;
    const below =
      item.level === 'group' ? [] : placeNodes(item.children ?? [], item.level === 'county' ? '' : label);
    return {
      value: item.key,
      title: item.title,
      label,
      selectable: item.level === 'village' || item.level === 'group',
      ...(below.length > 0 ? { children: below } : {}),
    };
  });
}

export function ImportRegionSelect(props: {
  value: string | null;
  onChange: (code: string | null) => void;
  disabled?: boolean;
  testId: string;
}) {
  const { value, onChange, disabled, testId } = props;
  const { forest } = useRegionSelection();
  const treeData = useMemo(() => placeNodes(forest.roots, ''), [forest]);
  return (
    <TreeSelect<string | undefined, PlaceNode>
      className="import-region-select"
      value={value ?? undefined}
      onChange={(code) => onChange(code ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={forest.defaultExpandedKeys}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      disabled={disabled}
      placeholder="按表中的村、组列（或标题）"
      popupMatchSelectWidth={false}
      listHeight={360}
      aria-label="所属村/组"
      data-testid={testId}
    />
  );
}
