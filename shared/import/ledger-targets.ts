// What an Excel column can be imported into when the file goes into a thematic ledger: the record's
// fields, what links a row to its subject (证件号码/姓名 of a person, 户编号 of a household, 乡镇/村/组 of a
// place) and the parent record's key. Keys: 'record.<column>', 'link.<what>', 'place.<level>', 'parent.key'.
import type { FieldDef } from '../fields/define.ts';
import { HOUSEHOLD_FIELDS } from '../fields/household-fields.ts';
import { PERSON_FIELDS } from '../fields/person-fields.ts';
import type { LedgerDef } from '../ledgers/define.ts';
import { asFieldDef, enteredFields, ledgerDef } from '../ledgers/index.ts';
import { IMPORT_TARGETS, type ImportTarget } from './targets.ts';

const person = (column: string): FieldDef => {
  const f = PERSON_FIELDS.find((x) => x.column === column);
  if (!f) throw new Error(`no person field ${column}`);
  return f;
};
const household = (column: string): FieldDef => {
  const f = HOUSEHOLD_FIELDS.find((x) => x.column === column);
  if (!f) throw new Error(`no household field ${column}`);
  return f;
};

const link = (key: string, f: FieldDef, label = f.label, extra: readonly string[] = []): ImportTarget => ({
  key: `link.${key}`,
  kind: 'link',
  label,
  aliases: [...(f.aliases ?? []), ...extra],
  field: { ...f, label, required: false },
});

const PLACES = IMPORT_TARGETS.filter((t) => t.kind === 'place');

function linkTargets(def: LedgerDef): ImportTarget[] {
  switch (def.subject) {
    case 'person':
      return [
        link('id_number', person('id_number'), '证件号码', ['身份证', '身份证号码（18位）']),
        link('name', person('name'), '姓名', ['人员姓名', '劳动力姓名', '学生姓名', '贷款人姓名']),
        ...(def.personOptional ? PLACES : []),
      ];
    case 'household':
      return [
        link('household_no', household('household_no')),
        link('head_id_number', household('head_id_number')),
        link('head_name', household('head_name')),
      ];
    case 'region':
    case 'none':
      return [...PLACES, link('household_no', household('household_no'))];
  }
}

function parentTarget(def: LedgerDef): ImportTarget[] {
  if (!def.parent || def.parent.key === 'subject') return [];
  const parent = ledgerDef(def.parent.ledger);
  const f = parent?.fields.find((x) => x.column === def.parent?.key);
  if (!parent || !f) return [];
  return [
    {
      key: 'parent.key',
      kind: 'parent',
      label: `${parent.name}${f.label}`,
      aliases: [f.label, ...(f.aliases ?? [])],
      field: { ...asFieldDef(f), required: false },
    },
  ];
}

/** Every target of a ledger import, links first. */
export function ledgerImportTargets(def: LedgerDef): readonly ImportTarget[] {
  const cached = cache.get(def);
  if (cached) return cached;
  const targets: ImportTarget[] = [
    ...linkTargets(def),
    ...parentTarget(def),
    ...enteredFields(def).map((f) => ({
      key: `record.${f.column}`,
      kind: 'record' as const,
      label: f.label,
      aliases: f.aliases ?? [],
      field: asFieldDef(f),
    })),
  ];
  cache.set(def, targets);
  return targets;
}
const cache = new WeakMap<LedgerDef, readonly ImportTarget[]>();

/** Targets of an import into `into` (a ledger id) or, for null, into the household register. */
export function targetsFor(into: string | null): readonly ImportTarget[] {
  if (into === null) return IMPORT_TARGETS;
  const def = ledgerDef(into);
  return def ? ledgerImportTargets(def) : [];
}
