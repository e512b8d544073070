// The sample county generator on a real ledger file: counts, determinism, valid and unique ID
// numbers, coherent families, codes from the code tables and the region tree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../../main/core/db/tables.ts';
import { generateDemo, type DemoResult } from '../../main/core/demo/generate-demo.ts';
import { getSetting, SETTING_KEYS } from '../../main/core/ledger/settings.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { pad12, setUpCounty } from '../../main/core/regions/county-setup.ts';
import { CODE_TABLES, MULTI_SEPARATOR, RELATION_IMPLIED_SEX } from '../../shared/code-tables/index.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../shared/fields/person-fields.ts';
import type { FieldDef } from '../../shared/fields/define.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { LedgerError } from '../../shared/result.ts';

const COUNTY = '420626'; // 湖北省襄阳市保康县
const HOUSEHOLDS = 500;
const SEED = 20201231;

const dirs: string[] = [];
const ledgers: Ledger[] = [];

async function demoLedger(seed: number, onProgress?: (done: number, total: number) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  dirs.push(dir);
  const ledger = await openLedger(path.join(dir, 'demo.sqlite'));
  ledgers.push(ledger);
  setUpCounty(ledger, getRegionCatalog(), COUNTY);
  const result = generateDemo(ledger, { households: HOUSEHOLDS, seed, onProgress });
  return { ledger, result };
}

const all = <T>(ledger: Ledger, sql: string, ...params: unknown[]): T[] =>
  ledger.sqlite.prepare(sql).all(...params) as T[];

/** Rows without the write timestamps, which are the only thing allowed to differ between runs. */
function content(ledger: Ledger) {
  const strip = <T extends { created_at: string; updated_at?: string }>(rows: T[]) =>
    rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
  return {
    households: strip(all<HouseholdRow>(ledger, 'SELECT * FROM households ORDER BY id')),
    persons: strip(all<PersonRow>(ledger, 'SELECT * FROM persons ORDER BY id')),
    groups: strip(
      all<{ created_at: string; updated_at: string }>(
        ledger,
        `SELECT * FROM regions WHERE level = 'group' ORDER BY code`,
      ),
    ),
  };
}

let ledger: Ledger;
let result: DemoResult;
let households: HouseholdRow[];
let persons: PersonRow[];
let members: Map<number, PersonRow[]>;
const progress: [number, number][] = [];

beforeAll(async () => {
  ({ ledger, result } = await demoLedger(SEED, (done, total) => progress.push([done, total])));
  households = all<HouseholdRow>(ledger, 'SELECT * FROM households ORDER BY id');
  persons = all<PersonRow>(ledger, 'SELECT * FROM persons ORDER BY id');
  members = new Map();
  for (const p of persons) members.set(p.household_id, [...(members.get(p.household_id) ?? []), p]);
});

