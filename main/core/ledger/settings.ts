// Key/value settings of one ledger file (its county, whether it holds sample data, the operator …).
import type { Ledger } from '../db/open-ledger.ts';
import { nowIso } from '../clock.ts';
import { writeAudit } from '../audit/audit-log.ts';

export const SETTING_KEYS = {
  countyCode: 'county_code',
  countyName: 'county_name',
  countyFullName: 'county_full_name',
  isSample: 'is_sample',
} as const;

export function getSetting(ledger: Ledger, key: string): string | null {
  const row = ledger.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  return typeof row === 'string' ? row : null;
}

/**
 * Writes a setting; a changed value leaves an audit entry (who, which setting, before and after), in the
 * same transaction when the caller has one. The operator is read here rather than from operator.ts,
 * which builds on this module.
 */
export function setSetting(ledger: Ledger, key: string, value: string): void {
  const before = getSetting(ledger, key);
  if (before === value) return;
  // A new operator's name is written by whoever was operator before (or the new one, the first time).
  const operator = getSetting(ledger, 'operator') ?? (key === 'operator' ? value : '未填写');
  const write = () => {
    ledger
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, value, nowIso());
    writeAudit(ledger, {
      operator,
      action: 'setting',
      entity: 'setting',
      entityId: key,
      householdId: null,
      label: key,
      changes: [{ field: key, before, after: value }],
    });
  };
  if (ledger.sqlite.inTransaction) write();
  else ledger.sqlite.transaction(write)();
}
