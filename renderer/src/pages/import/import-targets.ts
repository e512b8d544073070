// What the mapping table offers for a column: every target of the import (into the household register:
// 户 / 人 / 地点; into a thematic ledger: 关联 / 地点 / 所属记录 / 字段), plus 不导入; and how sure the
// automatic mapping was, in the clerk's words. Pure data (tests/unit).
import { constantTargets } from '../../../../shared/import/constants.ts';
import type { FieldDef } from '../../../../shared/fields/define.ts';
import { targetsFor } from '../../../../shared/import/ledger-targets.ts';
import { ledgerDef, missingRequiredFields } from '../../../../shared/ledgers/index.ts';
import { NEVER_MAPPED_TARGETS } from '../../../../shared/import/map-columns.ts';
import type { TargetKind } from '../../../../shared/import/targets.ts';

/** The Select's value for "this column is not imported" (the contract's null). */
export const NOT_IMPORTED = '';

const KIND_LABELS: Record<TargetKind, string> = {
  household: '户',
  person: '人',
  place: '地点',
  link: '关联',
  parent: '所属记录',
  record: '字段',
};

/** Group order in the select: what a row is about first, then its values. */
const KIND_ORDER: readonly TargetKind[] = ['household', 'person', 'link', 'place', 'parent', 'record'];

export interface TargetOption {
  value: string;
  label: string;
}

export interface TargetGroup {
  label: string;
  /** antd's group title key. */
  title: string;
  options: TargetOption[];
}

/** The choices for an import into `into` (a ledger id; null: the household register). */
export function targetOptions(into: string | null = null): (TargetOption | TargetGroup)[] {
  const targets = targetsFor(into);
  const groups = KIND_ORDER.map((kind) => ({
    label: KIND_LABELS[kind],
    title: KIND_LABELS[kind],
    options: targets
      .filter((t) => t.kind === kind && !NEVER_MAPPED_TARGETS.has(t.key))
      .map((t) => ({ value: t.key, label: t.label })),
  })).filter((g) => g.options.length > 0);
  return [{ value: NOT_IMPORTED, label: '不导入' }, ...groups];
}

/** '户 · 贫困户属性' (or '字段 · 务工状态' in a ledger import) for a target key; '不导入' for none. */
export function targetText(key: string | null, into: string | null = null): string {
  if (key === null) return '不导入';
  const t = targetsFor(into).find((x) => x.key === key);
  return t === undefined ? key : `${KIND_LABELS[t.kind]} · ${t.label}`;
}

export interface ConfidenceTag {
  text: string;
  color: string;
  hint: string;
}

/**
 * The mapping's confidence (shared/import/map-columns.ts): 1 the field's own name (or a saved
 * template, or the clerk's choice), 0.85–0.95 an alias or the lower header line, 0.6 part of a name.
 */
export function confidenceTag(target: string | null, confidence: number): ConfidenceTag {
  if (target === null) return { text: '未对应', color: 'default', hint: '此列不导入' };
  if (confidence >= 1)
    return { text: '按列名', color: 'green', hint: '表头就是字段名，或按已保存的对应方案、您选定的对应' };
  if (confidence >= 0.8)
    return {
      text: '按常用叫法',
      color: 'blue',
      hint: '表头是此字段的常用叫法，或分组表头的下一行就是字段名',
    };
  return { text: '按名称推测', color: 'orange', hint: '表头与字段名部分相同，是推测的对应，请核对' };
}

export interface ConstantChoice extends TargetOption {
  field: FieldDef | null;
}

/**
 * The fields a whole column may be given one value for (整列填同一个值): those no column feeds and no
 * value is given for yet, required ones first (marked 必填).
 */
export function constantChoices(
  into: string | null,
  mapping: ReadonlyArray<{ target: string | null }>,
  constants: Readonly<Record<string, string>>,
): ConstantChoice[] {
  const taken = new Set([...mapping.flatMap((m) => (m.target ? [m.target] : [])), ...Object.keys(constants)]);
  const free = constantTargets(into).filter((t) => !taken.has(t.key));
  // A ledger's own rule says what the file still lacks (务工状态 unless the plan is given; not 年度, which
  // the import fills); the register's fields say it themselves.
  const def = into === null ? undefined : ledgerDef(into);
  const lacking = def
    ? new Set(missingRequiredFields(def, (c) => taken.has(`record.${c}`)).map((f) => `record.${f.column}`))
    : null;
  const required = (t: (typeof free)[number]) => (lacking ? lacking.has(t.key) : t.field?.required === true);
  return [...free.filter(required), ...free.filter((t) => !required(t))].map((t) => ({
    value: t.key,
    label: required(t) ? `${t.label}（必填）` : t.label,
    field: t.field,
  }));
}
