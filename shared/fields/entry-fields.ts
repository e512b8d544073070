// The fields a clerk enters, as opposed to what the core derives (户主姓名 from the 户主, 人数 from the
// members, 年度 from the ledger's data year).
import { HOUSEHOLD_FIELDS } from './household-fields.ts';
import { PERSON_FIELDS } from './person-fields.ts';
import type { RecordOf } from './record-schema.ts';

const DERIVED_HOUSEHOLD = ['household_no', 'head_name', 'head_id_number', 'member_count', 'year'] as const;
const DERIVED_PERSON = ['year'] as const;

type HouseholdDerived = (typeof DERIVED_HOUSEHOLD)[number];
type PersonDerived = (typeof DERIVED_PERSON)[number];

export const HOUSEHOLD_ENTRY_FIELDS = HOUSEHOLD_FIELDS.filter(
  (f): f is Exclude<(typeof HOUSEHOLD_FIELDS)[number], { column: HouseholdDerived }> =>
    !(DERIVED_HOUSEHOLD as readonly string[]).includes(f.column),
);
export const PERSON_ENTRY_FIELDS = PERSON_FIELDS.filter(
  (f): f is Exclude<(typeof PERSON_FIELDS)[number], { column: PersonDerived }> =>
    !(DERIVED_PERSON as readonly string[]).includes(f.column),
);

export type HouseholdEntry = RecordOf<typeof HOUSEHOLD_ENTRY_FIELDS>;
export type PersonEntry = RecordOf<typeof PERSON_ENTRY_FIELDS>;

/** A household with every entered field blank (a field added to the register is blank here too). */
export const emptyHouseholdEntry = (): HouseholdEntry =>
  Object.fromEntries(HOUSEHOLD_ENTRY_FIELDS.map((f) => [f.column, null])) as HouseholdEntry;

/** Label of any household or person column, for messages and the history tab. */
export function fieldLabel(entity: 'household' | 'person', column: string): string {
  const list: readonly { column: string; label: string }[] =
    entity === 'household' ? HOUSEHOLD_FIELDS : PERSON_FIELDS;
  return list.find((f) => f.column === column)?.label ?? EXTRA_LABELS[column] ?? column;
}

const EXTRA_LABELS: Record<string, string> = {
  status: '状态',
  cancel_reason: '注销原因',
  cancel_note: '注销说明',
  cancel_date: '注销日期',
  household_id: '所在户',
  township_code: '乡镇',
  village_code: '村',
  group_code: '组',
  id_flagged: '证件号码存疑',
  name: '名称',
};
