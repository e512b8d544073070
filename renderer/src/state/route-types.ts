// The pages and the history entries, without React: the address code (nav/route-url.ts) and its unit
// tests use them where React's global type stubs must not reach (they hide the DOM types of e2e tests).
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
