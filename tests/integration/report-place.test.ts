// The household and village a 基本医疗 / 外出务工 record keeps for the reports (report_household_id,
// report_village_code, shared/ledgers/report-place.ts) follow its person through every write path on a
// real ledger file: a record created, imported or given another person, a member moved to another household
// or split off into a new one, a household moved to another village by hand or by a register import, and that
// import undone; the migration fills the records a file already holds. The report counts them in the village
// the joins through persons and households say. 外出务工's 户数 summary (one row per household and 年度: its
// village and the distinct tuples its records hold, shared/ledgers/report-households.ts) is checked at the
// same points against what the joins make, and the report's 户数 columns against distinct households counted
// over the joins.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { ledgerUpgradeSql } from '../../main/core/ledgers/table-shape.ts';
import { STATEMENTS } from '../../migrations/2026_12_06_0014_report_households.ts';
import { STATEMENTS as SORT_STATEMENTS } from '../../migrations/2026_12_06_0016_ledger_sort_indexes.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { runReport } from '../../main/core/reports/run-report.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { allLedgers, ledgerDef } from '../../shared/ledgers/index.ts';
import {
  reportHouseholdKeys,
  reportHouseholdsSql,
  reportHouseholdsTable,
  reportHouseholdsTriggers,
} from '../../shared/ledgers/report-households.ts';
import { reportIndexes, reportPlaceTriggers } from '../../shared/ledgers/report-place.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { householdEntry, personEntry } from '../helpers/register-entries.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

const ID = {
  head: makeIdNumber('420626', '1970-05-12', 11),
  wife: makeIdNumber('420626', '1972-08-03', 22),
  son: makeIdNumber('420626', '1996-02-29', 35),
  other: makeIdNumber('420626', '1988-11-30', 47),
};

const person = (name: string, id_number: string, relation: string) =>
  personEntry({ name, id_number, relation });
const household = householdEntry;

interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

let c: TestClient;
let villages: Region[];
let tree: Region[];

beforeEach(async () => {
  c = await openCountyLedger('王文书');
  tree = (await c.ok('regions.tree', {})) as Region[];
  villages = tree.filter((n) => n.level === 'village');
});
afterEach(async () => {
  await c.close();
});

const village = (i: number) => villages[i] as Region;
const PLACED = allLedgers().filter((d) => d.reportIndex);

/** Each record of the two ledgers: its kept household and village beside what persons and households say. */
function places(sqlite = c.core.ledger.sqlite) {
  return PLACED.flatMap(
    (d) =>
      sqlite
        .prepare(
          `SELECT '${d.id}' AS ledger, r.id, r.report_household_id AS keptHousehold, r.report_village_code AS keptVillage,
                  p.household_id AS household, h.village_code AS village
           FROM ledger_${d.id} r JOIN persons p ON p.id = r.person_id JOIN households h ON h.id = p.household_id
           ORDER BY r.id`,
        )
        .all() as Array<{
        ledger: string;
        id: number;
        keptHousehold: number | null;
        keptVillage: string | null;
        household: number;
        village: string;
      }>,
  );
}

const SUMMARIZED = PLACED.filter((d) => reportHouseholdKeys(d).length > 0);

interface HouseholdRow {
  ledger: string;
  year: number;
  household: number;
  village: string | null;
  keys: string[];
}
const byHousehold = (a: HouseholdRow, b: HouseholdRow) =>
  a.ledger.localeCompare(b.ledger) || a.year - b.year || a.household - b.household;

