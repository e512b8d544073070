// Column groups several reports build the same way: one column (or 户数/人数 pair) per code of a code table.
import type { CodeTable } from '../../code-tables/define.ts';
import type { ReportColumn, ReportWhere } from '../define.ts';

type Kind = 'households' | 'persons' | 'records';
const KIND_LABEL: Record<Kind, string> = { households: '户数', persons: '人数', records: '记录数' };

/**
 * A group headed `label` with one sub-group per (not retired) code of `table`, each holding the given
 * kinds (户数, 人数) of the rows whose `column` holds that code; keys are `<prefix>_<code>_<kind>`.
 */
export function byCode(
  prefix: string,
  label: string,
  table: CodeTable,
  where: Omit<Extract<ReportWhere, { in: unknown }>, 'in'>,
  kinds: readonly Kind[],
  also: readonly ReportWhere[] = [],
): ReportColumn {
  return {
    label,
    children: table.items
      .filter((item) => !item.retired)
      .map((item): ReportColumn => {
        const cond: readonly ReportWhere[] = [...also, { ...where, in: [item.code] }];
        const leaf = (kind: Kind, text: string): ReportColumn => ({ key: `${prefix}_${item.code}_${kind}`, label: text, kind, where: cond });
        return kinds.length === 1
          ? leaf(kinds[0] as Kind, item.label)
          : { label: item.label, children: kinds.map((k) => leaf(k, KIND_LABEL[k])) };
      }),
  };
} // prettier-ignore
