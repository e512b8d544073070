// Clerks add 村民小组 under a village and correct names; official names stay in official_name.
import { LedgerError } from '../../../shared/result.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import { findRegion, type RegionNode } from './region-tree.ts';

function assertNameFree(ledger: Ledger, parentCode: string | null, name: string, exceptCode?: string): void {
  const taken = ledger.sqlite
    .prepare('SELECT code FROM regions WHERE parent_code IS ? AND name = ? AND code <> ?')
    .get(parentCode, name, exceptCode ?? '');
  if (taken) throw new LedgerError('validation', `同一上级下已有名为“${name}”的单位。`);
}

export function addGroup(ledger: Ledger, villageCode: string, rawName: string): RegionNode {
  const operator = requireOperator(ledger);
  const name = rawName.trim();
  return ledger.sqlite.transaction(() => {
    const village = findRegion(ledger, villageCode);
    if (village.level !== 'village')
      throw new LedgerError('validation', `村民小组只能建在村（社区）下，“${village.name}”不是村。`);
    assertNameFree(ledger, village.code, name);
    const codes = ledger.sqlite
      .prepare("SELECT code FROM regions WHERE parent_code = ? AND level = 'group'")
      .pluck()
      .all(village.code) as string[];
    const used = new Set(codes.map((c) => Number(c.split('-')[1])));
    let n = 1;
    while (used.has(n)) n += 1;
    if (n > 99) throw new LedgerError('validation', `“${village.name}”的村民小组已满 99 个。`);
    const code = `${village.code}-${String(n).padStart(2, '0')}`;
    const now = nowIso();
    ledger.sqlite
      .prepare(
        `INSERT INTO regions (code, parent_code, level, name, official_name, sort_order, origin, created_at, updated_at) VALUES (?, ?, 'group', ?, NULL, ?, 'manual', ?, ?)`,
      )
      .run(code, village.code, name, n, now, now);
    writeAudit(ledger, {
      operator,
      action: 'create',
      entity: 'region',
      entityId: code,
      householdId: null,
      label: `${village.name}${name}`,
      changes: [{ field: 'name', before: null, after: name }],
    });
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
