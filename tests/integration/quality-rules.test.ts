// Every 数据质量 rule fires on a record built to break it and stays quiet on a correct one, in one real
// ledger checked once (data year 2020: ages and deadlines at 2020-12-31). A rule without a case fails the
// last test, so a new rule cannot land untested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQualityCheck } from '../../main/core/quality/run-check.ts';
import { QUALITY_RULES } from '../../main/core/quality/rules/index.ts';
import { countyRegion } from '../../main/core/regions/region-tree.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { addHousehold, addRecord, type BuiltHousehold, type Values } from '../helpers/quality-ledger.ts';
import { villagesOf, type VillageRef } from '../helpers/report-ledger.ts';

let client: TestClient;
let village: VillageRef;
let villageName: string;

/** What a case built: the household (or the region record) the rule must fire on, or stay quiet on. */
type Target = { household: BuiltHousehold } | { record: { ledger: string; id: number } };
interface Case {
  fire: () => Target;
  quiet: () => Target;
}

const hh = (members?: Values[], household?: Values): Target => ({ household: h(members, household) });
const h = (members?: Values[], household?: Values) =>
  addHousehold(client.core.ledger, village, members, household);
const rec = (ledger: string, values: Values) => addRecord(client.core.ledger, ledger, values);
/** A household with one record about its 户主 (person ledgers) or itself (household ledgers). */
function withPersonRecord(ledger: string, values: Values, members?: Values[], household?: Values): Target {
  const built = h(members, household);
  rec(ledger, { person_id: built.persons[0] ?? null, ...values });
  return { household: built };
}
function withHouseholdRecord(ledger: string, values: Values, members?: Values[], household?: Values): Target {
  const built = h(members, household);
  rec(ledger, { household_id: built.id, ...values });
  return { household: built };
}
const regionRecord = (ledger: string, values: Values): Target => ({
  record: { ledger, id: rec(ledger, { region_code: village.code, ...values }) },
});
const child = (birth: string, more: Values = {}): Values => ({
  birth_date: birth,
  education: null,
  labor_skill: '05',
  work_months: null,
  ...more,
});
/** A household whose 户主 has been 注销 (the record hangs on the 户主) and one active member. */
const CANCELLED_HEAD: Values[] = [{ status: 'cancelled', cancel_date: '2020-05-01' }, {}];
const CANCELLED_HEAD_MARCH: Values[] = [{ status: 'cancelled', cancel_date: '2020-03-01' }, {}];
const badCheckChar = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

