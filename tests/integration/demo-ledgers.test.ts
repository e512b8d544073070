// The sample county's thematic ledgers on a real ledger file: every ledger has records, every record
// passes its ledger's own rules and carries the derived values its `derive` computes, the register agrees
// with the ledgers, the shares follow the seed speech, and the same seed gives the same rows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { generateDemo, type DemoResult } from '../../main/core/demo/generate-demo.ts';
import { deriveContext } from '../../main/core/ledgers/ledger-context.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { setUpCounty } from '../../main/core/regions/county-setup.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { LEDGER_DEFS } from '../../shared/ledgers/defs/index.ts';
import { checkLedgerValues, fieldValues, ledgerTableName, withDerived } from '../../shared/ledgers/index.ts';

const COUNTY = '420626'; // 湖北省襄阳市保康县
const HOUSEHOLDS = 1500;
const SEED = 7;

const dirs: string[] = [];
const ledgers: Ledger[] = [];

async function demoLedger(seed: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  dirs.push(dir);
  const opened = await openLedger(path.join(dir, 'demo.sqlite'));
  ledgers.push(opened);
  setUpCounty(opened, getRegionCatalog(), COUNTY);
  return { ledger: opened, result: generateDemo(opened, { households: HOUSEHOLDS, seed, ledgers: true }) };
}

type Row = Record<string, unknown>;
const rows = (l: Ledger, sql: string): Row[] => l.sqlite.prepare(sql).all() as Row[];
const recordsOf = (l: Ledger, id: string): Row[] => rows(l, `SELECT * FROM ledger_${id} ORDER BY id`);

/** SHA-256 of every ledger table's rows, write timestamps left out. */
function ledgerHashes(l: Ledger): Record<string, string> {
  return Object.fromEntries(
    LEDGER_DEFS.map((d) => {
      const hash = crypto.createHash('sha256');
      for (const { created_at: _c, updated_at: _u, ...row } of recordsOf(l, d.id))
        hash.update(JSON.stringify(row));
      return [d.id, hash.digest('hex')];
    }),
  );
}

let ledger: Ledger;
let result: DemoResult;

beforeAll(async () => {
  ({ ledger, result } = await demoLedger(SEED));
});

