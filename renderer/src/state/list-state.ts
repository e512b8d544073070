// What a long list's page keeps while the clerk works in it: its view (search, filters, sort) and the
// active row, which goes back to the top whenever the view changes. The household list keeps it in the
// shell (it outlives the page); a ledger's records keep it while the ledger is open.
import { useCallback, useMemo, useState } from 'react';

export interface ListState<V> {
  view: V;
  setView: (update: (view: V) => V) => void;
  /** The row the clerk last had active. */
  activeIndex: number;
  setActiveIndex: (index: number) => void;
}

export function useListState<V>(initial: V): ListState<V> {
  const [view, setViewState] = useState<V>(initial);
  const [activeIndex, setActiveIndex] = useState(0);
  const setView = useCallback((update: (v: V) => V) => {
    setViewState(update);
    setActiveIndex(0);
  }, []);
  return useMemo(() => ({ view, setView, activeIndex, setActiveIndex }), [view, setView, activeIndex]);
}
