// A region chosen from the county's tree (乡镇 → 村 → 组) with a name search, where only some levels can
// be chosen. Enter picks the one choosable region the search matches (pickOnEnter): antd's TreeSelect makes no node
// active when a non-choosable one (the county, a 乡镇) sits above the matches, so typing 汀潭 + Enter did
// nothing and the clerk needed ↓↓↓.
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { TreeSelect } from 'antd';
import { useRegionSelection } from '../state/region-context.ts';
import { regionPath, type RegionLevel, type RegionTreeItem } from '../state/region-tree-data.ts';
import { pickOnEnter } from './region-label.ts';

interface PlaceNode {
  value: string;
  title: string;
  /** Shown in the box once chosen: '城关镇 光千社区 一组'. */
  label: string;
  selectable: boolean;
  children?: PlaceNode[];
}

function placeNodes(
  items: readonly RegionTreeItem[],
  path: string,
  levels: ReadonlySet<RegionLevel>,
  deepest: RegionLevel,
): PlaceNode[] {
  return items.map((item) => {
    const label = path === '' ? item.title : `${path} ${item.title}`;
    const below =
      item.level === deepest
        ? []
        : placeNodes(item.children ?? [], item.level === 'county' ? '' : label, levels, deepest);
    return {
      value: item.key,
      title: item.title,
      label,
      selectable: levels.has(item.level),
      ...(below.length > 0 ? { children: below } : {}),
    };
  });
}

export interface RegionTreeSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
  /** The levels that can be chosen, top to bottom; the tree goes no deeper than the last. */
  levels: readonly RegionLevel[];
  /** Opened down to this region (本乡镇) besides the county's townships. */
  openAt?: string | null;
  disabled?: boolean;
  placeholder: string;
  ariaLabel: string;
  className?: string;
  style?: CSSProperties;
  testId: string;
}

export function RegionTreeSelect(props: RegionTreeSelectProps) {
  const { value, onChange, levels, openAt, disabled, placeholder, ariaLabel, className, style, testId } =
    props;
  const { forest } = useRegionSelection();
  const deepest = levels[levels.length - 1] ?? 'group';
  const treeData = useMemo(
    () => placeNodes(forest.roots, '', new Set(levels), deepest),
    [forest, levels, deepest],
  );
  const expanded = useMemo(() => {
    const home = openAt == null ? [] : regionPath(forest.byCode, openAt).map((n) => n.code);
    return [...new Set([...forest.defaultExpandedKeys, ...home])];
  }, [forest, openAt]);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  // Set when the tree itself chose on this key press (the clerk moved to a node with ↓ first).
  const choseByTree = useRef(false);

  const choose = (code: string | null) => {
    choseByTree.current = true;
    onChange(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || choseByTree.current || search.trim() === '') return;
    const only = pickOnEnter(forest.byCode.values(), search, new Set(levels));
    if (only === null) return;
    onChange(only);
    setSearch('');
    setOpen(false);
  };

  return (
    <span
      className="region-tree-select"
      onKeyDownCapture={(e) => {
        if (e.key === 'Enter') choseByTree.current = false;
      }}
    >
      <TreeSelect<string | undefined, PlaceNode>
        className={className}
        style={style}
        value={value ?? undefined}
        onChange={(code) => choose(code ?? null)}
        treeData={treeData}
        treeNodeLabelProp="label"
        treeDefaultExpandedKeys={expanded}
        showSearch={{ treeNodeFilterProp: 'title', searchValue: search, onSearch: setSearch }}
        open={open}
        onOpenChange={setOpen}
        onKeyDown={onKeyDown}
        allowClear
        disabled={disabled}
        placeholder={placeholder}
        popupMatchSelectWidth={false}
        listHeight={360}
        aria-label={ariaLabel}
        data-testid={testId}
      />
    </span>
  );
}
