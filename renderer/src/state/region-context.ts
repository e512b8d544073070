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
  /** Reads the tree again (after a group was added or a region renamed). */
  reload: () => void;
}

export const RegionContext = createContext<RegionSelection | null>(null);

export function useRegionSelection(): RegionSelection {
  const value = useContext(RegionContext);
  if (value === null) throw new Error('useRegionSelection 只能在 AppShell 内使用');
  return value;
}