const CASES: Record<string, Case> = {
  'P-ID-01': {
    fire: () => {
      const built = h();
      client.core.ledger
        .prepare('UPDATE persons SET id_number = ? WHERE id = ?')
        .run(
          badCheckChar(
            String(
              client.core.ledger
                .prepare('SELECT id_number FROM persons WHERE id = ?')
                .pluck()
                .get(built.persons[0]),
            ),
          ),
          built.persons[0],
        );
      return { household: built };
    },
    quiet: () => hh(),
  },
  'P-ID-02': {
    fire: () => {
      const built = h([{}, {}]);
      const first = String(
        client.core.ledger
          .prepare('SELECT id_number FROM persons WHERE id = ?')
          .pluck()
          .get(built.persons[0]),
      );
      client.core.ledger
        .prepare('UPDATE persons SET id_number = ?, id_flagged = 1 WHERE id = ?')
        .run(`${first}41`, built.persons[1]);
      return { household: built };
    },
    quiet: () => hh([{}, {}]),
  },
  'P-ID-03': {
    fire: () => {
      const built = h();
      client.core.ledger
        .prepare(`UPDATE persons SET id_number = '99999919750310001X', id_flagged = 1 WHERE id = ?`)
        .run(built.persons[0]);
      return { household: built };
    },
    quiet: () => hh(),
  },
  'P-ID-04': {
    fire: () => {
      const built = h();
      client.core.ledger
        .prepare(`UPDATE persons SET birth_date = '1976-03-10' WHERE id = ?`)
        .run(built.persons[0]);
      return { household: built };
    },
    quiet: () => hh(),
  },
  'P-REL-01': {
    fire: () => hh([{}, { relation: '04', sex: '1' }]),
    quiet: () => hh([{}, { relation: '04', sex: '2' }]),
  },
  'P-REL-02': {
    fire: () => hh([{}, { birth_date: '1970-01-01' }]),
    quiet: () => hh([{}, { birth_date: '2000-01-01' }]),
  },
  'P-EDU-01': {
    fire: () => hh([{}, child('2010-01-01', { education: '02', school_status: '03' })]),
    quiet: () => hh([{}, child('2010-01-01', { school_status: '03' })]),
  },
  'H-STR-01': {
    fire: () => hh([{}, { relation: '01' }]),
    quiet: () => hh([{}, { relation: '02', sex: '2', birth_date: '1977-01-01' }]),
  },
  'H-CNT-01': { fire: () => hh([{}], { member_count: 3 }), quiet: () => hh([{}, {}, {}]) },
  'H-REP-01': { fire: () => hh([{}], { head_name: '另一人' }), quiet: () => hh() },
  'H-TYP-01': {
    fire: () => hh([{}], { household_type: '1', poverty_status: '1' }),
    quiet: () => hh([{}], { household_type: '1', poverty_status: '0' }),
  },
  'P-AGE-01': {
    fire: () => hh([{}, child('2010-01-01', { school_status: '01' })]),
    quiet: () => hh([{}, child('2010-01-01', { school_status: '03' })]),
  },
  'P-AGE-02': {
    fire: () => hh([{}, child('2012-01-01', { school_status: '02' })]),
    quiet: () => hh([{}, child('2012-01-01', { school_status: '03' })]),
  },
  'P-AGE-03': {
    fire: () => hh([{}, child('2000-01-01', { school_status: '03' })]),
    quiet: () => hh([{}, child('2010-01-01', { school_status: '03' })]),
  },
  'P-AGE-04': {
    fire: () => hh([{}, { birth_date: '2002-01-01', education: '02' }]),
    quiet: () => hh([{}, { birth_date: '2002-01-01', education: '03' }]),
  },
  'P-LAB-01': {
    fire: () => hh([{}, child('2010-01-01', { school_status: '03', labor_skill: '01' })]),
    quiet: () => hh([{}, child('2010-01-01', { school_status: '03' })]),
  },
  'P-LAB-02': {
    fire: () => hh([{ birth_date: '1950-01-01', labor_skill: '01', work_months: null }]),
    quiet: () => hh([{ birth_date: '1950-01-01', labor_skill: '05', work_months: null }]),
  },
  'P-LAB-03': {
    fire: () => hh([{ birth_date: '1950-01-01', labor_skill: '03', work_months: 10 }]),
    quiet: () => hh([{ birth_date: '1950-01-01', labor_skill: '03', work_months: 0 }]),
  },
  'P-LAB-04': {
    fire: () => hh([{}, child('2003-01-01', { school_status: '09', work_months: 3 })]),
    quiet: () => hh([{}, child('2003-01-01', { school_status: '09', work_months: 0 })]),
  },
  'P-LAB-05': {
    fire: () => hh([{}, child('2004-01-01', { school_status: '08', labor_skill: '01' })]),
    quiet: () => hh([{}, child('2004-01-01', { school_status: '08' })]),
  },
  'P-LAB-06': {
    fire: () => hh([{ labor_skill: '04' }]),
    quiet: () => hh([{ labor_skill: '04', health: '02' }]),
  },
  'P-LAB-07': {
    fire: () =>
      withPersonRecord('basic_assistance', { disabled: 1, disability_grade: '01', disability_card_no: 'X' }, [
        { health: '04', labor_skill: '01' },
      ]),
    quiet: () =>
      withPersonRecord('basic_assistance', { disabled: 1, disability_grade: '03', disability_card_no: 'X' }, [
        { health: '04', labor_skill: '01' },
      ]),
  },
  'W-MIG-01': {
    fire: () => withPersonRecord('migrant_work', { year: 2020, status: '01' }),
    quiet: () => withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省深圳市' }),
  },
  'W-MIG-02': {
    fire: () => withPersonRecord('migrant_work', { year: 2020, planned: 1 }),
    quiet: () => withPersonRecord('migrant_work', { year: 2020, planned: 1, planned_place: '浙江省宁波市' }),
  },
  'W-MIG-03': {
    fire: () =>
      withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省', point_to_point: 1 }),
    quiet: () =>
      withPersonRecord('migrant_work', {
        year: 2020,
        status: '01',
        work_place: '广东省',
        point_to_point: 1,
        transport_subsidy: 300,
      }),
  },
  'W-MIG-04': {
    fire: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '07', aid_employment: '03' }),
    quiet: () => {
      const t = withHouseholdRecord('relapse_monitoring', {
        category: '1',
        risks: '07',
        aid_employment: '03',
      });
      if ('household' in t)
        rec('migrant_work', {
          person_id: t.household.persons[0] ?? null,
          year: 2020,
          status: '01',
          work_place: '广东省',
          transport_subsidy: 200,
        });
      return t;
    },
  },
  'W-MIG-05': {
    fire: () =>
      withPersonRecord('migrant_work', {
        year: 2020,
        status: '01',
        work_place: '广东省',
        monthly_income: 200,
      }),
    quiet: () =>
      withPersonRecord('migrant_work', {
        year: 2020,
        status: '01',
        work_place: '广东省',
        monthly_income: 4000,
      }),
  },
  'W-MIG-06': {
    fire: () => {
      const built = h([{}, child('2008-01-01', { school_status: '05' })]);
      rec('migrant_work', {
        person_id: built.persons[1] ?? null,
        year: 2020,
        status: '01',
        work_place: '广东省',
      });
      return { household: built };
    },
    quiet: () => withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省' }),
  },
  'W-MIG-07': {
    fire: () =>
      withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省' }, [
        { work_months: 0 },
      ]),
    quiet: () =>
      withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省' }, [
        { work_months: 8 },
      ]),
  },
  'J-PWJ-01': {
    fire: () =>
      withPersonRecord('public_welfare_jobs', { job_type: '01' }, [
        { birth_date: '1945-01-01', labor_skill: '03', work_months: null },
      ]),
    quiet: () =>
      withPersonRecord('public_welfare_jobs', { job_type: '01' }, [
        { birth_date: '1955-01-01', labor_skill: '03', work_months: null },
      ]),
  },
  'J-PWJ-02': {
    fire: () => {
      const t = withPersonRecord('public_welfare_jobs', { job_type: '01' });
      if ('household' in t)
        for (const job of ['02', '03'])
          rec('public_welfare_jobs', { person_id: t.household.persons[0] ?? null, job_type: job });
      return t;
    },
    quiet: () => {
      const t = withPersonRecord('public_welfare_jobs', { job_type: '01' });
      if ('household' in t)
        rec('public_welfare_jobs', { person_id: t.household.persons[0] ?? null, job_type: '02' });
      return t;
    },
  },
  'J-PWJ-03': {
    fire: () => withPersonRecord('public_welfare_jobs', { job_type: '01' }, CANCELLED_HEAD),
    quiet: () =>
      withPersonRecord('public_welfare_jobs', { job_type: '01', end_date: '2020-04-30' }, CANCELLED_HEAD),
  },
  'S-MED-01': {
    fire: () => hh(),
    quiet: () => withPersonRecord('medical_insurance', { year: 2020, insured: 1 }),
  },
  'S-MED-02': {
    fire: () => withPersonRecord('medical_insurance', { year: 2020, insured: 1, employee_insured: 1 }),
    quiet: () => withPersonRecord('medical_insurance', { year: 2020, insured: 1, employee_insured: 0 }),
  },
  'S-MED-03': {
    fire: () =>
      withPersonRecord('medical_insurance', {
        year: 2020,
        insured: 0,
        employee_insured: 0,
        medical_assistance: 1,
        not_insured_reason: '99',
      }),
    quiet: () => withPersonRecord('medical_insurance', { year: 2020, insured: 1, medical_assistance: 1 }),
  },
  'S-HOU-01': {
    fire: () =>
      withHouseholdRecord('housing_renovation', {
        target_category: '01',
        danger_level: '01',
        appraisal_date: '2019-06-01',
        progress: '01',
      }),
    quiet: () =>
      withHouseholdRecord('housing_renovation', {
        target_category: '01',
        danger_level: '01',
        appraisal_date: '2020-06-01',
        progress: '01',
      }),
  },
  'S-HOU-02': {
    fire: () =>
      withHouseholdRecord('housing_renovation', {
        target_category: '01',
        danger_level: '01',
        progress: '03',
        completion_date: '2020-08-01',
      }),
    quiet: () =>
      withHouseholdRecord('housing_renovation', {
        target_category: '01',
        danger_level: '01',
        progress: '03',
        completion_date: '2020-08-01',
        paid_amount: 20000,
      }),
  },
  'S-WAT-01': {
    fire: () => withHouseholdRecord('drinking_water', { solved: 0, problems: '01' }),
    quiet: () => withHouseholdRecord('drinking_water', { solved: 0, problems: '01', measure: '01' }),
  },
  'B-DIB-01': {
    fire: () => hh([{ birth_date: '1940-01-01', labor_skill: '05', work_months: null }]),
    quiet: () => hh([{ birth_date: '1940-01-01', labor_skill: '05', work_months: null, dibao: 1 }]),
  },
  'B-DIS-01': {
    fire: () => hh([{ health: '04', labor_skill: '03' }]),
    quiet: () =>
      withPersonRecord(
        'basic_assistance',
        { disabled: 1, disability_grade: '03', disability_card_no: 'C1' },
        [{ health: '04', labor_skill: '03' }],
      ),
  },
  'B-TEK-01': { fire: () => hh([{ tekun: 1 }]), quiet: () => hh([{ tekun: 1, health: '02' }]) },
  'B-TEK-02': {
    fire: () =>
      withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省' }, [
        { tekun: 1, health: '02' },
      ]),
    quiet: () =>
      withPersonRecord('migrant_work', { year: 2020, status: '01', work_place: '广东省' }, [{ tekun: 0 }]),
  },
  'M-RSK-01': {
    fire: () => withHouseholdRecord('relapse_monitoring', { category: '1', risks: '01' }, [{ health: '03' }]),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '01', aid_health: '02' }, [
        { health: '03' },
      ]),
  },
  'M-RSK-02': {
    fire: () => withHouseholdRecord('relapse_monitoring', { category: '1', risks: '01', aid_health: '02' }),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '01', aid_health: '02' }, [
        { health: '02' },
      ]),
  },
  'M-RSK-03': {
    fire: () => withHouseholdRecord('relapse_monitoring', { category: '1', risks: '03', aid_social: '04' }),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '03', aid_social: '04' }, [
        { health: '04', labor_skill: '03' },
      ]),
  },
  'M-ELI-01': {
    fire: () =>
      withHouseholdRecord('relapse_monitoring', {
        category: '1',
        risks: '07',
        aid_employment: '01',
        identified_date: '2020-03-01',
        eliminated: 1,
        eliminated_date: '2020-05-01',
      }),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', {
        category: '1',
        risks: '07',
        aid_employment: '01',
        identified_date: '2020-03-01',
        eliminated: 1,
        eliminated_date: '2020-10-01',
      }),
  },
  'M-ELI-02': {
    fire: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '08', eliminated: 1 }, [
        { birth_date: '1940-01-01', labor_skill: '05', work_months: null },
      ]),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '08', eliminated: 1 }, [
        { birth_date: '1940-01-01', labor_skill: '05', work_months: null, dibao: 1 },
      ]),
  },
  'E-ISO-01': {
    fire: () =>
      withPersonRecord('returnee_screening', {
        from_place: '湖北省武汉市',
        return_date: '2020-01-20',
        control: '01',
        control_start: '2020-01-20',
        control_end: '2020-02-03',
      }),
    quiet: () =>
      withPersonRecord('returnee_screening', {
        from_place: '湖北省武汉市',
        return_date: '2020-01-20',
        control: '01',
        control_start: '2020-01-20',
        control_end: '2020-02-03',
        release_date: '2020-02-03',
      }),
  },
  'E-CASE-01': {
    fire: () =>
      withPersonRecord('returnee_screening', {
        from_place: '湖北省武汉市',
        return_date: '2020-01-20',
        case_status: '03',
      }),
    quiet: () =>
      withPersonRecord('returnee_screening', {
        from_place: '湖北省武汉市',
        return_date: '2020-01-20',
        case_status: '03',
        responsible: '王书记',
      }),
  },
  'E-STK-01': {
    fire: () => stock(10, 20),
    quiet: () => stock(20, 10),
  },
  'D-RCT-01': {
    fire: () =>
      regionRecord('rectification', {
        source: '04',
        description: '过期未改',
        deadline: '2020-06-01',
        status: '02',
      }),
    quiet: () =>
      regionRecord('rectification', {
        source: '04',
        description: '已销号',
        deadline: '2020-06-01',
        status: '03',
        closed_date: '2020-05-30',
        closed_by: '李',
      }),
  },
  'D-PRJ-01': {
    fire: () => regionRecord('poverty_projects', { name: '通组路', planned_end: '2020-06-01', status: '02' }),
    quiet: () =>
      regionRecord('poverty_projects', {
        name: '通组路',
        planned_end: '2020-06-01',
        status: '03',
        actual_end: '2020-05-20',
      }),
  },
  'D-LOAN-01': {
    fire: () =>
      withHouseholdRecord('micro_credit', {
        contract_no: 'A1',
        amount: 50000,
        due_date: '2020-06-01',
        balance: 1000,
      }),
    quiet: () =>
      withHouseholdRecord('micro_credit', {
        contract_no: 'A2',
        amount: 50000,
        due_date: '2020-06-01',
        balance: 0,
      }),
  },
  'D-EDU-01': {
    fire: () => withPersonRecord('compulsory_education', { attendance: '02', dropout_date: '2020-05-01' }),
    quiet: () => {
      const built = h();
      const id = rec('compulsory_education', {
        person_id: built.persons[0] ?? null,
        attendance: '02',
        dropout_date: '2020-05-01',
      });
      rec('dropout_persuasion', {
        person_id: built.persons[0] ?? null,
        parent_id: id,
        date: '2020-05-10',
        persuader: '张老师',
        result: '03',
      });
      return { household: built };
    },
  },
  'X-CAN-01': {
    fire: () =>
      withPersonRecord(
        'migrant_work',
        { year: 2020, status: '01', work_place: '广东省' },
        CANCELLED_HEAD_MARCH,
      ),
    quiet: () =>
      withPersonRecord(
        'migrant_work',
        { year: 2019, status: '01', work_place: '广东省' },
        CANCELLED_HEAD_MARCH,
      ),
  },
  'X-MON-01': {
    fire: () => hh([{}], { household_type: '3', monitor_category: '1' }),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '1', risks: '07', aid_employment: '01' }, [{}], {
        household_type: '3',
        monitor_category: '1',
      }),
  },
  'X-MON-02': {
    fire: () =>
      withHouseholdRecord('relapse_monitoring', { category: '2', risks: '07', aid_employment: '01' }, [{}], {
        household_type: '4',
        poverty_status: null,
      }),
    quiet: () =>
      withHouseholdRecord('relapse_monitoring', { category: '2', risks: '07', aid_employment: '01' }, [{}], {
        household_type: '4',
        poverty_status: null,
        monitor_category: '2',
      }),
  },
  'X-RET-01': {
    fire: () =>
      withPersonRecord('returnee_screening', {
        from_place: '广东省',
        return_date: '2020-01-20',
        address: '另一个乡镇某某村三组',
      }),
    quiet: () =>
      withPersonRecord('returnee_screening', {
        from_place: '广东省',
        return_date: '2020-01-20',
        address: `本镇${villageName.replace(/(村民委员会|村委会)$/, '村')}三组`,
      }),
  },
};