/** What the summary should hold, from the records joined to their persons and households (in JS). */
function householdsByJoins(sqlite = c.core.ledger.sqlite): HouseholdRow[] {
  const out = new Map<string, HouseholdRow>();
  for (const d of SUMMARIZED) {
    const keys = reportHouseholdKeys(d);
    const rows = sqlite
      .prepare(
        `SELECT r.year, p.household_id AS household, h.village_code AS village, ${keys.map((k) => `r.${k}`).join(', ')}
         FROM ledger_${d.id} r JOIN persons p ON p.id = r.person_id JOIN households h ON h.id = p.household_id`,
      )
      .all() as Array<Record<string, string | number | null>>;
    for (const r of rows) {
      const id = `${d.id}|${String(r.year)}|${String(r.household)}`;
      const row = out.get(id) ?? {
        ledger: d.id,
        year: Number(r.year),
        household: Number(r.household),
        village: r.village as string,
        keys: [],
      };
      const tuple = JSON.stringify(keys.map((k) => r[k] ?? null));
      if (!row.keys.includes(tuple)) row.keys.push(tuple);
      out.set(id, row);
    }
  }
  return [...out.values()].map((r) => ({ ...r, keys: r.keys.sort() })).sort(byHousehold);
}

/** What the summary holds. */
function householdsKept(sqlite = c.core.ledger.sqlite): HouseholdRow[] {
  return SUMMARIZED.flatMap((d) =>
    (
      sqlite
        .prepare(`SELECT year, household_id, village_code, report_keys FROM ${reportHouseholdsTable(d)}`)
        .all() as Array<{
        year: number;
        household_id: number;
        village_code: string | null;
        report_keys: string;
      }>
    ).map((r) => ({
      ledger: d.id,
      year: r.year,
      household: r.household_id,
      village: r.village_code,
      keys: (JSON.parse(r.report_keys) as unknown[]).map((t) => JSON.stringify(t)).sort(),
    })),
  ).sort(byHousehold);
}

/** The summary holds exactly one row per household and 年度 with records, as the joins make it. */
function expectHouseholdsCurrent(sqlite = c.core.ledger.sqlite) {
  const expected = householdsByJoins(sqlite);
  expect(householdsKept(sqlite)).toEqual(expected);
  return expected;
}

/** 外出务工's 10 户数 columns of the county report, per village row, and distinct households by the joins. */
function migrantHouseholdsByVillage(year = 2020) {
  const report = runReport(c.core.ledger, 'migrant_work', { year });
  const columns: Record<string, string> = {
    planned_total: 'r.planned = 1',
    out_total: `r.status IN ('01', '02')`,
  };
  ['in_county', 'in_city', 'in_province', 'out_province'].forEach((key, i) => {
    const code = `'0${i + 1}'`;
    columns[`planned_${key}`] = `r.planned = 1 AND r.planned_destination = ${code}`;
    columns[`out_${key}`] = `r.status IN ('01', '02') AND r.destination = ${code}`;
  });
  const shown: Record<string, Record<string, number>> = {};
  const joined: Record<string, Record<string, number>> = {};
  for (const [key, cond] of Object.entries(columns)) {
    for (const r of report.rows)
      if (r.kind === 'unit' && (r.values[`${key}_households`] ?? 0) > 0)
        (shown[r.regionCode] ??= {})[key] = r.values[`${key}_households`] as number;
    const counted = c.core.ledger.sqlite
      .prepare(
        `SELECT h.village_code AS v, COUNT(DISTINCT p.household_id) AS n FROM ledger_migrant_work r
         JOIN persons p ON p.id = r.person_id JOIN households h ON h.id = p.household_id
         WHERE r.year = ? AND ${cond} GROUP BY h.village_code`,
      )
      .all(year) as Array<{ v: string; n: number }>;
    for (const r of counted) (joined[r.v] ??= {})[key] = r.n;
  }
  expect(shown).toEqual(joined);
  return shown;
}

/** Every record keeps its person's household and village of now (and the 户数 summary is current); returns them. */
function expectPlacesCurrent(sqlite = c.core.ledger.sqlite) {
  expectHouseholdsCurrent(sqlite);
  const rows = places(sqlite);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows)
    expect({ ledger: r.ledger, id: r.id, household: r.keptHousehold, village: r.keptVillage }).toEqual({
      ledger: r.ledger,
      id: r.id,
      household: r.household,
      village: r.village,
    });
  return rows;
}

