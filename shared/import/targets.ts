// What an Excel column can be imported into: a household field, a person field, or the place
// (乡镇/村/组). Keys are '<kind>.<column>' and every one comes from shared/fields, so a new field is
// importable as soon as it is declared there.
import { HOUSEHOLD_FIELDS } from '../fields/household-fields.ts';
import type { FieldDef } from '../fields/define.ts';
import { PERSON_FIELDS } from '../fields/person-fields.ts';

/** 'record', 'link' and 'parent' are targets of imports into a thematic ledger (ledger-targets.ts). */
export type TargetKind = 'household' | 'person' | 'place' | 'record' | 'link' | 'parent';

export interface ImportTarget {
  key: string;
  kind: TargetKind;
  label: string;
  aliases: readonly string[];
  field: FieldDef | null;
}

const PLACE_TARGETS: ImportTarget[] = [
  { key: 'place.township', kind: 'place', label: '乡镇', aliases: ['乡(镇)', '乡（镇）', '乡镇（街道）', '乡', '镇', '乡镇名称', '街道'], field: null },
  { key: 'place.village', kind: 'place', label: '村', aliases: ['行政村', '村（社区）', '村(社区)', '村名', '村委会', '社区', '所在村'], field: null },
  { key: 'place.group', kind: 'place', label: '组', aliases: ['村民小组', '自然村', '组别', '所在组', '自然村（组）', '自然村(组)'], field: null },
]; // prettier-ignore

/** Headers that carry nothing to import (counters, the county itself). */
export const IGNORED_HEADERS: readonly string[] = [
  '序号',
  '编号',
  '省',
  '市',
  '县',
  '县(市、区、旗)',
  '县（市、区、旗）',
  '省份',
  '地市',
  '区县',
  '备注',
  '数据日期',
  '人编号',
  '人口编号',
];

export const IMPORT_TARGETS: readonly ImportTarget[] = [
  ...HOUSEHOLD_FIELDS.map((f) => ({
    key: `household.${f.column}`,
    kind: 'household' as const,
    label: f.label,
    aliases: f.aliases ?? [],
    field: f,
  })),
  ...PERSON_FIELDS.map((f) => ({
    key: `person.${f.column}`,
    kind: 'person' as const,
    label: f.label,
    aliases: f.aliases ?? [],
    field: f,
  })),
  ...PLACE_TARGETS,
];

export const targetByKey = (key: string): ImportTarget | undefined =>
  IMPORT_TARGETS.find((t) => t.key === key);

/** Header text compared without spaces, brackets' width, or a trailing unit like （元）. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：*＊]$/g, '')
    .trim();
}
