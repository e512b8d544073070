// The columns an import cannot do without: what identifies a row's person or household (and, into a
// child ledger, its parent record). One definition for the parsers, which refuse a file without them,
// and for the sheet choice, which looks for the sheet that has them.
import { ledgerDef } from '../ledgers/index.ts';

/**
 * Why a file mapped like this cannot be imported into `into` (null: the household register), or null.
 * `has(key)`: a column (or a whole-column value) feeds that target; `hasRegion`: the clerk chose a place.
 */
export function keyColumnsProblem(
  into: string | null,
  has: (key: string) => boolean,
  hasRegion: boolean,
): string | null {
  if (into === null) {
    if (!has('person.id_number') || !has('person.name'))
      return '没有对应到“姓名”和“证件号码”的列，无法导入：请在列对应中指定';
    if (!has('household.household_no') && !has('person.relation'))
      return '文件中既没有“户编号”也没有“与户主关系”列，无法分户：请在列对应中指定其中之一';
    return null;
  }
  const def = ledgerDef(into);
  if (!def) return null;
  if (def.subject === 'person' && !has('link.id_number'))
    return `导入“${def.name}”需要“证件号码”列，用来找到台账中的人员：请在列对应中指定`;
  if (def.subject === 'household' && !has('link.household_no') && !has('link.head_id_number'))
    return `导入“${def.name}”需要“户编号”或“户主证件号码”列：请在列对应中指定`;
  if (
    def.subject === 'region' &&
    !has('place.village') &&
    !has('place.township') &&
    !has('link.household_no') &&
    !hasRegion
  )
    return `导入“${def.name}”需要“乡镇”或“村”列，或在导入时选择所属的乡镇/村`;
  if (def.parent && def.parent.key !== 'subject' && !has('parent.key'))
    return `导入“${def.name}”需要一列说明每行属于哪条“${ledgerDef(def.parent.ledger)?.name ?? def.parent.ledger}”记录`;
  return null;
}
