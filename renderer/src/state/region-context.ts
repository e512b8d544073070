// Which region the clerk has picked in the left tree; every page reads it from here.
import { createContext, useContext } from 'react';
import type { RegionForest, RegionNode } from './region-tree-data.ts';

export interface RegionSelection {
  forest: RegionForest;
  /** Null means the whole county (the tree's root). */
  selectedCode: string | null;
  /** The selected node (the county when selectedCode is null); undefined until the tree has loaded. */
  selected: RegionNode | undefined;
  /** Root first, the selected node last. */
  path: RegionNode[];
  select: (code: string) => void;
  /** 本乡镇 (设置): where the tree opens and 清除 goes back to; null: the whole county. */
  homeCode: string | null;
  /** Back to 本乡镇 (or the whole county when none is set). */
  clear: () => void;
  /** Saves a new 本乡镇 and shows it; the Chinese message when the core refused it. */
  setHome: (code: string | null) => Promise<string | null>;
  /** Reads the tree again (after a group was added or a region renamed). */
  reload: () => void;
}

export const RegionContext = createContext<RegionSelection | null>(null);

export function useRegionSelection(): RegionSelection {
  const value = useContext(RegionContext);
  if (value === null) throw new Error('useRegionSelection 只能在 AppShell 内使用');
  return value;
}
