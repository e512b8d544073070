// Household values derived from its members — never typed: 人数, 户主姓名, 户主证件号码.
// Written only when they change, so an import that leaves a household as it was does not rewrite it.
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';

const COUNT = `(SELECT COUNT(*) FROM persons WHERE household_id = :id AND status = 'active')`;
const HEAD = (column: string) =>
  `(SELECT ${column} FROM persons WHERE household_id = :id AND status = 'active' AND relation = '01' ORDER BY id LIMIT 1)`;

export function refreshHousehold(ledger: Ledger, householdId: number): void {
  ledger
    .prepare(
      `UPDATE households SET member_count = ${COUNT}, head_name = ${HEAD('name')}, head_id_number = ${HEAD('id_number')}, updated_at = :now
       WHERE id = :id AND (member_count IS NOT ${COUNT} OR head_name IS NOT ${HEAD('name')} OR head_id_number IS NOT ${HEAD('id_number')})`,
    )
    .run({ id: householdId, now: nowIso() });
}
