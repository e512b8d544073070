// 户编号 for a new household: the village's 12-digit code and a 4-digit serial after its highest one.
import type { Ledger } from '../db/open-ledger.ts';

export function nextHouseholdNo(ledger: Ledger, villageCode: string): string {
  const prefix = villageCode.slice(0, 12);
  const last = ledger
    .prepare(
      `SELECT household_no FROM households WHERE household_no >= ? AND household_no < ? AND length(household_no) = 16 ORDER BY household_no DESC LIMIT 1`,
    )
    .pluck()
    .get(`${prefix}0000`, `${prefix}9999~`) as string | undefined;
  const serial = last ? Number(last.slice(12)) + 1 : 1;
  return `${prefix}${String(serial).padStart(4, '0')}`;
}