function stock(inQty: number, outQty: number): Target {
  const id = rec('epidemic_supplies', {
    region_code: village.code,
    name: '口罩',
    category: '01',
    unit: '个',
  });
  rec('supply_movements', {
    region_code: village.code,
    parent_id: id,
    direction: '1',
    movement_date: '2020-02-01',
    quantity: inQty,
    signed_quantity: inQty,
  });
  rec('supply_movements', {
    region_code: village.code,
    parent_id: id,
    direction: '2',
    movement_date: '2020-02-05',
    quantity: outQty,
    signed_quantity: -outQty,
  });
  return { record: { ledger: 'epidemic_supplies', id } };
}

const built = new Map<string, { fire: Target; quiet: Target }>();

beforeAll(async () => {
  client = await openCountyLedger();
  village = villagesOf(client.core.ledger)[0] as VillageRef;
  villageName = String(
    client.core.ledger.prepare('SELECT name FROM regions WHERE code = ?').pluck().get(village.code),
  );
  for (const [id, c] of Object.entries(CASES)) built.set(id, { fire: c.fire(), quiet: c.quiet() });
  const summary = await runQualityCheck(
    client.core.ledger,
    { region: countyRegion(client.core.ledger) },
    { today: '2026-12-06' },
  );
  expect(summary.cancelled).toBe(false);
}, 60_000);

