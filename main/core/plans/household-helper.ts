// Who answers for a household (its 帮扶责任人) and the village's 驻村第一书记, as the ledgers know them: a
// 包户 record of 帮扶责任人与驻村工作队 for the household itself; else the 帮扶责任人 named by 返贫监测 or
// the one who last visited it (走访记录) — a 帮扶责任人 usually answers for five or six households and is
// kept once for the village — with the unit and phone of that name in the village's 帮扶责任人 records.
import type { Ledger } from '../db/open-ledger.ts';

export interface HouseholdHelper {
  name: string;
  unit: string | null;
  phone: string | null;
}

/** 包户 roles: 村干部（包户）, 帮扶责任人（包户）. */
const HOUSEHOLD_ROLES = "('03', '04')";

export function householdHelper(ledger: Ledger, householdId: number): HouseholdHelper | null {
  const own = ledger
    .prepare(
      `SELECT name, unit, phone FROM ledger_helpers WHERE household_id = ? AND role IN ${HOUSEHOLD_ROLES}
       AND end_date IS NULL ORDER BY role DESC, id DESC LIMIT 1`,
    )
    .get(householdId) as HouseholdHelper | undefined;
  if (own) return own;
  const named =
    (ledger
      .prepare(
        `SELECT helper FROM ledger_relapse_monitoring WHERE household_id = ? AND helper IS NOT NULL ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(householdId) as string | undefined) ??
    (ledger
      .prepare(
        `SELECT visitor FROM ledger_helper_visits WHERE household_id = ? ORDER BY visit_date DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(householdId) as string | undefined);
  if (named === undefined) return null;
  const known = ledger
    .prepare(
      `SELECT r.name, r.unit, r.phone FROM ledger_helpers r JOIN households h ON h.id = ?
       WHERE r.name = ? AND r.role IN ${HOUSEHOLD_ROLES} AND r.end_date IS NULL
       AND r.region_code IN (h.village_code, h.group_code) ORDER BY r.id DESC LIMIT 1`,
    )
    .get(householdId, named) as HouseholdHelper | undefined;
  return known ?? { name: named, unit: null, phone: null };
}

/** The 驻村第一书记 of the household's village (with the unit that sent him), if any. */
export function residentSecretary(ledger: Ledger, villageCode: string): string | null {
  const s = ledger
    .prepare(
      `SELECT h.name, h.team_unit FROM ledger_helpers h JOIN regions r ON r.code = h.region_code
       WHERE h.role = '05' AND h.end_date IS NULL AND (r.code = ? OR r.parent_code = ?)
       ORDER BY h.id DESC LIMIT 1`,
    )
    .get(villageCode, villageCode) as { name: string; team_unit: string | null } | undefined;
  return s ? `${s.name}${s.team_unit ? `（${s.team_unit}）` : ''}` : null;
}
