// The clerk's name, written into every audit entry until real accounts exist.
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { getSetting, setSetting } from './settings.ts';

const OPERATOR = 'operator';
const DATA_YEAR = 'data_year';

export const getOperator = (ledger: Ledger): string | null => getSetting(ledger, OPERATOR);

export function setOperator(ledger: Ledger, name: string): string {
  const clean = name.trim();
  if (clean === '') throw new LedgerError('validation', '请填写操作员姓名。');
  setSetting(ledger, OPERATOR, clean);
  return clean;
}

export function requireOperator(ledger: Ledger): string {
  const name = getOperator(ledger);
  if (!name) throw new LedgerError('validation', '请先填写操作员姓名（每次修改都会记下是谁改的）。');
  return name;
}

/** The year new rows belong to: the setting, else the newest year in the ledger, else this year. */
export function dataYear(ledger: Ledger): number {
  const set = Number(getSetting(ledger, DATA_YEAR));
  if (Number.isInteger(set) && set > 2000) return set;
  const newest = ledger.prepare('SELECT MAX(year) FROM households').pluck().get();
  return typeof newest === 'number' ? newest : new Date().getFullYear();
}