afterAll(async () => {
  await client?.close();
});

function fired(rule: string, target: Target): string[] {
  const where = 'household' in target ? 'household_id = ?' : 'record_ledger = ? AND record_id = ?';
  const params = 'household' in target ? [target.household.id] : [target.record.ledger, target.record.id];
  return client.core.ledger
    .prepare(`SELECT message FROM quality_findings WHERE rule_id = ? AND ${where}`)
    .pluck()
    .all(rule, ...params) as string[];
} // prettier-ignore

describe('每条数据质量规则', () => {
  for (const rule of QUALITY_RULES) {
    it(`${rule.id} ${rule.title}：错的记录报出，对的记录不报`, () => {
      const cases = built.get(rule.id);
      expect(cases, `${rule.id} 没有测试用例`).toBeDefined();
      if (!cases) return;
      const messages = fired(rule.id, cases.fire);
      expect(messages.length, `${rule.id} 应报出`).toBeGreaterThan(0);
      for (const m of messages) expect(m).toMatch(/\S/);
      expect(fired(rule.id, cases.quiet), `${rule.id} 不应报出`).toEqual([]);
    });
  }

  it('规则至少 40 条，编号唯一，每条都有用例', () => {
    expect(QUALITY_RULES.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(CASES).sort()).toEqual(QUALITY_RULES.map((r) => r.id).sort());
  });
});
