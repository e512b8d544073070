// Where the clerk is, written into the address (`#/household/123?r=420626100000`) so that F5 in browser
// mode reopens the same page and back/forward move between pages. Pure functions: no DOM, no React
// (tests/unit/nav-route-url.test.ts).
//
// Only what names a place goes into the address: page, record id, ledger, report and region code. Search
// words (a name, the last digits of an ID) never do; the 查人 words travel in the history entry's state.
import { NAV_ITEMS, type NavKey } from '../layout/nav-items.ts';
import type { Route, RouteEntry } from '../state/route-types.ts';

const NAV_KEYS: ReadonlySet<string> = new Set(NAV_ITEMS.map((i) => i.key));
const isNavKey = (s: string): s is NavKey => NAV_KEYS.has(s);

/** The hash for a route and the region selected in the tree ('#/households', '#/ledger/migrant_work?r=…'). */
export function routeHash(route: Route, regionCode: string | null): string {
  const region = regionCode === null ? '' : `?r=${encodeURIComponent(regionCode)}`;
  return `#/${routePath(route)}${region}`;
}

function routePath(route: Route): string {
  const seg = encodeURIComponent;
  switch (route.page) {
    case 'household':
    case 'person':
      return `${route.page}/${route.id}`;
    case 'ledger':
      return `ledger/${seg(route.id)}`;
    case 'person-search':
    case 'new-household':
      return route.page;
    case 'import':
      return 'into' in route ? `import/${seg(route.into)}` : 'import';
    case 'reports':
      return 'report' in route ? `reports/${seg(route.report)}` : 'reports';
    default:
      return route.page;
  }
}

export interface UrlPlace {
  /** Null when the hash names no page of the program (an empty hash, a typo, a leftover token part). */
  route: Route | null;
  /** The region code the address names, if any. */
  regionCode: string | null;
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

const positiveId = (s: string | undefined): number | null =>
  s !== undefined && /^[1-9]\d{0,14}$/.test(s) ? Number(s) : null;

/** Reads a hash written by routeHash (other parameters, such as a browser-mode token, are ignored). */
export function parseRouteHash(hash: string): UrlPlace {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const [pathPart = '', query = ''] = body.split('?', 2);
  let regionCode: string | null = null;
  for (const part of query.split('&')) {
    if (part.startsWith('r=')) {
      const code = decode(part.slice(2));
      if (code !== null && /^\d{2,12}(-\d{2})?$/.test(code)) regionCode = code;
    }
  }
  if (!pathPart.startsWith('/')) return { route: null, regionCode };
  const [page = '', arg, ...extra] = pathPart.slice(1).split('/');
  const value = arg === undefined ? undefined : (decode(arg) ?? undefined);
  const route = extra.length > 0 ? null : toRoute(page, value);
  return { route, regionCode };
}

function toRoute(page: string, arg: string | undefined): Route | null {
  switch (page) {
    case 'household':
    case 'person': {
      const id = positiveId(arg);
      return id === null ? null : { page, id };
    }
    case 'ledger':
      return arg === undefined || arg === '' ? null : { page, id: arg };
    case 'person-search':
      return arg === undefined ? { page, q: '' } : null;
    case 'new-household':
      return arg === undefined ? { page } : null;
    case 'import':
      return arg === undefined ? { page } : arg === '' ? null : { page, into: arg };
    case 'reports':
      return arg === undefined ? { page } : arg === '' ? null : { page, report: arg };
    default:
      return isNavKey(page) && arg === undefined ? { page } : null;
  }
}

/** What a history entry of this program keeps: the pages behind 返回 and how many of them are real
 * history entries (so 返回 can be the browser's back, and back/forward agree with the breadcrumbs). */
export interface HistoryNav {
  stack: readonly RouteEntry[];
  /** How many entries below the top the browser's history holds in order (0 after F5 on a bare address). */
  chain: number;
}

const MARK = 'countyLedgerNav';

export const toHistoryState = (nav: HistoryNav): Record<string, unknown> => ({
  [MARK]: 1,
  stack: nav.stack,
  chain: nav.chain,
});

/** The nav a history entry holds, or null for anything else (another program's state, a hand-typed URL). */
export function fromHistoryState(state: unknown): HistoryNav | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  if (s[MARK] !== 1 || !Array.isArray(s.stack) || typeof s.chain !== 'number') return null;
  const stack: RouteEntry[] = [];
  for (const item of s.stack as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { route, title } = item as { route?: unknown; title?: unknown };
    if (typeof title !== 'string' || typeof route !== 'object' || route === null) return null;
    // A route is trusted only if it survives the trip through the address (known page, valid id).
    const parsed = parseRouteHash(routeHash(route as Route, null)).route;
    if (parsed === null) return null;
    const q = (route as { q?: unknown }).q;
    stack.push({
      route: parsed.page === 'person-search' && typeof q === 'string' ? { ...parsed, q } : parsed,
      title,
    });
  }
  if (stack.length === 0) return null;
  return { stack, chain: Math.max(0, Math.min(Math.floor(s.chain), stack.length - 1)) };
}

/** Same page, same record: the address of two routes is the same. */
export const sameRoute = (a: Route, b: Route): boolean => routeHash(a, null) === routeHash(b, null);
