// Navigation: which page is open and how the clerk got there (for 返回 and the breadcrumbs). The stack
// lives in the browser's history and the page in the address (useRouteStack.ts, nav/route-url.ts);
// browser mode's token, in the fragment on first load only, is taken out before (api/transport.ts).
import { createContext, useContext } from 'react';
import type { NavKey } from '../layout/nav-items.ts';
import type { Route, RouteEntry } from './route-types.ts';

export type { Route, RouteEntry } from './route-types.ts';
export { navKeyOf } from './route-types.ts';

export interface RouteState {
  stack: readonly RouteEntry[];
  current: Route;
  /** Opens a page on top of the current one (返回 comes back). */
  open: (route: Route, title?: string) => void;
  /** Replaces the current page (e.g. the new-household form by the household it created). */
  replace: (route: Route, title?: string) => void;
  /** Goes back one page, or to `depth` entries from the bottom of the stack. */
  back: (depth?: number) => void;
  /** Starts over at a main-menu area. */
  reset: (page: NavKey) => void;
  setTitle: (title: string) => void;
}

export const RouteContext = createContext<RouteState | null>(null);

export function useRoute(): RouteState {
  const value = useContext(RouteContext);
  if (value === null) throw new Error('useRoute 只能在 AppShell 内使用');
  return value;
}

export function defaultTitle(route: Route, navLabel: (key: NavKey) => string): string {
  switch (route.page) {
    case 'household':
      return '户';
    case 'person':
      return '人员';
    case 'new-household':
      return '新增户';
    case 'person-search':
      return '查人';
    case 'ledger':
      return '台账';
    default:
      return navLabel(route.page);
  }
}