/** 基本医疗's 登记人数 per village row of the county report, and per village by the joins. */
function medicalByVillage() {
  const report = runReport(c.core.ledger, 'medical_insurance', { year: 2020 });
  const shown = Object.fromEntries(
    report.rows
      .filter((r) => r.kind === 'unit' && (r.values.persons ?? 0) > 0)
      .map((r) => [r.regionCode, r.values.persons]),
  );
  const joined = Object.fromEntries(
    (
      c.core.ledger.sqlite
        .prepare(
          `SELECT h.village_code AS v, COUNT(*) AS n FROM ledger_medical_insurance r JOIN persons p ON p.id = r.person_id
           JOIN households h ON h.id = p.household_id WHERE r.year = 2020 GROUP BY h.village_code`,
        )
        .all() as Array<{ v: string; n: number }>
    ).map((r) => [r.v, r.n]),
  );
  expect(shown).toEqual(joined);
  return shown;
}

async function family(at: Region) {
  const created = await c.ok('households.create', {
    regionCode: at.code,
    household,
    head: person('张建国', ID.head, '01'),
  });
  const wife = await c.ok('persons.create', {
    householdId: created.id,
    person: person('李秀英', ID.wife, '02'),
  });
  const son = await c.ok('persons.create', {
    householdId: created.id,
    person: person('张小明', ID.son, '03'),
  });
  return { ...created, wifeId: wife.id, sonId: son.id };
}

const medical = (personId: number) =>
  c.ok('ledgers.create', {
    ledgerId: 'medical_insurance',
    link: { personId },
    values: { year: 2020, insured: 1, subsidy_category: '03', subsidy_amount: 220 },
  });
const migrant = (personId: number, values: Record<string, string | number | null> = {}) =>
  c.ok('ledgers.create', {
    ledgerId: 'migrant_work',
    link: { personId },
    values: {
      year: 2020,
      planned: 1,
      planned_destination: '04',
      status: '01',
      work_place: '广东省深圳市宝安区',
      ...values,
    },
  });

function workbook(name: string, aoa: (string | number)[][]): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '表1');
  const file = path.join(tempDir('report-place-'), name);
  XLSX.writeFile(book, file);
  return file;
}