afterAll(async () => {
  for (const l of ledgers) await l.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const birthYear = (p: PersonRow): number => Number((p.birth_date ?? '').slice(0, 4));
const age = (p: PersonRow): number => 2020 - birthYear(p);

describe('generateDemo counts', () => {
  it('writes the requested households and as many persons as their member counts', () => {
    expect(result.households).toBe(HOUSEHOLDS);
    expect(households).toHaveLength(HOUSEHOLDS);
    const memberSum = households.reduce((sum, h) => sum + h.member_count, 0);
    expect(persons).toHaveLength(memberSum);
    expect(result.persons).toBe(memberSum);
    // 1–8 members, about four on average.
    expect(memberSum / HOUSEHOLDS).toBeGreaterThan(3.4);
    expect(memberSum / HOUSEHOLDS).toBeLessThan(4.4);
    for (const h of households) {
      expect(h.member_count).toBeGreaterThanOrEqual(1);
      expect(h.member_count).toBeLessThanOrEqual(8);
      expect(members.get(h.id)).toHaveLength(h.member_count);
    }
  });

  it('reports progress once at the end for a small county', () => {
    expect(progress).toEqual([[HOUSEHOLDS, HOUSEHOLDS]]);
  });

  it('records one demo batch that every row points to, and marks the ledger as sample data', () => {
    const batches = all<{ id: number; kind: string; operator: string; summary: string }>(
      ledger,
      'SELECT * FROM import_batches',
    );
    expect(batches).toHaveLength(1);
    const batch = batches[0];
    expect(batch).toMatchObject({ id: result.batchId, kind: 'demo', operator: '示例数据生成器' });
    expect(JSON.parse(batch?.summary ?? '{}')).toMatchObject({
      households: HOUSEHOLDS,
      persons: result.persons,
      groups: result.groups,
    });
    for (const row of [...households, ...persons]) {
      expect(row.batch_id).toBe(result.batchId);
      expect(row.origin).toBe('demo');
      expect(row.year).toBe(2020);
      expect(row.status).toBe('active');
    }
    expect(getSetting(ledger, SETTING_KEYS.isSample)).toBe('1');
  });

  it('refuses to add a second sample county to a ledger that has households', () => {
    expect(() => generateDemo(ledger, { households: 10, seed: 1 })).toThrow(LedgerError);
    expect(all(ledger, 'SELECT id FROM households')).toHaveLength(HOUSEHOLDS);
  });
});

describe('generateDemo determinism', () => {
  it('gives identical rows for the same seed and different ones for another seed', async () => {
    const same = await demoLedger(SEED);
    const other = await demoLedger(SEED + 1);
    expect(same.result).toEqual(result);
    expect(content(same.ledger)).toEqual(content(ledger));
    const otherIds = content(other.ledger).persons.map((p) => p.id_number);
    expect(otherIds).not.toEqual(persons.map((p) => p.id_number));
    expect(content(other.ledger).households).not.toEqual(content(ledger).households);
  });
});

describe('generateDemo regions', () => {
  it('creates 3–9 groups 一组 … per village, coded <village>-NN', () => {
    const villages = all<{ code: string }>(ledger, `SELECT code FROM regions WHERE level = 'village'`);
    const groups = all<{
      code: string;
      parent_code: string;
      name: string;
      origin: string;
      sort_order: number;
    }>(ledger, `SELECT * FROM regions WHERE level = 'group' ORDER BY code`);
    expect(groups).toHaveLength(result.groups);
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    for (const v of villages) {
      const own = groups.filter((g) => g.parent_code === v.code);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.length).toBeLessThanOrEqual(9);
      own.forEach((g, i) => {
        expect(g.code).toBe(`${v.code}-${String(i + 1).padStart(2, '0')}`);
        expect(g.name).toBe(`${numerals[i]}组`);
        expect(g.origin).toBe('demo');
        expect(g.sort_order).toBe(i);
      });
    }
  });

  it('puts every household on a village of the county and a group of that village', () => {
    const regions = new Map(
      all<{ code: string; parent_code: string | null; level: string; name: string }>(
        ledger,
        'SELECT code, parent_code, level, name FROM regions',
      ).map((r) => [r.code, r]),
    );
    const numbers = new Set<string>();
    const villagesUsed = new Set<string>();
    for (const h of households) {
      const village = regions.get(h.village_code);
      const township = regions.get(h.township_code);
      const group = regions.get(h.group_code ?? '');
      expect(village?.level).toBe('village');
      expect(village?.parent_code).toBe(h.township_code);
      expect(township?.level).toBe('township');
      expect(township?.parent_code).toBe(pad12(COUNTY));
      expect(group?.level).toBe('group');
      expect(group?.parent_code).toBe(h.village_code);
      expect(h.household_no).toMatch(new RegExp(`^${h.village_code}\\d{4}$`));
      numbers.add(h.household_no);
      villagesUsed.add(h.village_code);
      expect(h.address?.startsWith(township?.name ?? '?')).toBe(true);
      expect(h.address?.endsWith(group?.name ?? '?')).toBe(true);
    }
    expect(numbers.size).toBe(HOUSEHOLDS);
    expect(villagesUsed.size).toBeGreaterThan(50); // spread over the county, not piled on one village
  });
});

describe('generateDemo ID numbers', () => {
  it('gives every person a valid, unique 18-digit ID matching the birth date and sex', () => {
    const seen = new Set<string>();
    let inCounty = 0;
    for (const p of persons) {
      const parsed = parseIdNumber(p.id_number, { today: '2020-12-31' });
      expect(parsed.ok, p.id_number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.info).toMatchObject({
        normalized: p.id_number,
        kind: 'resident-18',
        flagged: false,
        birthDate: p.birth_date,
        sex: p.sex,
      });
      expect(p.id_type).toBe('01');
      expect(p.id_flagged).toBe(0);
      expect(parsed.info.addressCode?.slice(0, 2)).toBe(COUNTY.slice(0, 2)); // same province
      if (parsed.info.addressCode === COUNTY) inCounty += 1;
      seen.add(p.id_number);
    }
    expect(seen.size).toBe(persons.length);
    // Most people were born in the county; married-in spouses often elsewhere in the province.
    expect(inCounty / persons.length).toBeGreaterThan(0.85);
    expect(inCounty / persons.length).toBeLessThan(0.98);
  });
});

describe('generateDemo families', () => {
  it('has exactly one 户主 per household, whose name and ID are on the household row', () => {
    for (const h of households) {
      const heads = (members.get(h.id) ?? []).filter((p) => p.relation === '01');
      expect(heads).toHaveLength(1);
      expect(heads[0]?.name).toBe(h.head_name);
      expect(heads[0]?.id_number).toBe(h.head_id_number);
    }
  });

  it('has at most one 配偶, of the other sex, and relations that agree with sex and age', () => {
    for (const h of households) {
      const family = members.get(h.id) ?? [];
      const head = family.find((p) => p.relation === '01') as PersonRow;
      const spouses = family.filter((p) => p.relation === '02');
      expect(spouses.length).toBeLessThanOrEqual(1);
      const spouse = spouses[0];
      if (spouse) expect(spouse.sex).not.toBe(head.sex);
      const has = (relation: string) => family.some((p) => p.relation === relation);
      for (const p of family) {
        const implied = RELATION_IMPLIED_SEX[p.relation];
        if (implied) expect(p.sex, `${p.name} ${p.relation}`).toBe(implied);
        expect(age(p)).toBeGreaterThanOrEqual(0);
        expect(age(p)).toBeLessThanOrEqual(100);
        if (p.relation === '03' || p.relation === '04') {
          for (const parent of [head, spouse]) {
            if (!parent) continue;
            const gap = birthYear(p) - birthYear(parent);
            expect(gap, `${p.name} vs ${parent.name}`).toBeGreaterThanOrEqual(18);
            expect(gap, `${p.name} vs ${parent.name}`).toBeLessThanOrEqual(40);
          }
        }
        if (p.relation === '11' || p.relation === '12') {
          const gap = birthYear(head) - birthYear(p);
          expect(gap).toBeGreaterThanOrEqual(18);
          expect(gap).toBeLessThanOrEqual(40);
        }
        if (p.relation === '05') {
          expect(age(p)).toBeGreaterThanOrEqual(18);
          expect(has('03')).toBe(true); // a daughter-in-law comes with a son
        }
        if (p.relation === '07' || p.relation === '08') {
          expect(birthYear(p) - birthYear(head)).toBeGreaterThanOrEqual(36);
          expect(has('03')).toBe(true);
        }
      }
    }
  });

  it('includes the usual relations across the county', () => {
    const relations = new Set(persons.map((p) => p.relation));
    for (const r of ['01', '02', '03', '04', '05', '07', '08', '11', '12']) expect(relations).toContain(r);
  });
});

const codeFields = (fields: readonly FieldDef[]) => fields.filter((f) => f.codeTable !== undefined);

describe('generateDemo codes', () => {
  it('stores only codes of the code tables, multi-valued ones comma-joined and ascending', () => {
    // Collected rather than asserted one by one: tens of thousands of values.
    const bad: string[] = [];
    const check = (rows: readonly object[], fields: readonly FieldDef[]) => {
      for (const field of codeFields(fields)) {
        const table = CODE_TABLES[field.codeTable as keyof typeof CODE_TABLES];
        const known = new Set(table.items.filter((i) => !i.retired).map((i) => i.code));
        const maxItems = field.type === 'code' ? 1 : (field.maxItems ?? Infinity);
        for (const row of rows) {
          const value = (row as Record<string, unknown>)[field.column];
          if (value === null) continue;
          const codes = String(value).split(MULTI_SEPARATOR);
          const ok =
            typeof value === 'string' &&
            codes.length <= maxItems &&
            new Set(codes).size === codes.length &&
            codes.every((c, i) => known.has(c) && (i === 0 || (codes[i - 1] ?? '') < c));
          if (!ok) bad.push(`${field.column} = ${String(value)}`);
        }
      }
    };
    check(households, HOUSEHOLD_FIELDS);
    check(persons, PERSON_FIELDS);
    expect(bad).toEqual([]);
    for (const p of persons) {
      for (const flag of [
        p.medical_insurance,
        p.serious_illness_insurance,
        p.pension_insurance,
        p.dibao,
        p.tekun,
      ]) {
        expect([0, 1]).toContain(flag);
      }
      if (p.health?.includes(',')) expect(p.health).not.toContain('01'); // 健康 stands alone
    }
  });

  it('keeps 其他致贫原因 apart from the main cause', () => {
    for (const h of households) {
      expect(h.main_cause).not.toBeNull();
      if (h.other_causes) expect(h.other_causes.split(',')).not.toContain(h.main_cause);
    }
  });

  it('fills the household status fields consistently', () => {
    for (const h of households) {
      const monitored = h.household_type === '3' || h.household_type === '4';
      expect(h.monitor_category !== null).toBe(monitored);
      if (h.household_type === '4') {
        expect(h.poverty_attribute).toBeNull(); // 边缘易致贫户 were never 建档立卡
        continue;
      }
      expect(h.poverty_attribute).not.toBeNull();
      expect(h.identification_standard).not.toBeNull();
      expect(h.first_identified_year).toBeGreaterThanOrEqual(2014);
      expect(h.first_identified_year).toBeLessThanOrEqual(2016);
      if (h.poverty_status === '0') expect(h.exit_year).toBeNull();
      if (h.poverty_status === '1' || h.poverty_status === '4') {
        expect(h.exit_year).toBeGreaterThanOrEqual(Math.max(2014, h.first_identified_year ?? 0));
        expect(h.exit_year).toBeLessThanOrEqual(2020);
      }
      if (h.phone !== null) expect(h.phone).toMatch(/^1[3-9]\d{9}$/);
      const dibao = h.poverty_attribute === '2' || h.poverty_attribute === '4' ? 1 : 0;
      const tekun = h.poverty_attribute === '3' || h.poverty_attribute === '4' ? 1 : 0;
      for (const p of members.get(h.id) ?? []) {
        expect(p.dibao).toBe(dibao);
        expect(p.tekun).toBe(tekun);
      }
    }
  });

  it('follows the 2020 shape: mostly 一般贫困户, 脱贫户 and 已脱贫（享受政策）', () => {
    const share = (test: (h: HouseholdRow) => boolean) => households.filter(test).length / HOUSEHOLDS;
    expect(share((h) => h.poverty_attribute === '1')).toBeGreaterThan(0.45);
    expect(share((h) => h.poverty_attribute === '2')).toBeGreaterThan(0.18);
    expect(share((h) => h.household_type === '2')).toBeGreaterThan(0.75);
    expect(share((h) => h.poverty_status === '1')).toBeGreaterThan(0.8);
    expect(share((h) => h.phone !== null)).toBeGreaterThan(0.75);
    expect(share((h) => h.phone !== null)).toBeLessThan(0.95);
  });
});

describe('generateDemo person traits', () => {
  it('fills exactly one of 文化程度 and 在校生状况, by age', () => {
    for (const p of persons) {
      expect((p.education === null) !== (p.school_status === null), `${p.name} ${age(p)}`).toBe(true);
      const a = age(p);
      if (a < 16) expect(p.school_status).not.toBeNull();
      if (a <= 5) expect(['17', '02']).toContain(p.school_status);
      if (a >= 23) expect(p.education).not.toBeNull();
    }
  });

  it('gives 劳动技能 and 务工时间 that fit age and schooling', () => {
    for (const p of persons) {
      const a = age(p);
      if (a < 16 || p.school_status !== null) expect(p.labor_skill).toBe('05');
      if (a >= 65) expect(['03', '04', '05']).toContain(p.labor_skill);
      if (p.work_months !== null) {
        expect(p.work_months).toBeGreaterThanOrEqual(0);
        expect(p.work_months).toBeLessThanOrEqual(12);
        expect(a).toBeGreaterThanOrEqual(16);
      }
      if (p.phone !== null) {
        expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
        expect(a).toBeGreaterThanOrEqual(18);
      }
    }
  });
});
