// The navigation stack behind RouteContext, kept in the browser's history: every page the clerk opens is
// a history entry whose address names the page (nav/route-url.ts), so F5 reopens it (browser mode) and
// the browser's back/forward move between pages. 返回 and the breadcrumbs use the same history.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { navLabel, type NavKey } from '../layout/nav-items.ts';
import {
  fromHistoryState,
  parseRouteHash,
  routeHash,
  sameRoute,
  toHistoryState,
  type HistoryNav,
} from '../nav/route-url.ts';
import { defaultTitle, navKeyOf, useRoute, type Route, type RouteEntry, type RouteState } from './route.ts';

const entry = (route: Route, title?: string): RouteEntry => ({
  route,
  title: title ?? defaultTitle(route, navLabel),
});

/** Pages deeper than this drop their oldest entries (a long day of 户 → 人 → 户 …). */
const MAX_DEPTH = 12;

/** The pages the address names: the history entry's own when it is for this address (F5), else the
 * page with its main-menu area beneath it (a bookmarked or typed address), else `initial`. */
function navFromLocation(initial: NavKey): HistoryNav {
  const { route } = parseRouteHash(window.location.hash);
  const kept = fromHistoryState(window.history.state);
  const top = kept?.stack[kept.stack.length - 1];
  if (kept !== null && top !== undefined && (route === null || sameRoute(top.route, route))) return kept;
  if (route === null) return { stack: [entry({ page: initial })], chain: 0 };
  const area = navKeyOf(route);
  const stack = route.page === area ? [entry(route)] : [entry({ page: area }), entry(route)];
  return { stack, chain: 0 };
}

/**
 * @param regionCode the region selected in the tree, written into the address.
 * @param onAddressRegion told the region of an address typed into the bar (not F5: that reads it at start).
 */
export function useRouteStack(
  initial: NavKey,
  regionCode: string | null,
  onAddressRegion?: (code: string) => void,
): RouteState {
  const [nav, setNav] = useState<HistoryNav>(() => navFromLocation(initial));
  const navRef = useRef(nav);
  const regionRef = useRef(regionCode);
  /** Where an in-app 返回 over several history entries should land (set before history.go). */
  const pendingBack = useRef<readonly RouteEntry[] | null>(null);

  const write = useCallback((next: HistoryNav, how: 'push' | 'replace') => {
    navRef.current = next;
    setNav(next);
    const top = next.stack[next.stack.length - 1];
    const url = top === undefined ? undefined : routeHash(top.route, regionRef.current);
    if (how === 'push') window.history.pushState(toHistoryState(next), '', url);
    else window.history.replaceState(toHistoryState(next), '', url);
  }, []);

  // The first address: the page shown, without a leftover token part or a stale state.
  useEffect(() => {
    write(navRef.current, 'replace');
  }, [write]);

  // The region is part of the address (F5 keeps it), but choosing one is no new history entry.
  useEffect(() => {
    if (regionRef.current === regionCode) return;
    regionRef.current = regionCode;
    write(navRef.current, 'replace');
  }, [regionCode, write]);

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const landed = fromHistoryState(e.state);
      const target = pendingBack.current;
      pendingBack.current = null;
      if (landed === null) {
        // A hand-edited address: open what it names, page and region (read before anything rewrites it).
        const named = parseRouteHash(window.location.hash).regionCode;
        write(navFromLocation(initial), 'replace');
        if (named !== null) onAddressRegion?.(named);
        return;
      }
      // The region stays as the clerk left it; the address follows.
      write(
        target !== null ? { stack: target, chain: Math.min(landed.chain, target.length - 1) } : landed,
        'replace',
      );
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [initial, write, onAddressRegion]);

  const open = useCallback(
    (route: Route, title?: string) => {
      const { stack, chain } = navRef.current;
      const next = [...stack, entry(route, title)];
      const trimmed =
        next.length > MAX_DEPTH ? [next[0] as RouteEntry, ...next.slice(next.length - MAX_DEPTH + 1)] : next;
      write({ stack: trimmed, chain: Math.min(chain + 1, trimmed.length - 1) }, 'push');
    },
    [write],
  );
  const replace = useCallback(
    (route: Route, title?: string) => {
      const { stack, chain } = navRef.current;
      write({ stack: [...stack.slice(0, -1), entry(route, title)], chain }, 'replace');
    },
    [write],
  );
  const back = useCallback(
    (depth?: number) => {
      const { stack, chain } = navRef.current;
      const keep = Math.max(1, Math.min(depth === undefined ? stack.length - 1 : depth + 1, stack.length));
      const steps = stack.length - keep;
      if (steps <= 0) return;
      const target = stack.slice(0, keep);
      if (steps <= chain) {
        // The browser's own back, so its forward button returns here.
        pendingBack.current = target;
        window.history.go(-steps);
      } else write({ stack: target, chain: 0 }, 'replace');
    },
    [write],
  );
  const reset = useCallback((page: NavKey) => write({ stack: [entry({ page })], chain: 0 }, 'push'), [write]);
  const setTitle = useCallback(
    (title: string) => {
      const { stack, chain } = navRef.current;
      const top = stack[stack.length - 1];
      if (top === undefined || top.title === title) return;
      write({ stack: [...stack.slice(0, -1), { ...top, title }], chain }, 'replace');
    },
    [write],
  );

  const stack = nav.stack;
  const current = (stack[stack.length - 1] ?? entry({ page: initial })).route;
  return useMemo(
    () => ({ stack, current, open, replace, back, reset, setTitle }),
    [stack, current, open, replace, back, reset, setTitle],
  );
}

/** The region code the address named when the program opened (F5 keeps the tree where it was). */
export const regionFromLocation = (): string | null => parseRouteHash(window.location.hash).regionCode;

/** A page names itself in the breadcrumbs once it knows its title. */
export function useRouteTitle(title: string | undefined): void {
  const { setTitle } = useRoute();
  useEffect(() => {
    if (title !== undefined && title !== '') setTitle(title);
  }, [title, setTitle]);
}
