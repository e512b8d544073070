// The thematic ledgers as menus show them: by `group`, in definition order (shared/ledgers/defs/index.ts).
import { LEDGER_DEFS, ledgerDef, type LedgerDef } from '../../../../shared/ledgers/index.ts';

export interface LedgerGroup {
  group: string;
  defs: LedgerDef[];
}

/** Groups in the order their first ledger appears; `keep` narrows the ledgers (e.g. person ledgers). */
export function ledgerGroups(keep: (def: LedgerDef) => boolean = () => true): LedgerGroup[] {
  const groups = new Map<string, LedgerDef[]>();
  for (const def of LEDGER_DEFS as readonly LedgerDef[]) {
    if (!keep(def)) continue;
    const list = groups.get(def.group);
    if (list === undefined) groups.set(def.group, [def]);
    else list.push(def);
  }
  return [...groups].map(([group, defs]) => ({ group, defs }));
}

/** A ledger's name for history lines and selects ('migrant_work' → '外出务工'); the id if unknown. */
export const ledgerName = (id: string): string => ledgerDef(id)?.name ?? id;

/** antd Select options grouped by ledger group. */
export function ledgerSelectOptions(keep?: (def: LedgerDef) => boolean) {
  return ledgerGroups(keep).map((g) => ({
    label: g.group,
    title: g.group,
    options: g.defs.map((d) => ({ value: d.id, label: d.name })),
  }));
}