describe('the place a record keeps for the reports', () => {
  it('follows a record created, a member moved or split off and a household moved to another village', async () => {
    const f = await family(village(0));
    await medical(f.headId);
    await medical(f.sonId);
    await migrant(f.sonId);
    await migrant(f.wifeId);
    expect(expectPlacesCurrent().map((r) => r.keptVillage)).toEqual(Array(4).fill(village(0).code));
    expect(medicalByVillage()).toEqual({ [village(0).code]: 2 });
    expect(migrantHouseholdsByVillage()[village(0).code]).toMatchObject({
      planned_total: 1,
      out_out_province: 1,
    });

    // A member moved to another household in another 乡镇: the son's two records go with him.
    const other = await c.ok('households.create', {
      regionCode: village(villages.length - 1).code,
      household,
      head: person('刘大海', ID.other, '01'),
    });
    await c.ok('persons.move', { id: f.sonId, toHouseholdId: other.id, relation: '99' });
    const moved = expectPlacesCurrent().filter((r) => r.household === other.id);
    expect(moved).toHaveLength(2);
    expect(medicalByVillage()).toEqual({ [village(0).code]: 1, [village(villages.length - 1).code]: 1 });
    expect(Object.keys(migrantHouseholdsByVillage()).sort()).toEqual(
      [village(0).code, village(villages.length - 1).code].sort(),
    );

    // 分户: the wife heads a new household in village 2.
    const split = await c.ok('persons.split', { id: f.wifeId, regionCode: village(2).code });
    expect(
      expectPlacesCurrent().find((r) => r.ledger === 'migrant_work' && r.household === split.householdId),
    ).toMatchObject({ keptVillage: village(2).code });

    // The household itself moved to village 3 (户的所在村组), then cancelled and restored.
    await c.ok('households.update', { id: f.id, regionCode: village(3).code, patch: {} });
    expectPlacesCurrent();
    expect(medicalByVillage()).toEqual({ [village(3).code]: 1, [village(villages.length - 1).code]: 1 });
    migrantHouseholdsByVillage();
    await c.ok('households.cancel', { id: f.id, reason: '05', note: '重复建档', date: '2020-06-01' });
    await c.ok('households.restore', { id: f.id });
    expectPlacesCurrent();

    // A record given another person (no screen does it; the trigger covers any path that might).
    const sonsMedical = places().find((r) => r.ledger === 'medical_insurance' && r.household === other.id);
    c.core.ledger.sqlite
      .prepare('UPDATE ledger_medical_insurance SET person_id = ? WHERE id = ?')
      .run(split.person.id, sonsMedical?.id ?? 0);
    expect(
      expectPlacesCurrent().find((r) => r.id === sonsMedical?.id && r.ledger === 'medical_insurance'),
    ).toMatchObject({ keptHousehold: split.householdId, keptVillage: village(2).code });
    await c.ok('ledgers.delete', { ledgerId: 'medical_insurance', id: sonsMedical?.id ?? 0 });
    expect(medicalByVillage()).toEqual({ [village(3).code]: 1 });
    migrantHouseholdsByVillage();
  });

  it('keeps 外出务工’s 户数 summary through a record’s edits, 年度, person and delete', async () => {
    const f = await family(village(0));
    const head = await migrant(f.headId, { planned_destination: '01', work_place: null, status: '04' });
    const son = await migrant(f.sonId);
    const wife = await migrant(f.wifeId, { planned_destination: '01', status: '05', work_place: null });
    // The household: 县内 twice (head, wife) and 省外 once, in one row with three tuples.
    expect(expectHouseholdsCurrent()).toEqual([
      expect.objectContaining({
        household: f.id,
        year: 2020,
        village: village(0).code,
        keys: expect.any(Array),
      }),
    ]);
    expect(expectHouseholdsCurrent()[0]?.keys).toHaveLength(3);
    expect(migrantHouseholdsByVillage()[village(0).code]).toEqual({
      planned_total: 1,
      planned_in_county: 1,
      planned_out_province: 1,
      out_total: 1,
      out_out_province: 1,
    });

    // An edit: the son now works in the county. The household leaves 省外 in both groups.
    await c.ok('ledgers.update', {
      ledgerId: 'migrant_work',
      id: son.id,
      values: { planned_destination: '01', work_place: '湖北省襄阳市保康县城关镇' },
    });
    expectHouseholdsCurrent();
    expect(migrantHouseholdsByVillage()[village(0).code]).toEqual({
      planned_total: 1,
      planned_in_county: 1,
      out_total: 1,
      out_in_county: 1,
    });
    // An edit of a column the summary does not keep changes nothing there.
    const before = householdsKept();
    await c.ok('ledgers.update', { ledgerId: 'migrant_work', id: wife.id, values: { willing: 1 } });
    expect(householdsKept()).toEqual(before);

    // Another 年度: the head's record moves to a 2021 row of the household; 2020 keeps the others.
    await c.ok('ledgers.update', { ledgerId: 'migrant_work', id: head.id, values: { year: 2021 } });
    expect(expectHouseholdsCurrent().map((r) => r.year)).toEqual([2020, 2021]);
    expect(migrantHouseholdsByVillage(2021)[village(0).code]).toEqual({
      planned_total: 1,
      planned_in_county: 1,
    });

    // The record given a person of another household (no screen does it; the triggers cover any path).
    const other = await c.ok('households.create', {
      regionCode: village(1).code,
      household,
      head: person('刘大海', ID.other, '01'),
    });
    c.core.ledger.sqlite
      .prepare('UPDATE ledger_migrant_work SET person_id = ? WHERE id = ?')
      .run(other.headId, son.id);
    expect(expectHouseholdsCurrent().map((r) => [r.household, r.year])).toEqual([
      [f.id, 2020],
      [other.id, 2020],
      [f.id, 2021],
    ]);
    migrantHouseholdsByVillage();

    // Deleted: the last record of a household and 年度 takes its row along.
    await c.ok('ledgers.delete', { ledgerId: 'migrant_work', id: head.id });
    await c.ok('ledgers.delete', { ledgerId: 'migrant_work', id: son.id });
    expect(expectHouseholdsCurrent().map((r) => [r.household, r.year])).toEqual([[f.id, 2020]]);
    expect(migrantHouseholdsByVillage()).toEqual({
      [village(0).code]: { planned_total: 1, planned_in_county: 1 },
    });
  });

  it('is found out of date by these checks when its triggers are gone', async () => {
    const f = await family(village(0));
    const son = await migrant(f.sonId);
    expectHouseholdsCurrent();
    for (const d of SUMMARIZED)
      for (const t of reportHouseholdsTriggers(d))
        c.core.ledger.sqlite.exec(`DROP TRIGGER ${/^CREATE TRIGGER (\S+)/.exec(t)?.[1] ?? ''}`);
    await c.ok('ledgers.update', {
      ledgerId: 'migrant_work',
      id: son.id,
      values: { planned_destination: '01' },
    });
    expect(() => expectHouseholdsCurrent()).toThrow();
    expect(() => migrantHouseholdsByVillage()).toThrow();
  });

  it('follows a ledger import and a register import that moves a household, and their undo', async () => {
    const f = await family(village(0));
    await medical(f.headId);
    const file = workbook('基本医疗.xlsx', [
      ['姓名', '身份证号', '年度', '是否参加城乡居民基本医疗保险', '缴费资助类别'],
      ['李秀英', ID.wife, 2020, '是', '建档立卡贫困人口'],
      ['张小明', ID.son, 2020, '是', '低保对象'],
    ]);
    const a = await analyzeFile(c.core.ledger, file, { into: 'medical_insurance' });
    expect(a.ledgerPlan?.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const imported = commitAnalysis(c.core.ledger, a, false, { operator: '王文书' });
    expect(expectPlacesCurrent()).toHaveLength(3);
    expect(medicalByVillage()).toEqual({ [village(0).code]: 3 });
    // 外出务工 imported too: the household's 户数 row comes with it.
    const migrants = workbook('外出务工.xlsx', [
      ['姓名', '身份证号', '年度', '是否计划外出务工', '计划去向类别', '务工状态', '务工所在地'],
      ['李秀英', ID.wife, 2020, '是', '县内', '计划外出', ''],
      ['张小明', ID.son, 2020, '是', '省外', '已外出', '广东省深圳市宝安区'],
    ]);
    const m = await analyzeFile(c.core.ledger, migrants, { into: 'migrant_work' });
    expect(m.ledgerPlan?.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const importedMigrants = commitAnalysis(c.core.ledger, m, false, { operator: '王文书' });
    expect(expectHouseholdsCurrent().map((h) => [h.household, h.village, h.keys.length])).toEqual([
      [f.id, village(0).code, 2],
    ]);
    expect(migrantHouseholdsByVillage()).toEqual({
      [village(0).code]: {
        planned_total: 1,
        planned_in_county: 1,
        planned_out_province: 1,
        out_total: 1,
        out_out_province: 1,
      },
    });

    // The 花名册 of another month puts the household in village 1 (same 户编号, same people).
    const to = village(1);
    const township = tree.find((t) => t.code === to.parentCode) as Region;
    const roster = workbook('花名册.xlsx', [
      ['乡镇', '村', '户编号', '姓名', '性别', '身份证号', '与户主关系'],
      [township.name, to.name, f.householdNo, '张建国', '男', ID.head, '户主'],
      [township.name, to.name, f.householdNo, '李秀英', '女', ID.wife, '配偶'],
      [township.name, to.name, f.householdNo, '张小明', '男', ID.son, '之子'],
    ]);
    const r = await analyzeFile(c.core.ledger, roster);
    const moved = commitAnalysis(c.core.ledger, r, false, { operator: '王文书' });
    expect(
      c.core.ledger.sqlite.prepare('SELECT village_code FROM households WHERE id = ?').pluck().get(f.id),
    ).toBe(to.code);
    expect(expectPlacesCurrent().every((p) => p.keptVillage === to.code)).toBe(true);
    expect(medicalByVillage()).toEqual({ [to.code]: 3 });
    expect(expectHouseholdsCurrent().map((h) => h.village)).toEqual([to.code]);
    expect(Object.keys(migrantHouseholdsByVillage())).toEqual([to.code]);

    await c.ok('import.undo', { batchId: Number(moved.batchId) });
    expect(expectPlacesCurrent().every((p) => p.keptVillage === village(0).code)).toBe(true);
    expect(Object.keys(migrantHouseholdsByVillage())).toEqual([village(0).code]);
    await c.ok('import.undo', { batchId: Number(importedMigrants.batchId) });
    expect(expectHouseholdsCurrent()).toEqual([]);
    expect(migrantHouseholdsByVillage()).toEqual({});
    await c.ok('import.undo', { batchId: Number(imported.batchId) });
    expect(expectPlacesCurrent()).toHaveLength(1);
    expect(medicalByVillage()).toEqual({ [village(0).code]: 1 });
  });
});

describe('migration 2026_12_06_0013_report_places', () => {
  it('fills the records a file already holds and creates the triggers the definitions call for', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: '2026_12_06_0011_audit_chain' });
    const now = '2026-12-06T00:00:00.000Z';
    const code = '420626100201';
    const region = old.sqlite.prepare(
      `INSERT INTO regions (code, parent_code, level, name, origin, created_at, updated_at) VALUES (?, ?, ?, ?, 'official', ?, ?)`,
    );
    region.run('420626000000', null, 'county', '保康县', now, now);
    region.run('420626100000', '420626000000', 'township', '城关镇', now, now);
    region.run(code, '420626100000', 'village', '光千社区', now, now);
    const h = Number(
      old.sqlite
        .prepare(
          `INSERT INTO households (household_no, township_code, village_code, year, origin, created_at, updated_at) VALUES ('H1', ?, ?, 2020, 'manual', ?, ?)`,
        )
        .run(`${code.slice(0, 9)}000`, code, now, now).lastInsertRowid,
    );
    const p = Number(
      old.sqlite
        .prepare(
          `INSERT INTO persons (household_id, name, id_number, sex, relation, year, origin, created_at, updated_at) VALUES (?, '张三', ?, '1', '01', 2020, 'manual', ?, ?)`,
        )
        .run(h, ID.head, now, now).lastInsertRowid,
    );
    old.sqlite
      .prepare(
        `INSERT INTO ledger_medical_insurance (person_id, year, insured, origin, created_at, updated_at) VALUES (?, 2020, 1, 'manual', ?, ?)`,
      )
      .run(p, now, now);
    old.sqlite
      .prepare(
        `INSERT INTO ledger_migrant_work (person_id, year, planned, origin, created_at, updated_at) VALUES (?, 2020, 1, 'manual', ?, ?)`,
      )
      .run(p, now, now);
    await old.close();

    const ledger = await openLedger(file);
    try {
      expect(expectPlacesCurrent(ledger.sqlite).map((r) => [r.keptHousehold, r.keptVillage])).toEqual([
        [h, code],
        [h, code],
      ]);
      const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
      const triggers = ledger.sqlite
        .prepare(
          `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ledger\\_%\\_place\\_%' ESCAPE '\\' ORDER BY name`,
        )
        .pluck()
        .all() as string[];
      expect(triggers.map(squeeze).sort()).toEqual(
        PLACED.flatMap((d) => reportPlaceTriggers(d))
          .map(squeeze)
          .sort(),
      );
    } finally {
      await ledger.close();
    }
  });
});

