// 本乡镇: the township (or village) this ledger's clerk works in. The tree, the lists and reports open
// there and the import page offers it first. Stored as a setting, so every change is in the audit log.
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { findRegion } from '../regions/region-tree.ts';
import { getSetting, setSetting } from './settings.ts';

const HOME_REGION = 'home_region';

/** The home region's code; null when none is set (or it names a region this ledger no longer has). */
export function getHomeRegion(ledger: Ledger): string | null {
  const code = getSetting(ledger, HOME_REGION);
  if (code === null || code === '') return null;
  const level = ledger.prepare('SELECT level FROM regions WHERE code = ?').pluck().get(code);
  return level === 'township' || level === 'village' ? code : null;
}

/** Sets (a township or a village) or clears (null: the whole county) the home region. */
export function setHomeRegion(ledger: Ledger, code: string | null): string | null {
  if (code === null) {
    setSetting(ledger, HOME_REGION, '');
    return null;
  }
  const region = findRegion(ledger, code);
  if (region.level !== 'township' && region.level !== 'village')
    throw new LedgerError('validation', `本乡镇只能是乡镇或村，“${region.name}”不是。`);
  setSetting(ledger, HOME_REGION, region.code);
  return region.code;
}
