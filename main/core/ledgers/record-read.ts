// Reading a ledger's records as the UI shows them: the list (filters, search, sort, paging), one record,
// and every record of a household and its members for the household page's tabs.
import type { z } from 'zod';
import type { recordQuery, recordView } from '../../../shared/contract/ledgers.ts';
import type { LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { allLedgers, ledgerFieldLabel } from '../../../shared/ledgers/index.ts';
import { maskIdNumber, maskPhone } from '../../../shared/mask.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { personMatch } from '../persons/person-match.ts';
import { anyOf } from '../db/any-of.ts';
import { findRegion, regionTree } from '../regions/region-tree.ts';
import { dataVersion } from '../db/data-version.ts';
import { pageIds, perLedger, searchResultIds, unindexed } from '../households/list-page.ts';
import { recordSql, regionCondition, requireLedger } from './record-sql.ts';
import { leadingIndexColumns } from '../../../shared/ledgers/table-sql.ts';

export type RecordQuery = z.output<typeof recordQuery>;
export type RecordView = z.output<typeof recordView>;
type Row = Record<string, string | number | null>;

/** Names of every region, for the 乡镇 村 组 text of a record (villages by their short name: 五星村). */
export function placeNamer(ledger: Ledger): (code: string | null) => string {
  const byCode = new Map(regionTree(ledger).map((r) => [r.code, r]));
  const cache = new Map<string, string>();
  return (code) => {
    if (code === null) return '';
    let text = cache.get(code);
    if (text === undefined) {
      const parts: string[] = [];
      for (let n = byCode.get(code); n && n.level !== 'county'; n = byCode.get(n.parentCode ?? ''))
        parts.unshift(shortRegionName(n.name));
      text = parts.length > 0 ? parts.join(' ') : (byCode.get(code)?.name ?? code);
      cache.set(code, text);
    }
    return text;
  };
}

/** How a record leaves the core: lists mask 证件号码 and phones (`masked`); one record opened for
 * editing carries them in full. */
export function toView(
  def: LedgerDef,
  row: Row,
  place: (code: string | null) => string,
  masked = true,
): RecordView {
  const values: LedgerValues = {};
  for (const f of def.fields) {
    const v = row[f.column] ?? null;
    values[f.column] =
      masked && typeof v === 'string' && (f.sensitive || f.type === 'id-number' || f.type === 'phone')
        ? f.type === 'phone'
          ? maskPhone(v)
          : maskIdNumber(v)
        : v;
  }
  const rollups: Record<string, number> = {};
  for (const ru of def.rollups ?? []) rollups[ru.column] = Number(row[`rollup_${ru.column}`] ?? 0);
  const id = row.s_id_number;
  const regionCode = (row.s_region_code as string | null) ?? null;
  return {
    id: Number(row.id),
    ledgerId: def.id,
    subject: {
      personId: (row.s_person_id as number | null) ?? null,
      householdId: (row.s_household_id as number | null) ?? null,
      name: (row.s_name as string | null) ?? null,
      idNumber: typeof id === 'string' ? maskIdNumber(id) : null,
      householdNo: (row.s_household_no as string | null) ?? null,
      regionCode,
      place: place(regionCode),
      outsideRegister: def.subject === 'person' && row.s_person_id === null,
      parentId: (row.s_parent_id as number | null) ?? null,
      parentLabel: (row.s_parent_label as string | null) ?? null,
    },
    values,
    rollups,
    origin: String(row.origin),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

/**
 * Only the id (newest first) and the fields the definition declares sortable (`sortColumns`, each with an
 * index (column, id)): any other order would sort every record on each first page.
 */
function requireSortColumn(def: LedgerDef, column: string): void {
  if (column === 'id' || def.sortColumns.includes(column)) return;
  const f = def.fields.find((x) => x.column === column);
  const can = def.sortColumns.map((c) => `“${ledgerFieldLabel(def, c)}”`).join('、');
  throw new LedgerError(
    'validation',
    `${def.name}${f ? `不能按“${f.label}”排序` : `没有“${column}”这一列，不能按它排序`}${can === '' ? '。' : `；可以按${can}排序。`}`,
  );
}

/**
 * WHERE and ORDER BY of a record query (bound parameters; column names only from the definition). Two
 * forms of the same condition, with the same parameters: `where` for counting and walking an order, where a
 * filter may use its column's sort index (a covering count of 已外出), and `scanWhere` for reading every
 * record it keeps (a sorted list under conditions, a search, an export), where a column with only a sort
 * index is written `+r.column` so SQLite scans as it did before those indexes: it has no statistics and
 * takes any index for selective — 31,343 未外出 read one by one through the 务工状态 index sort slower than
 * the table scanned. Inside a region both leave such a column alone: the records are reached through the
 * region's households (regionCondition), not every 已外出 record of the county (a village: 2.6 → 52 ms).
 * A column that leads another index (年度, a unique key) keeps it in both, as before.
 */
export function recordWhere(ledger: Ledger, def: LedgerDef, q: RecordQuery) {
  const s = recordSql(def);
  const where: string[] = [];
  const scanWhere: string[] = [];
  const params: unknown[] = [];
  const both = (sql: string) => {
    where.push(sql);
    scanWhere.push(sql);
  };
  if (q.regionCode !== null) {
    const c = regionCondition(def, findRegion(ledger, q.regionCode));
    both(c.where);
    params.push(...c.params);
  }
  if (q.parentId !== undefined) {
    if (!def.parent) throw new LedgerError('validation', `“${def.name}”没有所属记录。`);
    both('r.parent_id = ?');
    params.push(q.parentId);
  }
  const indexed = leadingIndexColumns(def);
  for (const [column, values] of Object.entries(q.filters)) {
    const f = def.fields.find((x) => x.column === column);
    if (!f) throw new LedgerError('validation', `“${def.name}”没有“${column}”这一列。`);
    if (values.length === 0) continue;
    const numeric = f.type === 'bool' || f.type === 'year' || f.type === 'int';
    const test = (expr: string) =>
      anyOf(
        expr,
        values.map((v) => (numeric && v !== '' ? Number(v) : v)),
        f.type === 'codes',
      );
    const plain = test(`r.${column}`);
    const sortOnly = def.sortColumns.includes(column) && !indexed.has(column);
    const unindexed = sortOnly ? test(`+r.${column}`).sql : plain.sql;
    where.push(q.regionCode !== null ? unindexed : plain.sql);
    scanWhere.push(unindexed);
    params.push(...plain.params);
  }
  const text = q.search?.trim() ?? '';
  if (text !== '') {
    const alternatives: string[] = [];
    const m = def.subject === 'person' ? personMatch(text) : null;
    if (m) {
      alternatives.push(`r.person_id IN (${m.sql})`);
      params.push(...m.params);
    }
    if (def.subject === 'person' && def.personOptional) {
      alternatives.push(`r.person_name LIKE ? || '%'`, `r.person_id_number LIKE '%' || ? || '%'`);
      params.push(text, text);
    }
    // Person records are found by their person (the trigram index); the others by household and text.
    if (def.subject !== 'person') {
      alternatives.push(`h.household_no LIKE ? || '%'`, `h.head_name LIKE ? || '%'`);
      params.push(text, text);
      for (const f of def.fields.filter((x) => x.type === 'text' && !x.long).slice(0, 4)) {
        alternatives.push(`r.${f.column} LIKE '%' || ? || '%'`);
        params.push(text);
      }
    }
    // A number the program issued (三联单编号) finds its record, whatever the subject.
    for (const f of def.fields.filter((x) => x.unique === true)) {
      alternatives.push(`r.${f.column} = ?`);
      params.push(text);
    }
    both(alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '0');
  }
  const sort = q.sort ?? { column: 'id', order: 'desc' as const };
  requireSortColumn(def, sort.column);
  const dir = sort.order === 'desc' ? 'DESC' : 'ASC';
  return {
    sql: s,
    where: where.length > 0 ? where.join(' AND ') : '1 = 1',
    scanWhere: scanWhere.length > 0 ? scanWhere.join(' AND ') : '1 = 1',
    params,
    // The id is never NULL: without NULLS LAST the default order walks the table backwards, unsorted.
    order: sort.column === 'id' ? `r.id ${dir}` : `r.${sort.column} ${dir} NULLS LAST, r.id ${dir}`,
    sort,
  };
}

/** How many index entries a probe reads before deciding the walk does not pay (per page of `limit`). */
const PROBE_PAGES = 20;

/**
 * How a list without a search reads a page: `walk` the order (the table by id, or the sort column's index
 * (column, id)) from the page's key, testing the conditions on the way, or `sort` what the conditions find
 * once (kept per query and data version) and slice it.
 * - No conditions: walk (the index alone: 外出务工's first page sorted by a column 42 → 4 ms CPU).
 * - A filter (no region): walking reads about limit ÷ (share of records kept) entries a page — 4 ms for
 *   已外出 (40,690 of 93,777), where sorting them took 25–70 ms — but the whole index when the filter and
 *   the column go together (未外出 sorted by 开始日期: no 未外出 worker has one; 91 ms). So the first
 *   PROBE_PAGES pages' worth of entries are tested first: the walk is taken when they hold a page.
 * - A region (or a parent record): sorted; its records are reached through the region's households, a
 *   township's few thousand sort in 13–15 ms, and each walked page would gather the region again.
 */
function sortedListOrder(
  ledger: Ledger,
  q: RecordQuery & { limit: number },
  w: ReturnType<typeof recordWhere>,
): 'walk' | 'sort' {
  if (w.sort.column === 'id' || w.where === '1 = 1') return 'walk';
  if (q.regionCode !== null || q.parentId !== undefined || /\b[hp]\./.test(w.where)) return 'sort';
  // The probe's verdict holds for the query until the data changes: each later page (a scroll) reuses it.
  const sig = JSON.stringify([w.sql.table, w.where, w.params, w.sort, q.limit]);
  const version = dataVersion(ledger);
  const known = probed.get(ledger, sig, version);
  if (known !== undefined) return known.order;
  const order = probe(ledger, q.limit, w);
  probed.set(ledger, sig, { version, order });
  return order;
}

const probed = perLedger<{ version: string; order: 'walk' | 'sort' }>(20);

/** Whether the first PROBE_PAGES pages' worth of the sort index's entries hold a page of the list. */
function probe(ledger: Ledger, limit: number, w: ReturnType<typeof recordWhere>): 'walk' | 'sort' {
  const reads = PROBE_PAGES * limit;
  const t = w.sql.table;
  const c = w.sort.column;
  const dir = w.sort.order === 'desc' ? 'DESC' : 'ASC';
  let matched = 0;
  for (const part of ['filled', 'empty'] as const) {
    const entries =
      part === 'filled'
        ? `SELECT s.id FROM ${t} s INDEXED BY ${t}_sort_${c} WHERE s.${c} IS NOT NULL ORDER BY s.${c} ${dir}, s.id ${dir} LIMIT ?`
        : `SELECT s.id FROM ${t} s INDEXED BY ${t}_sort_${c} WHERE s.${c} IS NULL ORDER BY s.id ${dir} LIMIT ?`;
    const found = ledger.sqlite
      .prepare(
        `WITH k AS (${entries}) SELECT (SELECT COUNT(*) FROM k) AS scanned, (SELECT COUNT(*) FROM k CROSS JOIN ${t} r ON r.id = k.id WHERE ${w.where}) AS matched`,
      )
      .get(reads, ...w.params) as { scanned: number; matched: number };
    matched += found.matched;
    if (matched >= limit) return 'walk';
    // Entries left in this part that the probe did not reach: walking them could read them all.
    if (found.scanned === reads) return 'sort';
  }
  return 'walk';
}

/** `from` with the listed table read through the sort column's index (table-sql.ts sortIndexSql). */
function indexedBy(table: string, from: string, column: string): string {
  const head = `${table} r`;
  if (!from.startsWith(head)) throw new Error(`record list: unexpected FROM ${from}`);
  return `${head} INDEXED BY ${table}_sort_${column}${from.slice(head.length)}`;
}

/**
 * A page of a ledger's records in list order, read as the household list reads its pages
 * (main/core/households/list-page.ts), then the wide rows (subject, rollups) of just its ids:
 * - newest first (by id, the table's own order) with any filters and region, or sorted by a `sortColumns`
 *   field (its index (column, id), migration 0016) where `sortedListOrder` says the walk pays: by key —
 *   the key at a jump's offset is read from the record table or the index alone, without the person,
 *   household and rollups OFFSET joined for every record before the page (外出务工 at 100,000 households,
 *   ~94,000 records, offset 85,000–90,000: 136–153 ms wall / 69 ms CPU → 10–14 / 5 ms; the first page
 *   sorted by a column: every record sorted, 42–56 ms CPU → 4 ms);
 * - searched, or sorted under a region or a filter the walk does not pay for: the ids in list order are
 *   read once per query and data version, then the total and every page come from them.
 */
export function listRecords(ledger: Ledger, q: RecordQuery & { offset: number; limit: number }) {
  const def = requireLedger(q.ledgerId);
  const w = recordWhere(ledger, def, q);
  // Counting and keys need the joins only when a condition reads the person or household.
  const from = /\b[hp]\./.test(w.where) ? w.sql.from : `${w.sql.table} r`;
  const keyed = {
    from,
    where: w.where,
    params: w.params,
    column: w.sort.column,
    desc: w.sort.order === 'desc',
    alias: 'r',
  };
  let total: number;
  let ids: number[];
  const searched = (q.search?.trim() ?? '') !== '';
  if (!searched && sortedListOrder(ledger, q, w) === 'walk') {
    total = ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM ${from} WHERE ${w.where}`)
      .pluck()
      .get(...w.params) as number;
    ids = pageIds(
      ledger,
      w.sort.column === 'id' ? keyed : { ...keyed, from: indexedBy(w.sql.table, from, w.sort.column) },
      q.offset,
      q.limit,
    );
  } else {
    // Searched, or sorted under a region or a narrow filter: what the conditions find, read as before the
    // sort indexes (`scanWhere`) and sorted (not by walking the sort index, `unindexed`).
    const all = searchResultIds(
      ledger,
      { ...keyed, where: w.scanWhere },
      searched ? w.order : unindexed(w.order, 'r'),
    );
    total = all.length;
    ids = all.slice(q.offset, q.offset + q.limit);
  }
  const rows = ledger.sqlite
    .prepare(
      `SELECT r.*, ${w.sql.subject}${w.sql.rollups} FROM ${w.sql.from} WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Row[];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const place = placeNamer(ledger);
  return {
    total,
    rows: ids
      .map((id) => byId.get(id))
      .filter((r): r is Row => r !== undefined)
      .map((r) => toView(def, r, place)),
  };
}

export function getRecordRow(ledger: Ledger, def: LedgerDef, id: number): Row {
  const s = recordSql(def);
  const row = ledger.sqlite
    .prepare(`SELECT r.*, ${s.subject}${s.rollups} FROM ${s.from} WHERE r.id = ?`)
    .get(id) as Row | undefined;
  if (!row) throw new LedgerError('not-found', `“${def.name}”中没有这条记录（编号 ${id}），可能已被删除。`);
  return row;
}

export function getRecord(ledger: Ledger, ledgerId: string, id: number, masked = false): RecordView {
  const def = requireLedger(ledgerId);
  return toView(def, getRecordRow(ledger, def, id), placeNamer(ledger), masked);
}

/** Records about a household or any of its members, per ledger that has some. */
export function recordsForHousehold(ledger: Ledger, householdId: number) {
  const exists = ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId);
  if (!exists) throw new LedgerError('not-found', `没有编号为 ${householdId} 的户。`);
  const place = placeNamer(ledger);
  const out: Array<{ ledgerId: string; rows: RecordView[] }> = [];
  for (const def of allLedgers()) {
    const s = recordSql(def);
    const cond = def.subject === 'person' ? 'p.household_id = ?' : 'r.household_id = ?';
    const rows = ledger.sqlite
      .prepare(`SELECT r.*, ${s.subject}${s.rollups} FROM ${s.from} WHERE ${cond} ORDER BY r.id LIMIT 500`)
      .all(householdId) as Row[];
    if (rows.length > 0) out.push({ ledgerId: def.id, rows: rows.map((r) => toView(def, r, place)) });
  }
  return out;
}
