// Reading households and members into the shapes of the contract.
import {
  HOUSEHOLD_ENTRY_FIELDS,
  PERSON_ENTRY_FIELDS,
  type HouseholdEntry,
  type PersonEntry,
} from '../../../shared/fields/entry-fields.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../db/tables.ts';

export interface Place {
  townshipCode: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  groupCode: string | null;
  groupName: string | null;
}

const pick = <T>(row: Record<string, unknown>, fields: readonly { column: string }[]): T =>
  Object.fromEntries(fields.map((f) => [f.column, row[f.column] ?? null])) as T;

export function getHouseholdRow(ledger: Ledger, id: number): HouseholdRow {
  const row = ledger.prepare('SELECT * FROM households WHERE id = ?').get(id) as HouseholdRow | undefined;
  if (!row) throw new LedgerError('not-found', `找不到编号为 ${id} 的户。`);
  return row;
}

export function getPersonRow(ledger: Ledger, id: number): PersonRow {
  const row = ledger.prepare('SELECT * FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw new LedgerError('not-found', `找不到编号为 ${id} 的人员。`);
  return row;
}

export function placeOf(
  ledger: Ledger,
  h: Pick<HouseholdRow, 'township_code' | 'village_code' | 'group_code'>,
): Place {
  const name = ledger.prepare('SELECT name FROM regions WHERE code = ?').pluck();
  return {
    townshipCode: h.township_code,
    townshipName: (name.get(h.township_code) as string | undefined) ?? h.township_code,
    villageCode: h.village_code,
    villageName: (name.get(h.village_code) as string | undefined) ?? h.village_code,
    groupCode: h.group_code,
    groupName: h.group_code ? ((name.get(h.group_code) as string | undefined) ?? h.group_code) : null,
  };
}

const cancelInfo = (r: HouseholdRow | PersonRow) => ({
  status: r.status,
  cancelReason: r.cancel_reason,
  cancelNote: r.cancel_note,
  cancelDate: r.cancel_date,
});

export function toPersonDetail(p: PersonRow) {
  return {
    id: p.id,
    householdId: p.household_id,
    entry: pick<PersonEntry>(p as unknown as Record<string, unknown>, PERSON_ENTRY_FIELDS),
    idFlagged: p.id_flagged === 1,
    year: p.year,
    origin: p.origin,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    ...cancelInfo(p),
  };
}

export function toHouseholdDetail(ledger: Ledger, h: HouseholdRow) {
  return {
    id: h.id,
    householdNo: h.household_no,
    place: placeOf(ledger, h),
    entry: pick<HouseholdEntry>(h as unknown as Record<string, unknown>, HOUSEHOLD_ENTRY_FIELDS),
    headName: h.head_name,
    memberCount: h.member_count,
    year: h.year,
    origin: h.origin,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
    ...cancelInfo(h),
  };
}

/** Members in family order: 户主 first, then by relation code and age. */
export function memberRows(ledger: Ledger, householdId: number, includeCancelled: boolean): PersonRow[] {
  return ledger
    .prepare(
      `SELECT * FROM persons WHERE household_id = ? ${includeCancelled ? '' : "AND status = 'active'"}
       ORDER BY status, relation, birth_date, id`,
    )
    .all(householdId) as PersonRow[];
}

export function householdWithMembers(ledger: Ledger, id: number, includeCancelled: boolean) {
  const h = getHouseholdRow(ledger, id);
  return {
    household: toHouseholdDetail(ledger, h),
    members: memberRows(ledger, id, includeCancelled).map(toPersonDetail),
  };
}
