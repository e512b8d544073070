// The region list from 'regions.tree' (flat, parent codes) as a tree for antd's Tree, plus the name
// search. Pure functions over plain data: no React, no DOM (tests/unit/renderer-region-tree.test.ts).
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { shortRegionName } from '../../../shared/region-name.ts';

/** A node as 'regions.tree' sends it: `name` as stored (五星村村委会). */
export type StoredRegionNode = ResponseOf<'regions.tree'>[number];
/**
 * A node as the renderer shows it: `name` is the short name (五星村) that the tree, pickers, lists and
 * page titles show; `officialName` the name as stored, for renaming.
 */
export type RegionNode = StoredRegionNode & { officialName: string };
export type RegionLevel = RegionNode['level'];

export const LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  county: '县',
  township: '乡镇',
  village: '村',
  group: '组',
};

export interface RegionTreeItem {
  /** The region code (antd's node key). */
  key: string;
  title: string;
  level: RegionLevel;
  /** Absent for leaves, so antd draws no expand arrow. */
  children?: RegionTreeItem[];
}

export interface RegionForest {
  roots: RegionTreeItem[];
  byCode: ReadonlyMap<string, RegionNode>;
  /** The county and its townships: what is open before the clerk touches anything. */
  defaultExpandedKeys: string[];
  size: number;
}

/** Builds the tree in the order the core sent (its sort order); a node whose parent is missing becomes a root. */
export function buildRegionForest(stored: readonly StoredRegionNode[]): RegionForest {
  const byCode = new Map<string, RegionNode>();
  const items = new Map<string, RegionTreeItem>();
  const nodes = stored.map((n) => ({ ...n, name: shortRegionName(n.name), officialName: n.name }));
  for (const node of nodes) {
    byCode.set(node.code, node);
    items.set(node.code, { key: node.code, title: node.name, level: node.level });
  }
  const roots: RegionTreeItem[] = [];
  for (const node of nodes) {
    const item = items.get(node.code);
    if (item === undefined) continue;
    const parent = node.parentCode === null ? undefined : items.get(node.parentCode);
    if (parent === undefined) roots.push(item);
    else (parent.children ??= []).push(item);
  }
  const defaultExpandedKeys: string[] = [];
  for (const root of roots) {
    if (root.children === undefined) continue;
    defaultExpandedKeys.push(root.key);
    if (root.level !== 'county') continue;
    for (const child of root.children) if (child.children !== undefined) defaultExpandedKeys.push(child.key);
  }
  return { roots, byCode, defaultExpandedKeys, size: nodes.length };
}

/** Ancestors first, the node itself last; empty for an unknown code. */
export function regionPath(byCode: ReadonlyMap<string, RegionNode>, code: string): RegionNode[] {
  const path: RegionNode[] = [];
  const seen = new Set<string>();
  let node = byCode.get(code);
  while (node !== undefined && !seen.has(node.code)) {
    seen.add(node.code);
    path.unshift(node);
    node = node.parentCode === null ? undefined : byCode.get(node.parentCode);
  }
  return path;
}

export const normalizeQuery = (text: string): string => text.replace(/[\s\u3000]+/g, '');

export interface FilteredForest {
  roots: RegionTreeItem[];
  /** Every ancestor of a match, so all matches are visible. */
  expandedKeys: string[];
  matches: number;
}

/**
 * Keeps the nodes whose name contains the query (or whose code contains it, for a query of digits)
 * and their ancestors. A matching node keeps all its children, so the clerk can open it further.
 */
export function filterRegionForest(roots: readonly RegionTreeItem[], query: string): FilteredForest {
  const q = normalizeQuery(query);
  const byCode = /^\d+$/.test(q);
  const expanded = new Set<string>();
  let matches = 0;
  const ancestors: string[] = [];

  const visit = (item: RegionTreeItem): RegionTreeItem | null => {
    const isMatch = byCode ? item.key.includes(q) : item.title.includes(q);
    let kept: RegionTreeItem[] = [];
    if (item.children !== undefined) {
      ancestors.push(item.key);
      kept = item.children.map(visit).filter((c): c is RegionTreeItem => c !== null);
      ancestors.pop();
    }
    if (isMatch) {
      matches += 1;
      for (const a of ancestors) expanded.add(a);
      return item;
    }
    return kept.length > 0 ? { ...item, children: kept } : null;
  };

  if (q === '') return { roots: [...roots], expandedKeys: [], matches: 0 };
  const kept = roots.map(visit).filter((c): c is RegionTreeItem => c !== null);
  return { roots: kept, expandedKeys: [...expanded], matches };
}

/** Splits a title around the first occurrence of the query, for highlighting. */
export function splitForHighlight(
  title: string,
  query: string,
): [before: string, hit: string, after: string] | null {
  const q = normalizeQuery(query);
  if (q === '') return null;
  const at = title.indexOf(q);
  if (at < 0) return null;
  return [title.slice(0, at), q, title.slice(at + q.length)];
}
