// Key/value settings of one ledger file (its county, whether it holds sample data, the operator …).
import type { Ledger } from '../db/open-ledger.ts';
import { nowIso } from '../clock.ts';

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

export function setSetting(ledger: Ledger, key: string, value: string): void {
  ledger
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, value, nowIso());
}
