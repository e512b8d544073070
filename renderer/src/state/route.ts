// Navigation: which page is open and how the clerk got there (for 返回 and the breadcrumbs). The stack
// lives in the browser's history and the page in the address (useRouteStack.ts, nav/route-url.ts);
// browser mode's token, in the fragment on first load only, is taken out before (api/transport.ts).
import { createContext, useContext } from 'react';
import type { NavKey } from '../layout/nav-items.ts';

export type Route =
  | { page: NavKey }
  | { page: 'household'; id: number }
  | { page: 'person'; id: number }
  | { page: 'new-household' }
  | { page: 'person-search'; q: string }
  /** One thematic ledger (专项台账) by its id. */
  | { page: 'ledger'; id: string }
  /** 导入 with a thematic ledger preselected as the target. */
  | { page: 'import'; into: string }
  /** 报表 opened at one report (from a 首页 number). */
  | { page: 'reports'; report: string };

export interface RouteEntry {
  route: Route;
  /** Shown in the breadcrumbs; pages set it once their data has loaded. */
  title: string;
}

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

/** The main-menu area a page belongs to. */
export function navKeyOf(route: Route): NavKey {
  switch (route.page) {
    case 'household':
    case 'person':
    case 'new-household':
    case 'person-search':
      return 'households';
    case 'ledger':
      return 'special';
    default:
      return route.page;
  }
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
