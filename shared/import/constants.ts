// 整列填同一个值: a value the clerk gives a whole field the file has no column for (a village's 外出务工
// sheet has no 务工状态: every row is 已外出). The value goes through the same normaliser and code table
// as a cell would. Only values can be given so, never what identifies a row or places it.
import { CODE_TABLES } from '../code-tables/index.ts';
import { targetsFor } from './ledger-targets.ts';
import { NEVER_MAPPED_TARGETS } from './map-columns.ts';
import { normalizeValue } from './normalize.ts';
import { normalizeHeader, type ImportTarget } from './targets.ts';

/** Target key → the value as typed ('已外出'); normalised again wherever a cell would be. */
export type ImportConstants = Record<string, string>;

const IDENTIFYING = new Set([
  'person.name',
  'person.id_number',
  'household.household_no',
  'household.head_name',
  'household.head_id_number',
]);

/** The targets that may be given one value for the whole file. */
export const constantTargets = (into: string | null): readonly ImportTarget[] =>
  targetsFor(into).filter(
    (t) =>
      t.field !== null &&
      (t.kind === 'household' || t.kind === 'person' || t.kind === 'record') &&
      !IDENTIFYING.has(t.key) &&
      !NEVER_MAPPED_TARGETS.has(t.key),
  );

/** The target a clerk names by its label ('务工状态') or, failing that, one of its aliases. */
export function constantTargetByName(into: string | null, name: string): ImportTarget | string {
  const want = normalizeHeader(name);
  const all = targetsFor(into);
  const labelled = all.filter((t) => normalizeHeader(t.label) === want);
  const found =
    labelled.length > 0 ? labelled : all.filter((t) => t.aliases.some((a) => normalizeHeader(a) === want));
  const allowed = new Set(constantTargets(into).map((t) => t.key));
  if (found.length === 0) return `没有名为“${name}”的字段`;
  if (found.length > 1)
    return `“${name}”可以指 ${found.map((t) => `“${t.label}”`).join('、')}：请写出字段的名称`;
  const target = found[0] as ImportTarget;
  if (!allowed.has(target.key))
    return target.kind === 'place'
      ? `“${target.label}”不能整列填同一个值：请选择所属村/组（命令行用 --region）`
      : `“${target.label}”用来认出每一行是谁，不能整列填同一个值`;
  return target;
}

/**
 * Checks whole-column values keyed by target key: a Chinese message for the first bad one, or null.
 * An empty value is refused (to clear a value, remove it instead).
 */
export function constantsProblem(into: string | null, constants: ImportConstants): string | null {
  const allowed = new Map(constantTargets(into).map((t) => [t.key, t]));
  for (const [key, value] of Object.entries(constants)) {
    const target = allowed.get(key);
    if (!target?.field) return `“${key}”不能整列填同一个值`;
    const n = normalizeValue(target.field, value, CODE_TABLES);
    if (!n.ok) return `整列填写的${target.label}有误：${n.message}`;
    if (n.value === null) return `整列填写的${target.label}是空的`;
  }
  return null;
}
