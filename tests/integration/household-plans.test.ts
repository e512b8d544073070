// 一户一策 帮扶计划: a plan 新建 for a household is filled from the register (劳动力, 致贫原因) and from what
// the ledgers hold for it (返贫监测's risks, 公益性岗位, 小额信贷, 医保, the 帮扶责任人), each member able to work
// gets a 一人一措施 line, the measures can be added and edited like any child record, and 为本村生成计划
// creates only the missing plans — a plan the clerk edited stays exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';

let client: TestClient;
let village = '';
let householdId = 0;
let villageHouseholds = 0;
let members: { id: number; name: string }[] = [];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 60, seed: 5 });
  await client.ok('settings.setOperator', { name: '测试员' });
  const db = client.core.ledger.sqlite;
  // A household of at least three members, in the village (of such households) with the most households.
  const v = db
    .prepare(
      `SELECT h.village_code AS code, h.id,
         (SELECT COUNT(*) FROM households x WHERE x.village_code = h.village_code AND x.status = 'active') AS n
       FROM households h WHERE h.status = 'active'
       AND (SELECT COUNT(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'active') >= 3
       ORDER BY n DESC, h.id LIMIT 1`,
    )
    .get() as { code: string; id: number; n: number };
  village = v.code;
  villageHouseholds = v.n;
  householdId = v.id;
  members = db
    .prepare(
      `SELECT id, name FROM persons WHERE household_id = ? AND status = 'active'
       ORDER BY CASE relation WHEN '01' THEN 0 ELSE 1 END, id`,
    )
    .all(householdId) as { id: number; name: string }[];
  // Two members able to work, the third not (set here so the test knows the register's answer).
  const skill = db.prepare('UPDATE persons SET labor_skill = ? WHERE id = ?');
  skill.run('01', members[0]?.id);
  skill.run('02', members[1]?.id);
  for (const m of members.slice(2)) skill.run('05', m.id);
  db.prepare(`UPDATE households SET main_cause = '01', other_causes = '07' WHERE id = ?`).run(householdId);

  const [m0, m1] = members as [{ id: number; name: string }, { id: number; name: string }];
  await client.ok('ledgers.create', {
    ledgerId: 'public_welfare_jobs',
    link: { personId: m0.id },
    values: { job_type: '09', start_date: '2020-03-01', months: 10, monthly_subsidy: 800, annual_paid: 8000 },
  });
  await client.ok('ledgers.create', {
    ledgerId: 'micro_credit',
    link: { householdId },
    values: { contract_no: 'BK-XD-2020-017', borrower_name: m0.name, amount: 50000, loan_date: '2020-04-10', term_months: 36, bank: '保康农商银行' },
  });
  await client.ok('ledgers.create', {
    ledgerId: 'medical_insurance',
    link: { personId: m1.id },
    values: { year: 2020, insured: 1, subsidy_amount: 220, family_doctor: 1 },
  });
  await client.ok('ledgers.create', {
    ledgerId: 'relapse_monitoring',
    link: { householdId },
    values: { category: '1', risks: '01,09', identified_date: '2020-03-05', aid_industry: '发展香菇种植' },
  });
  await client.ok('ledgers.create', {
    ledgerId: 'helpers',
    link: { householdId },
    values: { name: '王建国', role: '04', unit: '县财政局' },
  });
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

const planOf = async (hid: number) =>
  (await client.ok('ledgers.records', { ledgerId: 'household_plans', limit: 500 })).rows.filter(
    (r) => r.subject.householdId === hid,
  );
const measuresOf = async (planId: number) =>
  (await client.ok('ledgers.records', { ledgerId: 'household_plan_measures', parentId: planId, limit: 500 }))
    .rows;

