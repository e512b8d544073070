// Which columns each list shows (the 列 button), kept in the ledger's settings so they stay after a
// restart in every host (browser mode's address, and with it localStorage, changes at each launch). A
// view preference, not ledger data: written without an audit entry.
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { getSetting } from '../ledger/settings.ts';

const keyOf = (list: string) => `list_columns:${list}`;

/** The hidden column keys of a list; null when the clerk never chose (the list's defaults apply). */
export function getListColumns(ledger: Ledger, list: string): { hidden: string[] | null } {
  const raw = getSetting(ledger, keyOf(list));
  if (raw === null) return { hidden: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    return {
      hidden: Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : null,
    };
  } catch {
    return { hidden: null };
  }
}

export function setListColumns(
  ledger: Ledger,
  list: string,
  hidden: readonly string[],
): { hidden: string[] } {
  ledger
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(keyOf(list), JSON.stringify(hidden), nowIso());
  return { hidden: [...hidden] };
}
