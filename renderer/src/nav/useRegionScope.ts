// Which region the pages show: the one the address names (F5), else the one the clerk picked in the tree,
// else 本乡镇 from 设置, else the whole county. 清除 goes back to 本乡镇.
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/transport.ts';
import type { RegionForest } from '../state/region-tree-data.ts';
import { regionFromLocation } from '../state/useRouteStack.ts';

export interface RegionScope {
  /** Null: the whole county. */
  selectedCode: string | null;
  select: (code: string) => void;
  homeCode: string | null;
  clear: () => void;
  setHome: (code: string | null) => Promise<string | null>;
  /** False while 本乡镇 is still being read: pages wait rather than open at the county and then jump. */
  ready: boolean;
}

/**
 * @param storedHome 本乡镇 as settings.get answered it; undefined while it has not answered (null: none,
 *   or the settings could not be read).
 */
export function useRegionScope(
  forest: RegionForest,
  treeLoaded: boolean,
  storedHome: string | null | undefined,
): RegionScope {
  // undefined: nothing picked yet, so 本乡镇 applies.
  const [chosen, setChosen] = useState<string | null | undefined>(() => regionFromLocation() ?? undefined);
  const [savedHome, setSavedHome] = useState<string | null | undefined>(undefined);
  const homeCode = savedHome !== undefined ? savedHome : (storedHome ?? null);
  const wanted = chosen !== undefined ? chosen : homeCode;
  // A code from an old address (or a region since renamed away) that this ledger does not have: the county.
  const selectedCode = wanted !== null && treeLoaded && !forest.byCode.has(wanted) ? null : wanted;

  const rootKey = forest.roots[0]?.key;
  // Also for an address typed into the bar (useRouteStack reads it).
  const select = useCallback((code: string) => setChosen(code === rootKey ? null : code), [rootKey]);
  const clear = useCallback(() => setChosen(homeCode), [homeCode]);
  const setHome = useCallback(async (code: string | null) => {
    const r = await api.call('settings.setHomeRegion', { regionCode: code });
    if (!r.ok) return r.error.message;
    setSavedHome(r.value.homeRegionCode);
    setChosen(r.value.homeRegionCode);
    return null;
  }, []);
  const ready = storedHome !== undefined;

  return useMemo(
    () => ({ selectedCode, select, homeCode, clear, setHome, ready }),
    [selectedCode, select, homeCode, clear, setHome, ready],
  );
}
