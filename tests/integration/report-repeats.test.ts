// The county-level reports count 人数 and 户数 without DISTINCT when no person (household) has two records
// in the 年度 counted (main/core/reports/report-query.ts, docs/reports.md「速度」). That holds only if the
// check sees every repeat: a person with two 基本医疗 records of one 年度, a household with two 安全饮水
// records, must still count once — in 合计, in their 乡镇 and in their village — and a repeat in another
// 年度 must not change the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { insertRecords, insertRegister, villagesOf, type TestHousehold } from '../helpers/report-ledger.ts';

let client: TestClient;
let households: TestHousehold[] = [];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  const villages = villagesOf(client.core.ledger).slice(0, 6);
  households = insertRegister(
    client.core.ledger,
    villages,
    Array.from({ length: 30 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => ({}))),
  );
  const persons = households.flatMap((h) => h.members);
  insertRecords(
    client.core.ledger,
    'medical_insurance',
    persons.map((p, i) => ({ person_id: p.id, year: 2020, insured: i % 5 === 0 ? 0 : 1 })),
  );
  insertRecords(
    client.core.ledger,
    'drinking_water',
    households.map((h, i) => ({ household_id: h.id, solved: i % 4 === 0 ? 0 : 1 })),
  );
}, 60_000);

afterAll(async () => {
  await client?.close();
});

const row = (report: ResponseOf<'reports.run'>, code: string | null) =>
  (code === null ? report.rows[0] : report.rows.find((r) => r.regionCode === code))?.values;

describe('counting without DISTINCT only where nothing repeats', () => {
  it('counts a person with two records of the 年度 once, in 合计, 乡镇 and village', async () => {
    const before = await client.ok('reports.run', { id: 'medical_insurance', year: 2020 });
    const persons = households.flatMap((h) => h.members).length;
    expect(row(before, null)).toMatchObject({ persons });
    const twice = households[4] as TestHousehold;
    const person = twice.members[0];
    // A second 2020 record (insured) and one of 2019: the 2020 figures must not move.
    insertRecords(client.core.ledger, 'medical_insurance', [
      { person_id: person?.id ?? 0, year: 2020, insured: 1 },
      { person_id: households[5]?.members[0]?.id ?? 0, year: 2019, insured: 1 },
    ]);
    const after = await client.ok('reports.run', { id: 'medical_insurance', year: 2020 });
    for (const code of [null, twice.village.townshipCode, twice.village.code])
      expect(row(after, code)).toEqual(row(before, code));
  });

  it('counts a household with two records once', async () => {
    const before = await client.ok('reports.run', { id: 'drinking_water' });
    expect(row(before, null)).toMatchObject({ households: households.length });
    const twice = households[7] as TestHousehold;
    insertRecords(client.core.ledger, 'drinking_water', [{ household_id: twice.id, solved: 1 }]);
    const after = await client.ok('reports.run', { id: 'drinking_water' });
    for (const code of [null, twice.village.townshipCode, twice.village.code])
      expect(row(after, code)).toEqual(row(before, code));
  });
});
