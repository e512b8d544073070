// Which households make up the page at `offset` of a sorted list, read by key instead of OFFSET over the
// wide joined rows. The order is (sort column, id), empty values last, both in the chosen direction; the
// indexes (status, column) of migration 0012 hold it. A page is found in two steps:
//   1. its first key: the key where the previous page ended, when the clerk scrolls on (kept below per
//      query and data version), or else the key at `offset` read from the index alone (a jump to page 900
//      of 1,000: a few ms, where OFFSET over joined rows sorted 100,000 households: 113 ms);
//   2. the ids from that key on (`(column, id) >= (key, id)`, LIMIT), then the wide rows of just those ids.
// Ties (many households with the same 贫困户属性) are ordered by id, so no row is repeated or skipped
// between pages. A thematic ledger's record list pages the same way (main/core/ledgers/record-read.ts).
import { dataVersion } from '../db/data-version.ts';
import type { Ledger } from '../db/open-ledger.ts';

export interface KeyedList {
  /** `households h …` (or a ledger's records `… r …`) and its condition (bound parameters). */
  from: string;
  where: string;
  params: unknown[];
  /** A column of the listed table (from a fixed list, never user text) and the direction. */
  column: string;
  desc: boolean;
  /** The listed table's alias in `from`, whose `id` breaks ties: h unless given. */
  alias?: string;
}

/** Where a page starts: the row's sort value (null: among the empty ones) and id. */
interface Key {
  value: unknown;
  id: number;
}

type Part = 'filled' | 'empty';

/**
 * A small memory per connection and list query (newest kept, oldest dropped past `max`); every value
 * carries the data version it was read at, and callers use it only at that version.
 */
export function perLedger<T extends { version: string }>(max: number) {
  const byLedger = new WeakMap<Ledger, Map<string, T>>();
  const mapOf = (ledger: Ledger) => {
    let map = byLedger.get(ledger);
    if (map === undefined) {
      map = new Map();
      byLedger.set(ledger, map);
    }
    return map;
  };
  return {
    get: (ledger: Ledger, sig: string, version: string): T | undefined => {
      const v = mapOf(ledger).get(sig);
      return v !== undefined && v.version === version ? v : undefined;
    },
    set: (ledger: Ledger, sig: string, value: T | null) => {
      const map = mapOf(ledger);
      map.delete(sig);
      if (value === null) return;
      map.set(sig, value);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
  };
}

// Where the last page read of each list ended, so the next page seeks straight to it.
const nextKeys = perLedger<{ version: string; offset: number; key: Key }>(20);

const signature = (l: KeyedList) => JSON.stringify([l.from, l.where, l.params, l.column, l.desc, l.alias]);

function partSql(l: KeyedList, part: Part, from: Key | null): { sql: string; params: unknown[] } {
  const a = l.alias ?? 'h';
  const c = `${a}.${l.column}`;
  // Listed by id alone (a ledger's records, newest first): the key is the id, a range of the table.
  const byId = l.column === 'id';
  const dir = l.desc ? 'DESC' : 'ASC';
  const cmp = l.desc ? '<=' : '>=';
  const where = [`(${l.where})`];
  if (!byId) where.push(part === 'filled' ? `${c} IS NOT NULL` : `${c} IS NULL`);
  const params = [...l.params];
  if (from !== null && part === 'filled' && !byId) {
    where.push(`(${c}, ${a}.id) ${cmp} (?, ?)`);
    params.push(from.value, from.id);
  } else if (from !== null) {
    where.push(`${a}.id ${cmp} ?`);
    params.push(from.id);
  }
  const order = part === 'filled' && !byId ? `${c} ${dir}, ${a}.id ${dir}` : `${a}.id ${dir}`;
  return {
    sql: `SELECT ${part === 'filled' ? c : 'NULL'} AS value, ${a}.id AS id FROM ${l.from} WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    params,
  };
}

const partOf = (k: Key): Part => (k.value === null ? 'empty' : 'filled');

/** The key of the row at `offset` (null past the end), read from the order index without the rows. */
function keyAt(ledger: Ledger, l: KeyedList, offset: number): Key | null {
  const filled = partSql(l, 'filled', null);
  const hit = ledger.sqlite.prepare(`${filled.sql} LIMIT 1 OFFSET ?`).get(...filled.params, offset) as
    Key | undefined;
  if (hit !== undefined) return hit;
  if (l.column === 'id') return null;
  const filledCount = ledger.sqlite
    .prepare(
      `SELECT COUNT(*) FROM ${l.from} WHERE (${l.where}) AND ${l.alias ?? 'h'}.${l.column} IS NOT NULL`,
    )
    .pluck()
    .get(...l.params) as number;
  const empty = partSql(l, 'empty', null);
  const rest = ledger.sqlite
    .prepare(`${empty.sql} LIMIT 1 OFFSET ?`)
    .get(...empty.params, Math.max(0, offset - filledCount)) as Key | undefined;
  return rest ?? null;
}

/** Up to `limit` ids in list order from `key` on (inclusive), and the key of the row after them. */
function idsFrom(ledger: Ledger, l: KeyedList, key: Key, limit: number): { ids: number[]; next: Key | null } {
  const rows: Key[] = [];
  const parts: Part[] =
    partOf(key) === 'empty' ? ['empty'] : l.column === 'id' ? ['filled'] : ['filled', 'empty'];
  for (const part of parts) {
    const q = partSql(l, part, part === partOf(key) ? key : null);
    rows.push(
      ...(ledger.sqlite.prepare(`${q.sql} LIMIT ?`).all(...q.params, limit + 1 - rows.length) as Key[]),
    );
    if (rows.length > limit) break;
  }
  return { ids: rows.slice(0, limit).map((r) => r.id), next: rows[limit] ?? null };
}

/** The ids of the page at `offset`, in list order. */
export function pageIds(ledger: Ledger, l: KeyedList, offset: number, limit: number): number[] {
  const sig = signature(l);
  const version = dataVersion(ledger);
  const known = nextKeys.get(ledger, sig, version);
  const key = known !== undefined && known.offset === offset ? known.key : keyAt(ledger, l, offset);
  if (key === null) return [];
  const { ids, next } = idsFrom(ledger, l, key, limit);
  nextKeys.set(ledger, sig, next === null ? null : { version, offset: offset + ids.length, key: next });
  return ids;
}

const searches = perLedger<{ version: string; ids: number[] }>(8);

/**
 * An ORDER BY that SQLite will not take from an index (`+h.column`, or the alias given): sort the few rows
 * found instead.
 */
export const unindexed = (order: string, alias = 'h'): string =>
  order.replace(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'), `+${alias}.$1`);

/**
 * Every id a search finds, in list order (`order`: plain to walk the order index, `unindexed` to sort
 * the rows found), kept per search and data version: the total and every page come from it.
 */
export function searchResultIds(ledger: Ledger, l: KeyedList, order: string): number[] {
  const sig = signature(l);
  const version = dataVersion(ledger);
  const known = searches.get(ledger, sig, version);
  if (known !== undefined) return known.ids;
  const ids = ledger.sqlite
    .prepare(`SELECT ${l.alias ?? 'h'}.id FROM ${l.from} WHERE ${l.where} ORDER BY ${order}`)
    .pluck()
    .all(...l.params) as number[];
  searches.set(ledger, sig, { version, ids });
  return ids;
}
