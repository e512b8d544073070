// What a ledger definition's `derive` sees: the county, 务工地 codes from the catalogue, and the county's
// settings of the ledger (stored as 'ledger.<id>.<key>' in the settings table, the default otherwise).
import type { DeriveContext, LedgerDef } from '../../../shared/ledgers/define.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionCatalog } from '../regions/catalog.ts';
import { getSetting, setSetting } from '../ledger/settings.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { createPlaceCoder, type PlaceCoder } from './place-code.ts';

const coders = new WeakMap<RegionCatalog, PlaceCoder>();

const settingKey = (def: LedgerDef, key: string) => `ledger.${def.id}.${key}`;

export function ledgerSetting(ledger: Ledger, def: LedgerDef, key: string): number {
  const s = def.settings?.find((x) => x.key === key);
  if (!s) throw new LedgerError('not-found', `台账“${def.name}”没有“${key}”这项设置。`);
  const stored = getSetting(ledger, settingKey(def, key));
  const n = stored === null ? Number.NaN : Number(stored);
  return Number.isFinite(n) ? n : s.default;
}

export function listLedgerSettings(ledger: Ledger, def: LedgerDef) {
  return (def.settings ?? []).map((s) => ({
    key: s.key,
    label: s.label,
    value: ledgerSetting(ledger, def, s.key),
    default: s.default,
    unit: s.unit ?? null,
  }));
}

export function setLedgerSetting(ledger: Ledger, def: LedgerDef, key: string, value: number) {
  ledgerSetting(ledger, def, key); // refuses unknown keys
  setSetting(ledger, settingKey(def, key), String(value));
  return { key, value };
}

export function deriveContext(ledger: Ledger, def: LedgerDef, catalog: () => RegionCatalog): DeriveContext {
  const county = requireCounty(ledger);
  let coder: PlaceCoder | undefined;
  return {
    countyCode: county.code,
    placeCode(text: string) {
      if (!coder) {
        const c = catalog();
        coder = coders.get(c) ?? createPlaceCoder(c);
        coders.set(c, coder);
      }
      return coder.code(text);
    },
    setting: (key: string) => ledgerSetting(ledger, def, key),
  };
}
