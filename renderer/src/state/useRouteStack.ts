// The navigation stack behind RouteContext.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { navLabel, type NavKey } from '../layout/nav-items.ts';
import { defaultTitle, useRoute, type Route, type RouteEntry, type RouteState } from './route.ts';

const entry = (route: Route, title?: string): RouteEntry => ({
  route,
  title: title ?? defaultTitle(route, navLabel),
});

/** Pages deeper than this drop their oldest entries (a long day of 户 → 人 → 户 …). */
const MAX_DEPTH = 12;

export function useRouteStack(initial: NavKey): RouteState {
  const [stack, setStack] = useState<readonly RouteEntry[]>(() => [entry({ page: initial })]);

  const open = useCallback((route: Route, title?: string) => {
    setStack((s) => {
      const next = [...s, entry(route, title)];
      return next.length > MAX_DEPTH
        ? [next[0] as RouteEntry, ...next.slice(next.length - MAX_DEPTH + 1)]
        : next;
    });
  }, []);
  const replace = useCallback((route: Route, title?: string) => {
    setStack((s) => [...s.slice(0, -1), entry(route, title)]);
  }, []);
  const back = useCallback((depth?: number) => {
    setStack((s) => {
      const keep = depth === undefined ? s.length - 1 : depth + 1;
      return s.slice(0, Math.max(1, Math.min(keep, s.length)));
    });
  }, []);
  const reset = useCallback((page: NavKey) => setStack([entry({ page })]), []);
  const setTitle = useCallback((title: string) => {
    setStack((s) => {
      const top = s[s.length - 1];
      if (top === undefined || top.title === title) return s;
      return [...s.slice(0, -1), { ...top, title }];
    });
  }, []);

  const current = (stack[stack.length - 1] ?? entry({ page: initial })).route;
  return useMemo(
    () => ({ stack, current, open, replace, back, reset, setTitle }),
    [stack, current, open, replace, back, reset, setTitle],
  );
}

/** A page names itself in the breadcrumbs once it knows its title. */
export function useRouteTitle(title: string | undefined): void {
  const { setTitle } = useRoute();
  useEffect(() => {
    if (title !== undefined && title !== '') setTitle(title);
  }, [title, setTitle]);
}
