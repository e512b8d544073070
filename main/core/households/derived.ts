// Household values derived from its members — never typed: 人数, 户主姓名, 户主证件号码.
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';

export function refreshHousehold(ledger: Ledger, householdId: number): void {
  ledger.sqlite
    .prepare(
      `UPDATE households SET
         member_count = (SELECT COUNT(*) FROM persons WHERE household_id = :id AND status = 'active'),
         head_name = (SELECT name FROM persons WHERE household_id = :id AND status = 'active' AND relation = '01' ORDER BY id LIMIT 1),
         head_id_number = (SELECT id_number FROM persons WHERE household_id = :id AND status = 'active' AND relation = '01' ORDER BY id LIMIT 1),
         updated_at = :now
       WHERE id = :id`,
    )
    .run({ id: householdId, now: nowIso() });
}