afterAll(async () => {
  for (const l of ledgers) await l.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('sample county thematic ledgers', () => {
  it('writes records into every thematic ledger, as many as the result says', () => {
    for (const d of LEDGER_DEFS) {
      const n = ledger.sqlite
        .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(d)}`)
        .pluck()
        .get() as number;
      expect(n, d.id).toBeGreaterThan(0);
      expect(result.records[d.id], d.id).toBe(n);
    }
    const origins = LEDGER_DEFS.flatMap((d) =>
      rows(ledger, `SELECT DISTINCT origin, batch_id FROM ${ledgerTableName(d)}`),
    );
    expect(new Set(origins.map((o) => `${String(o.origin)}:${String(o.batch_id)}`))).toEqual(
      new Set([`demo:${result.batchId}`]),
    );
  });

  it('passes every ledger its own rules, with no error and no warning', () => {
    const failures: string[] = [];
    for (const d of LEDGER_DEFS)
      for (const row of recordsOf(ledger, d.id))
        for (const issue of checkLedgerValues(d, fieldValues(d, row)))
          failures.push(`${d.id} #${String(row.id)} ${issue.field}: ${issue.message}`);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('stores the derived values the form computes (去向类别, 计划去向类别, 改造进度, 贷款余额 …)', () => {
    const catalog = () => getRegionCatalog();
    const differences: string[] = [];
    for (const d of LEDGER_DEFS as readonly LedgerDef[]) {
      if (!d.derive) continue;
      const ctx = deriveContext(ledger, d, catalog);
      for (const row of recordsOf(ledger, d.id)) {
        const stored = fieldValues(d, row);
        const again = withDerived(d, stored, ctx);
        for (const f of d.fields)
          if (again[f.column] !== stored[f.column])
            differences.push(
              `${d.id} #${String(row.id)} ${f.column}: ${String(stored[f.column])} ≠ ${String(again[f.column])}`,
            );
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('gives identical ledger rows for the same seed and different ones for another seed', async () => {
    const same = await demoLedger(SEED);
    const other = await demoLedger(SEED + 1);
    expect(same.result.records).toEqual(result.records);
    expect(ledgerHashes(same.ledger)).toEqual(ledgerHashes(ledger));
    expect(ledgerHashes(other.ledger).migrant_work).not.toBe(ledgerHashes(ledger).migrant_work);
  });
});

describe('sample county ledgers agree with the register', () => {
  it('monitors exactly the register’s 监测户, with the register’s 监测对象类别', () => {
    const monitored = rows(
      ledger,
      `SELECT id, monitor_category FROM households WHERE monitor_category IS NOT NULL ORDER BY id`,
    );
    const records = rows(
      ledger,
      `SELECT household_id AS id, category AS monitor_category FROM ledger_relapse_monitoring ORDER BY household_id`,
    );
    expect(monitored.length).toBeGreaterThan(0);
    expect(records).toEqual(monitored);
  });

  it('has one 基本医疗 record of the year for every person, 未参保 exactly where the register says so, each with a reason', () => {
    const mismatched = rows(
      ledger,
      `SELECT p.id FROM persons p LEFT JOIN ledger_medical_insurance m ON m.person_id = p.id AND m.year = 2020
       WHERE m.id IS NULL OR m.insured IS NOT p.medical_insurance OR (m.insured = 0 AND m.not_insured_reason IS NULL)`,
    );
    expect(mismatched).toEqual([]);
    const notInsured = rows(ledger, `SELECT id FROM ledger_medical_insurance WHERE insured = 0`).length;
    expect(notInsured).toBeGreaterThan(0);
    expect(notInsured).toBeLessThan(HOUSEHOLDS * 0.1);
  });

  it('lists 低保 and 特困 persons as the register marks them, and pupils of 6–15 only', () => {
    expect(
      rows(
        ledger,
        `SELECT b.id FROM ledger_basic_assistance b JOIN persons p ON p.id = b.person_id WHERE b.dibao IS NOT p.dibao OR b.tekun IS NOT p.tekun`,
      ),
    ).toEqual([]);
    const ages = rows(
      ledger,
      `SELECT 2020 - CAST(substr(p.birth_date, 1, 4) AS INTEGER) AS age FROM ledger_compulsory_education e JOIN persons p ON p.id = e.person_id`,
    );
    for (const { age } of ages) expect(age).toSatisfy((a: number) => a >= 6 && a <= 15);
  });

  it('lets only people of the register’s 建档立卡 and monitored households work away, at working age', () => {
    const bad = rows(
      ledger,
      `SELECT m.id FROM ledger_migrant_work m JOIN persons p ON p.id = m.person_id
       WHERE 2020 - CAST(substr(p.birth_date, 1, 4) AS INTEGER) NOT BETWEEN 16 AND 59 OR p.school_status IS NOT NULL`,
    );
    expect(bad).toEqual([]);
  });
});

describe('sample county ledgers have the seed speech’s shape', () => {
  it('plans 外出务工 by 去向 in the seed’s shares, some households in two 去向, most of the planned gone', () => {
    const planned = rows(
      ledger,
      `SELECT person_id, planned_destination AS d, status FROM ledger_migrant_work WHERE planned = 1 AND year = 2020`,
    );
    const byDestination = new Map<string, number>();
    for (const r of planned) byDestination.set(String(r.d), (byDestination.get(String(r.d)) ?? 0) + 1);
    const share = (d: string) => (byDestination.get(d) ?? 0) / planned.length;
    // 保康县 2020: 县内 9,062, 县外市内 1,572, 市外省内 2,316, 省外 10,545 of 23,495 persons.
    expect(share('01')).toBeCloseTo(0.386, 1);
    expect(share('02')).toBeCloseTo(0.067, 1);
    expect(share('03')).toBeCloseTo(0.099, 1);
    expect(share('04')).toBeCloseTo(0.449, 1);
    const households = rows(
      ledger,
      `SELECT p.household_id, COUNT(*) AS persons, COUNT(DISTINCT m.planned_destination) AS classes
       FROM ledger_migrant_work m JOIN persons p ON p.id = m.person_id WHERE m.planned = 1 GROUP BY p.household_id`,
    );
    // 15,670 households for 23,495 persons: about 1.5 planned workers a household.
    const perHousehold = planned.length / households.length;
    expect(perHousehold).toBeGreaterThan(1.3);
    expect(perHousehold).toBeLessThan(1.7);
    expect(households.filter((h) => Number(h.classes) >= 2).length).toBeGreaterThan(0);
    const departed = planned.filter((r) => r.status === '01' || r.status === '02').length;
    expect(departed / planned.length).toBeGreaterThan(0.6);
    expect(departed).toBeLessThan(planned.length);
    const count = (sql: string) => ledger.sqlite.prepare(sql).pluck().get() as number;
    expect(count(`SELECT COUNT(*) FROM ledger_migrant_work WHERE point_to_point = 1`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_migrant_work WHERE transport_subsidy > 0`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_migrant_work WHERE status = '05'`)).toBeGreaterThan(0);
    // The 三联单's village and employer parts of everyone who left: 体检 before leaving with its 健康证明, 到岗 after.
    const gone = `FROM ledger_migrant_work WHERE status IN ('01', '02') AND start_date IS NOT NULL`;
    expect(count(`SELECT COUNT(*) ${gone}`)).toBe(departed);
    expect(
      count(
        `SELECT COUNT(*) ${gone} AND health_certificate = 1 AND health_check_date < start_date AND arrival_date > start_date`,
      ),
    ).toBe(departed);
    expect(count(`SELECT COUNT(*) ${gone} AND point_to_point = 1 AND employment_proof = 1`)).toBe(
      count(`SELECT COUNT(*) ${gone} AND point_to_point = 1`),
    );
    expect(count(`SELECT COUNT(*) ${gone} AND employment_proof = 0`)).toBeGreaterThan(0);
  });

  it('puts planning households in the seed’s 去向 shares, 14.4% of them both 县内 and 省外 and none in two other 去向', () => {
    // Computed here with plain SQL, not through the report code. 保康县 2020: 15,670 planning households,
    // 县内 6,531, 县外市内 1,321, 市外省内 1,997, 省外 8,073; 2,252 both 县内 and 省外, and the columns add up
    // to exactly 2,252 more than the households (no household in any other two 去向).
    const [shape] = rows(
      ledger,
      `WITH hh AS (
         SELECT p.household_id, MAX(m.planned_destination = '01') AS a, MAX(m.planned_destination = '02') AS b,
                MAX(m.planned_destination = '03') AS c, MAX(m.planned_destination = '04') AS d
         FROM ledger_migrant_work m JOIN persons p ON p.id = m.person_id
         WHERE m.planned = 1 AND m.year = 2020 GROUP BY p.household_id)
       SELECT COUNT(*) AS n, SUM(a) AS a, SUM(b) AS b, SUM(c) AS c, SUM(d) AS d, SUM(a AND d) AS both_,
              SUM(a + b + c + d) - COUNT(*) AS extra FROM hh`,
    );
    const n = Number(shape?.n);
    expect(n).toBeGreaterThan(500);
    const share = (key: string) => Number(shape?.[key]) / n;
    expect(Math.abs(share('both_') - 2252 / 15670)).toBeLessThan(0.035);
    expect(Math.abs(share('a') - 6531 / 15670)).toBeLessThan(0.04);
    expect(Math.abs(share('b') - 1321 / 15670)).toBeLessThan(0.03);
    expect(Math.abs(share('c') - 1997 / 15670)).toBeLessThan(0.03);
    expect(Math.abs(share('d') - 8073 / 15670)).toBeLessThan(0.04);
    expect(Number(shape?.extra)).toBe(Number(shape?.both_));
  });

  it('fills each ledger’s report columns: stages, two posts, 光伏, 逾期, 辍学, 隔离, 销号 and overdue', () => {
    const count = (sql: string) => ledger.sqlite.prepare(sql).pluck().get() as number;
    expect(
      count(
        `SELECT COUNT(*) FROM (SELECT person_id FROM ledger_public_welfare_jobs GROUP BY person_id HAVING COUNT(*) >= 2)`,
      ),
    ).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_public_welfare_jobs WHERE fund_source = '01'`)).toBeGreaterThan(
      0,
    );
    for (const progress of ['01', '02', '03', '04'])
      expect(
        count(`SELECT COUNT(*) FROM ledger_housing_renovation WHERE progress = '${progress}'`),
        progress,
      ).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_housing_renovation WHERE paid_amount > 0`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_micro_credit WHERE status = '03'`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_micro_credit WHERE status = '04'`)).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_micro_credit WHERE covid_affected = 1`)).toBeGreaterThan(0);
    expect(
      count(`SELECT COUNT(*) FROM ledger_compulsory_education WHERE attendance = '02' OR returned = 1`),
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT COUNT(*) FROM ledger_returnee_screening WHERE control IN ('01', '02')`),
    ).toBeGreaterThan(0);
    expect(
      count(
        `SELECT COUNT(*) FROM ledger_poverty_projects WHERE status IN ('02', '03', '04') AND paid_amount > 0`,
      ),
    ).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_rectification WHERE status = '03'`)).toBeGreaterThan(0);
    expect(
      count(`SELECT COUNT(*) FROM ledger_rectification WHERE status <> '03' AND deadline < '2020-12-01'`),
    ).toBeGreaterThan(0);
    expect(count(`SELECT COUNT(*) FROM ledger_drinking_water WHERE solved = 0`)).toBeGreaterThanOrEqual(0);
  });
});