describe('一户一策 帮扶计划', () => {
  it('新建 fills the plan from the register and the ledgers', async () => {
    const made = await client.ok('plans.create', { householdId, year: 2020 });
    expect(made.created).toBe(true);
    const [plan] = await planOf(householdId);
    expect(plan?.id).toBe(made.planId);
    expect(plan?.values).toMatchObject({
      year: 2020,
      labor_count: 2,
      causes: '01,07',
      risks: '01,09',
      helper: '王建国',
      helper_unit: '县财政局',
    });
    const measures = await measuresOf(made.planId);
    expect(measures).toHaveLength(made.measures);
    const byCategory = (c: string) => measures.filter((m) => m.values.category === c);
    const [m0, m1] = members as [{ id: number; name: string }, { id: number; name: string }];
    // 公益性岗位: m0's 一人一措施, its 8000 元 the expected income, already in place.
    expect(byCategory('03')).toEqual([
      expect.objectContaining({
        values: expect.objectContaining({
          member: m0.name,
          expected_income: 8000,
          progress: '03',
          measure: expect.stringContaining('生态护林员'),
          responsible: '村委会/王建国',
          deadline: '2020-12-31',
        }),
      }),
    ]);
    // The loan is named with its amount but is no income.
    expect(byCategory('09')[0]?.values).toMatchObject({
      measure: expect.stringContaining('贷款金额 50000 元'),
      expected_income: null,
    });
    // 医保 is a line of the household's, naming the member it is for.
    expect(byCategory('04')[0]?.values).toMatchObject({
      member: null,
      measure: expect.stringMatching(
        new RegExp(`^城乡居民基本医疗保险：${m1.name}（缴费资助 220 元，.*家庭医生签约）$`),
      ),
    });
    // 返贫监测's 产业 measure (no ledger covers 产业), for the household.
    expect(byCategory('01')[0]?.values).toMatchObject({
      measure: '发展香菇种植',
      member: null,
      source: '返贫监测',
    });
    // m1 is able to work and has no income measure yet: an open 一人一措施 line; the others get none.
    const open = byCategory('02').filter((m) => m.values.progress === '01');
    expect(open.map((m) => m.values.member)).toEqual([m1.name]);
    for (const m of members.slice(2)) expect(measures.some((x) => x.values.member === m.name)).toBe(false);
    // The rollup adds the expected incomes.
    expect(plan?.rollups.expected_total).toBe(8000);
  });

  it('新建 again returns the existing plan unchanged', async () => {
    const [plan] = await planOf(householdId);
    const again = await client.ok('plans.create', { householdId, year: 2020 });
    expect(again).toEqual({ planId: plan?.id, created: false, measures: 0 });
    expect(await planOf(householdId)).toHaveLength(1);
  });

  it('a measure is added under its plan as the record dialog does (only the plan chosen)', async () => {
    const [plan] = await planOf(householdId);
    const before = (await measuresOf(plan?.id ?? 0)).length;
    const added = await client.ok('ledgers.create', {
      ledgerId: 'household_plan_measures',
      link: { parentId: plan?.id ?? 0 },
      values: { category: '02', measure: '参加电工技能培训', member: members[1]?.name ?? '', progress: '01' },
    });
    expect(added.subject.householdId).toBe(householdId);
    expect(added.subject.parentId).toBe(plan?.id);
    expect(await measuresOf(plan?.id ?? 0)).toHaveLength(before + 1);
  });

  it('为本村生成计划 creates the missing plans and leaves an edited plan as it is', async () => {
    const [plan] = await planOf(householdId);
    const planId = plan?.id ?? 0;
    await client.ok('ledgers.update', {
      ledgerId: 'household_plans',
      id: planId,
      values: { helper: '李四', goal: '户主商定的目标' },
    });
    const first = (await measuresOf(planId))[0];
    await client.ok('ledgers.update', {
      ledgerId: 'household_plan_measures',
      id: first?.id ?? 0,
      values: { progress_note: '已与户主核对' },
    });
    const measuresBefore = await measuresOf(planId);
    const [edited] = await planOf(householdId);

    const r = await client.ok('plans.createForRegion', { regionCode: village, year: 2020 });
    expect(r).toMatchObject({ households: villageHouseholds, created: villageHouseholds - 1, existing: 1 });
    const [after] = await planOf(householdId);
    expect(after?.values).toMatchObject({ helper: '李四', goal: '户主商定的目标' });
    expect(after).toEqual(edited);
    expect(await measuresOf(planId)).toEqual(measuresBefore);

    const plans = await client.ok('ledgers.records', {
      ledgerId: 'household_plans',
      regionCode: village,
      filters: { year: [2020] },
      limit: 500,
    });
    expect(plans.total).toBe(villageHouseholds);
    // Again: nothing new, nothing changed.
    expect(await client.ok('plans.createForRegion', { regionCode: village, year: 2020 })).toMatchObject({
      created: 0,
      existing: villageHouseholds,
      measures: 0,
    });
    // Another year is another plan.
    const next = await client.ok('plans.create', { householdId, year: 2021 });
    expect(next.created).toBe(true);
    expect(await planOf(householdId)).toHaveLength(2);
  });

  it('refuses the whole county at once, naming why', async () => {
    const county = client.core.ledger.sqlite
      .prepare(`SELECT code FROM regions WHERE level = 'county'`)
      .pluck()
      .get() as string;
    const e = await client.fail('plans.createForRegion', { regionCode: county, year: 2020 });
    expect(e.message).toMatch(/请选择一个乡镇、村或组/);
  });
});
