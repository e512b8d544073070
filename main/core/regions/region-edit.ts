// Clerks add 村民小组 under a village and correct names; official names stay in official_name.
import { LedgerError } from '../../../shared/result.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import { findRegion, type RegionNode } from './region-tree.ts';

/** What a clerk calls the parent a name must be unique under: 同一村下已有“三组”. */
const PARENT_WORDS: Readonly<Record<string, string>> = { county: '县', township: '乡镇', village: '村' };

function assertNameFree(ledger: Ledger, parentCode: string | null, name: string, exceptCode?: string): void {
  const taken = ledger.sqlite
    .prepare('SELECT code FROM regions WHERE parent_code IS ? AND name = ? AND code <> ?')
    .get(parentCode, name, exceptCode ?? '');
  if (!taken) return;
  const parentLevel = parentCode === null ? undefined : findRegion(ledger, parentCode).level;
  const under = parentLevel === undefined ? '' : `同一${PARENT_WORDS[parentLevel] ?? ''}下`;
  throw new LedgerError('validation', `${under}已有“${name}”，请换一个名称。`);
}

/**
 * Adds a 村民小组 under a village with the next free code '<village>-NN' and its audit entry; shared by
 * the tree's 新增村民小组 and by imports that name a 组 the village does not have yet.
 */
export function insertGroup(
  ledger: Ledger,
  g: {
    village: RegionNode;
    name: string;
    origin: 'manual' | 'import';
    operator: string;
    batchId?: number;
    at?: string;
  },
): string {
  const codes = ledger
    .prepare("SELECT code FROM regions WHERE parent_code = ? AND level = 'group'")
    .pluck()
    .all(g.village.code) as string[];
  const used = new Set(codes.map((c) => Number(c.split('-')[1])));
  let n = 1;
  while (used.has(n)) n += 1;
  if (n > 99) throw new LedgerError('validation', `“${g.village.name}”的村民小组已满 99 个。`);
  const code = `${g.village.code}-${String(n).padStart(2, '0')}`;
  const now = g.at ?? nowIso();
  ledger
    .prepare(
      `INSERT INTO regions (code, parent_code, level, name, official_name, sort_order, origin, created_at, updated_at) VALUES (?, ?, 'group', ?, NULL, ?, ?, ?, ?)`,
    )
    .run(code, g.village.code, g.name, n, g.origin, now, now);
  writeAudit(ledger, {
    operator: g.operator,
    action: 'create',
    entity: 'region',
    entityId: code,
    householdId: null,
    label: `${g.village.name}${g.name}`,
    changes: [{ field: 'name', before: null, after: g.name }],
    ...(g.batchId !== undefined ? { batchId: g.batchId } : {}),
    at: now,
  });
  return code;
}

export function addGroup(ledger: Ledger, villageCode: string, rawName: string): RegionNode {
  const operator = requireOperator(ledger);
  const name = rawName.trim();
  return ledger.sqlite.transaction(() => {
    const village = findRegion(ledger, villageCode);
    if (village.level !== 'village')
      throw new LedgerError('validation', `村民小组只能建在村（社区）下，“${village.name}”不是村。`);
    assertNameFree(ledger, village.code, name);
    const code = insertGroup(ledger, { village, name, origin: 'manual', operator });
    return findRegion(ledger, code);
  })();
}

export function renameRegion(ledger: Ledger, code: string, rawName: string): RegionNode {
  const operator = requireOperator(ledger);
  const name = rawName.trim();
  return ledger.sqlite.transaction(() => {
    const old = findRegion(ledger, code);
    if (old.name === name) return old;
    assertNameFree(ledger, old.parentCode, name, code);
    ledger.sqlite
      .prepare('UPDATE regions SET name = ?, updated_at = ? WHERE code = ?')
      .run(name, nowIso(), code);
    writeAudit(ledger, {
      operator,
      action: 'update',
      entity: 'region',
      entityId: code,
      householdId: null,
      label: old.name,
      changes: diffRows({ name: old.name }, { name }, ['name']),
    });
    return findRegion(ledger, code);
  })();
}
