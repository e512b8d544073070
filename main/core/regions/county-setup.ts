// Creates a ledger's region tree from the official codes: the county, its townships and villages.
// Codes are stored padded to 12 digits (统计用区划代码), so a 9-digit township 420626100 is 420626100000.
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { nowIso } from '../clock.ts';
import { getSetting, setSetting, SETTING_KEYS } from '../ledger/settings.ts';
import type { RegionCatalog } from './catalog.ts';

export const pad12 = (code: string): string => code.padEnd(12, '0');

export interface CountyInfo {
  code: string;
  name: string;
  fullName: string;
}

export function ledgerCounty(ledger: Ledger): CountyInfo | null {
  const code = getSetting(ledger, SETTING_KEYS.countyCode);
  if (!code) return null;
  return {
    code,
    name: getSetting(ledger, SETTING_KEYS.countyName) ?? code,
    fullName: getSetting(ledger, SETTING_KEYS.countyFullName) ?? code,
  };
}

export function requireCounty(ledger: Ledger): CountyInfo {
  const county = ledgerCounty(ledger);
  if (!county)
    throw new LedgerError('not-initialized', '台账尚未建立：请先选择本县（创建新台账）或载入示例数据。');
  return county;
}

/** Fills the county's official townships and villages. One transaction; refused if a county is set. */
export function setUpCounty(
  ledger: Ledger,
  catalog: RegionCatalog,
  countyCode: string,
): { county: CountyInfo; townships: number; villages: number } {
  if (ledgerCounty(ledger)) {
    throw new LedgerError(
      'already-initialized',
      '本台账已经建立，不能再选择别的县。如需另建，请新建一个台账文件。',
    );
  }
  const county = catalog.county(countyCode);
  const tree = catalog.countyTree(countyCode);
  if (!county || !tree) throw new LedgerError('not-found', `区划目录中没有代码为 ${countyCode} 的县级单位。`);
  const now = nowIso();
  const insert = ledger.sqlite.prepare(
    `INSERT INTO regions (code, parent_code, level, name, official_name, sort_order, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'official', ?, ?)`,
  );
  let villages = 0;
  ledger.sqlite.transaction(() => {
    const countyCode12 = pad12(county.code);
    insert.run(countyCode12, null, 'county', county.name, county.name, 0, now, now);
    tree.townships.forEach((t, ti) => {
      insert.run(pad12(t.code), countyCode12, 'township', t.name, t.name, ti, now, now);
      t.villages.forEach((v, vi) => {
        insert.run(pad12(v.code), pad12(t.code), 'village', v.name, v.name, vi, now, now);
        villages += 1;
      });
    });
    setSetting(ledger, SETTING_KEYS.countyCode, county.code);
    setSetting(ledger, SETTING_KEYS.countyName, county.name);
    setSetting(ledger, SETTING_KEYS.countyFullName, county.fullName);
  })();
  const info = { code: county.code, name: county.name, fullName: county.fullName };
  return { county: info, townships: tree.townships.length, villages };
}
