// What a form is printed for and the data every template reads: the region or household asked for, its
// households in the household list's order (householdListSql, the screen's query), their members in
// family order (memberRows, the household page's), and whether they pass the register's rules.
import type { PersonEntry, HouseholdEntry } from '../../../shared/fields/entry-fields.ts';
import { HOUSEHOLD_ENTRY_FIELDS, PERSON_ENTRY_FIELDS } from '../../../shared/fields/entry-fields.ts';
import type { PrintFormDef } from '../../../shared/print/forms.ts';
import { checkHousehold } from '../../../shared/rules/household-rules.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import { checkMembers, checkPerson } from '../../../shared/rules/person-rules.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../db/tables.ts';
import { householdListSql } from '../households/household-list.ts';
import { memberRows, placeOf, type Place } from '../households/household-read.ts';
import { countyRegion, findRegion, regionTree, type RegionNode } from '../regions/region-tree.ts';

export type PrintTarget =
  { kind: 'region'; region: RegionNode } | { kind: 'household'; household: HouseholdRow; place: Place };

export interface TargetRequest {
  regionCode: string | null;
  householdNo: string | null;
  householdId: number | null;
}

/** The region or household a print request names, refused in Chinese when the form does not take it. */
export function resolveTarget(ledger: Ledger, form: PrintFormDef, req: TargetRequest): PrintTarget {
  const household = req.householdId !== null || req.householdNo !== null;
  if (household && req.regionCode !== null)
    throw new LedgerError('bad-request', '请只指定区划（--region）或一户（--household）中的一个。');
  if (household) {
    if (!form.targets.includes('household'))
      throw new LedgerError('bad-request', `${form.title}按区划打印（--region 区划代码），不能只打一户。`);
    const row = (
      req.householdId !== null
        ? ledger.prepare('SELECT * FROM households WHERE id = ?').get(req.householdId)
        : ledger.prepare('SELECT * FROM households WHERE household_no = ?').get(req.householdNo)
    ) as HouseholdRow | undefined;
    if (!row)
      throw new LedgerError(
        'not-found',
        req.householdNo !== null
          ? `本台账中没有户编号 ${req.householdNo}。`
          : `找不到编号为 ${req.householdId} 的户。`,
      );
    return { kind: 'household', household: row, place: placeOf(ledger, row) };
  }
  if (!form.targets.includes('region'))
    throw new LedgerError('bad-request', `${form.title}按户打印：请指定户编号（--household）。`);
  const region = req.regionCode === null ? countyRegion(ledger) : findRegion(ledger, req.regionCode);
  return { kind: 'region', region };
}

/** Active households of the target, in the household list's order (户编号). */
export function targetHouseholds(ledger: Ledger, target: PrintTarget): HouseholdRow[] {
  if (target.kind === 'household') return [target.household];
  const s = householdListSql(ledger, {
    regionCode: target.region.code,
    status: 'active',
    offset: 0,
    limit: 1,
  });
  return ledger.sqlite
    .prepare(
      `SELECT h.* FROM ${s.from} WHERE ${s.where} ORDER BY h.village_code, h.group_code NULLS FIRST, ${s.order}`,
    )
    .all(...s.params) as HouseholdRow[];
}

/** Active members, 户主 first (the household page's order). */
export const householdMembers = (ledger: Ledger, householdId: number): PersonRow[] =>
  memberRows(ledger, householdId, false);

/** The villages a region prints as (a township or the county: each of its villages; a village or group: itself). */
export function printUnits(ledger: Ledger, region: RegionNode): RegionNode[] {
  if (region.level === 'village' || region.level === 'group') return [region];
  const tree = regionTree(ledger);
  const townships =
    region.level === 'township'
      ? [region.code]
      : tree.filter((r) => r.level === 'township').map((r) => r.code);
  return townships.flatMap((t) => tree.filter((r) => r.level === 'village' && r.parentCode === t));
}

/** 乡镇村组 names of a region below the county (“城关镇东坡村”). */
export function regionPathName(ledger: Ledger, region: RegionNode): string {
  const tree = new Map(regionTree(ledger).map((r) => [r.code, r]));
  const names: string[] = [];
  for (
    let at: RegionNode | undefined = region;
    at && at.level !== 'county';
    at = tree.get(at.parentCode ?? '')
  )
    names.unshift(at.name);
  return names.join('');
}

const pick = <T>(row: object, fields: readonly { column: string }[]): T =>
  Object.fromEntries(fields.map((f) => [f.column, (row as Record<string, unknown>)[f.column] ?? null])) as T;

/**
 * The errors (not warnings) the register's rules find in a household and its members — the same rules
 * the forms and the importer apply (shared/rules). Each message names the member it is about.
 */
export function householdErrors(h: HouseholdRow, members: readonly PersonRow[]): string[] {
  const errors = (issues: readonly Issue[]) =>
    issues.filter((i) => i.level === 'error').map((i) => i.message);
  return [
    ...errors(checkHousehold(pick<HouseholdEntry>(h, HOUSEHOLD_ENTRY_FIELDS))),
    ...members.flatMap((m) =>
      errors(checkPerson(pick<PersonEntry>(m, PERSON_ENTRY_FIELDS))).map((e) => `${m.name}：${e}`),
    ),
    ...errors(
      checkMembers(members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, sex: m.sex }))),
    ),
  ];
}
