// Households, persons and thematic-ledger records written straight into a real ledger for the 数据质量 rule
// tests: a clean household by default (valid 证件号码, one 户主, 人数 as listed), each test changing what it needs.
import type { Ledger } from '../../main/core/db/open-ledger.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import type { VillageRef } from './report-ledger.ts';

type Value = string | number | null;
export type Values = Record<string, Value>;

const NOW = '2020-12-01T00:00:00.000Z';
let serial = 0;
let sequence = 0;

export interface BuiltHousehold {
  id: number;
  no: string;
  persons: number[];
}

/** A person's columns: a healthy working adult unless told otherwise; sex from the 证件号码's sequence. */
function personValues(index: number, given: Values): Values {
  const birth = String(given.birth_date ?? (index === 0 ? '1975-03-10' : '2000-06-01'));
  const sex = String(given.sex ?? (index === 0 ? '1' : '1'));
  sequence += 2;
  const seq = (sequence % 998) + (sex === '1' ? 1 : 2);
  return {
    name: `人员${serial}-${index}`,
    id_number: makeIdNumber('420626', birth, seq),
    sex,
    birth_date: birth,
    relation: index === 0 ? '01' : '03',
    education: '03',
    school_status: null,
    health: '01',
    labor_skill: '01',
    work_months: 6,
    dibao: 0,
    tekun: 0,
    ...given,
  };
}

/** One household in `village` with members (the first is 户主 unless given otherwise). */
export function addHousehold(
  ledger: Ledger,
  village: VillageRef,
  members: readonly Values[] = [{}],
  household: Values = {},
): BuiltHousehold {
  serial++;
  const people = members.map((m, i) => personValues(i, m));
  const head = people.find((p) => p.relation === '01') ?? null;
  const values: Values = {
    household_no: `${village.code}${String(serial).padStart(4, '0')}`,
    township_code: village.townshipCode,
    village_code: village.code,
    head_name: head?.name ?? null,
    head_id_number: head?.id_number ?? null,
    household_type: '2',
    poverty_status: '1',
    member_count: people.filter((p) => (p.status ?? 'active') === 'active').length,
    year: 2020,
    origin: 'manual',
    created_at: NOW,
    updated_at: NOW,
    ...household,
  };
  return ledger.sqlite.transaction(() => {
    const id = insert(ledger, 'households', values);
    const persons = people.map((p) =>
      insert(ledger, 'persons', {
        ...p,
        household_id: id,
        year: 2020,
        origin: 'manual',
        created_at: NOW,
        updated_at: NOW,
      }),
    );
    return { id, no: String(values.household_no), persons };
  })();
}

/** One record of a thematic ledger (its subject and field columns as given). */
export const addRecord = (ledger: Ledger, ledgerId: string, values: Values): number =>
  insert(ledger, `ledger_${ledgerId}`, { origin: 'manual', created_at: NOW, updated_at: NOW, ...values });

function insert(ledger: Ledger, table: string, values: Values): number {
  const cols = Object.keys(values);
  return Number(
    ledger
      .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(values)).lastInsertRowid,
  );
}
