// 分户 into a new household (迁移 → 新立一户): the member leaves his household and heads a new one in the
// chosen village or group, under a new 户编号 — one transaction, audited in both households' histories.
import { emptyHouseholdEntry, type HouseholdEntry } from '../../../shared/fields/entry-fields.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../db/tables.ts';
import { requireOperator } from '../ledger/operator.ts';
import { requireMayLeave, transferPerson } from '../persons/person-write.ts';
import { getHouseholdRow } from './household-read.ts';
import { auditHouseholdCreated, claimHouseholdNo, insertHousehold, placeColumns } from './household-write.ts';

export interface SplitInput {
  /** The village or group of the new household. */
  regionCode: string;
  /** Typed by the clerk; otherwise the village's next free number. */
  householdNo?: string;
}

/**
 * What the new household starts with. Only what is still true of it: the 住址 when it stays in the same
 * village (a child who marries out of the family home is usually registered there first), and the
 * member's own phone as the 户联系电话. 贫困户属性, 户类型, 脱贫状态, 致贫原因 and the like are an assessment
 * of the new household: they stay empty for the clerk to fill in, never copied from the old one.
 */
export function newHouseholdValues(
  from: HouseholdRow,
  person: PersonRow,
  villageCode: string,
): HouseholdEntry {
  return {
    ...emptyHouseholdEntry(),
    phone: person.phone ?? null,
    address: from.village_code === villageCode ? from.address : null,
  };
}

/** 新立一户: the member becomes 户主 (relation 01) of a new household. The old household keeps the rule
 * of every 迁移 (requireMayLeave). */
export function splitToNewHousehold(ledger: Ledger, personId: number, input: SplitInput) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const { person, from } = requireMayLeave(ledger, personId);
    const place = placeColumns(ledger, input.regionCode);
    const householdNo = claimHouseholdNo(ledger, place.village_code, input.householdNo);
    const id = insertHousehold(
      ledger,
      householdNo,
      place,
      newHouseholdValues(from, person, place.village_code),
    );
    auditHouseholdCreated(ledger, operator, id);
    const moved = transferPerson(ledger, operator, person, from, getHouseholdRow(ledger, id), '01');
    return { person: moved, householdId: id, householdNo };
  })();
}