describe('migration 2026_12_06_0014_report_households', () => {
  it('runs what `ledger-sql migrant_work --db` prints for a file of 0013', async () => {
    const old = await openLedger(tempLedgerPath(), { migrateTo: '2026_12_06_0013_report_places' });
    try {
      // Less the list order indexes migration 0016 added since.
      expect(
        ledgerUpgradeSql(old.sqlite, ledgerDef('migrant_work') as LedgerDef).filter(
          (s) => !SORT_STATEMENTS.includes(s),
        ),
      ).toEqual(STATEMENTS);
    } finally {
      await old.close();
    }
  });

  it('fills the 户数 summary from the records a file holds and creates what the definitions call for', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: '2026_12_06_0013_report_places' });
    const now = '2026-12-06T00:00:00.000Z';
    const region = old.sqlite.prepare(
      `INSERT INTO regions (code, parent_code, level, name, origin, created_at, updated_at) VALUES (?, ?, ?, ?, 'official', ?, ?)`,
    );
    region.run('420626000000', null, 'county', '保康县', now, now);
    region.run('420626100000', '420626000000', 'township', '城关镇', now, now);
    region.run('420626100201', '420626100000', 'village', '光千社区', now, now);
    region.run('420626100202', '420626100000', 'village', '五星村', now, now);
    const addHousehold = (no: string, village: string) =>
      Number(
        old.sqlite
          .prepare(
            `INSERT INTO households (household_no, township_code, village_code, year, origin, created_at, updated_at) VALUES (?, '420626100000', ?, 2020, 'manual', ?, ?)`,
          )
          .run(no, village, now, now).lastInsertRowid,
      );
    const addPerson = (household: number, id: string) =>
      Number(
        old.sqlite
          .prepare(
            `INSERT INTO persons (household_id, name, id_number, sex, relation, year, origin, created_at, updated_at) VALUES (?, '张三', ?, '1', '01', 2020, 'manual', ?, ?)`,
          )
          .run(household, id, now, now).lastInsertRowid,
      );
    const h1 = addHousehold('H1', '420626100201');
    const h2 = addHousehold('H2', '420626100202');
    const [a, b, d] = [addPerson(h1, ID.head), addPerson(h1, ID.wife), addPerson(h2, ID.other)];
    const record = old.sqlite.prepare(
      `INSERT INTO ledger_migrant_work (person_id, year, planned, planned_destination, status, destination, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?)`,
    );
    record.run(a, 2020, 1, '01', '01', '01', now, now);
    record.run(b, 2020, 1, '04', '01', '04', now, now);
    record.run(b, 2019, 1, '04', null, null, now, now);
    record.run(d, 2020, 0, null, '05', null, now, now);
    await old.close();

    const ledger = await openLedger(file);
    try {
      const kept = expectHouseholdsCurrent(ledger.sqlite);
      expect(kept.map((r) => [r.household, r.year, r.village, r.keys.length])).toEqual([
        [h1, 2019, '420626100201', 1],
        [h1, 2020, '420626100201', 2],
        [h2, 2020, '420626100202', 1],
      ]);
      const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
      const master = (type: string, like: string) =>
        (
          ledger.sqlite
            .prepare(`SELECT sql FROM sqlite_master WHERE type = ? AND name LIKE ? ESCAPE '\\' ORDER BY name`)
            .pluck()
            .all(type, like) as string[]
        )
          .map(squeeze)
          .sort();
      const generated = (statements: string[], prefix: string) =>
        statements
          .filter((x) => x.startsWith(prefix))
          .map(squeeze)
          .sort();
      expect(master('trigger', 'ledger\\_%\\_households\\_%')).toEqual(
        generated(
          SUMMARIZED.flatMap((x) => reportHouseholdsTriggers(x)),
          'CREATE TRIGGER',
        ),
      );
      const summary = SUMMARIZED.flatMap((x) => reportHouseholdsSql(x));
      expect(master('table', '%\\_report\\_households')).toEqual(generated(summary, 'CREATE TABLE'));
      expect(master('index', '%\\_report\\_households\\_%')).toEqual(generated(summary, 'CREATE INDEX'));
      // The ledger's _report_household index now leads with the household (the triggers' lookup).
      for (const x of SUMMARIZED) {
        const [name, columns] =
          Object.entries(reportIndexes(x)).find(([n]) => n.endsWith('_report_household')) ?? [];
        expect(
          ledger.sqlite.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(name),
        ).toEqual(columns);
      }
    } finally {
      await ledger.close();
    }
  });
});
