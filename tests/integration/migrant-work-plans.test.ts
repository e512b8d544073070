// 外出务工 holds plans as well as departures, one record per person and 年度. A village sheet of planned
// workers (姓名, 证件号码, 是否计划外出务工, 计划去向 or 务工地点类型 — no 务工状态) imports through the real
// importer, in the core and through the CLI; 年度 comes from a column, else from the title, else from the
// clock (said in a warning); two years of one person are two records; re-importing changes nothing; the
// 汇总 counts the planned by their 计划去向类别 and never as departed.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { currentYear } from '../../main/core/clock.ts';
import { writeWorkbook, type Cell } from '../fixtures/workbooks.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

const dir = tempDir('migrant-plans-');
let client: TestClient;
let people: Array<{ id: number; name: string; id_number: string }> = [];

const sheet = (title: string, header: Cell[], rows: Cell[][], name = 'Sheet1') =>
  writeWorkbook(path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`), [
    { name, rows: [[title], header, ...rows] },
  ]);

async function importFile(file: string) {
  const ledger = client.core.ledger;
  const a = await analyzeFile(ledger, file, { into: 'migrant_work' });
  const errors = a.plan.issues.filter((i) => i.level === 'error');
  return { a, errors, commit: () => commitAnalysis(ledger, a, false, { operator: '测试员' }) };
}

type Row = { person_id: number; year: number | null; status: string | null; planned: number | null; planned_destination: string | null; destination: string | null }; // prettier-ignore
const rows = (): Row[] =>
  client.core.ledger.sqlite
    .prepare(
      `SELECT person_id, year, status, planned, planned_destination, destination FROM ledger_migrant_work ORDER BY person_id, year`,
    )
    .all() as Row[];

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.loadDemo', { households: 20, seed: 5 });
  await client.ok('settings.setOperator', { name: '测试员' });
  people = client.core.ledger.sqlite
    .prepare(`SELECT id, name, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 4`)
    .all() as typeof people;
});

afterAll(async () => {
  await client.close();
});

describe('a planned-workers sheet into 外出务工', () => {
  it('imports with a 年度 column: two years of one person are two records', async () => {
    const [a, b] = people;
    if (!a || !b) throw new Error('no persons');
    const file = sheet(
      '计划外出务工人员名单',
      ['序号', '姓名', '证件号码', '年度', '是否计划外出务工', '计划去向'],
      [
        ['1', a.name, a.id_number, '2019', '是', '省外'],
        ['2', a.name, a.id_number, '2020', '是', '县内'],
        ['3', b.name, b.id_number, '2020', '否', ''],
      ],
    );
    const first = await importFile(file);
    expect(first.errors).toEqual([]);
    expect(first.a.mapping.find((m) => m.header === '计划去向')?.target).toBe('record.planned_destination');
    expect(first.a.mapping.find((m) => m.header === '是否计划外出务工')?.target).toBe('record.planned');
    expect(first.commit().records).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(rows()).toEqual([
      { person_id: a.id, year: 2019, status: '04', planned: 1, planned_destination: '04', destination: null },
      { person_id: a.id, year: 2020, status: '04', planned: 1, planned_destination: '01', destination: null },
      { person_id: b.id, year: 2020, status: '03', planned: 0, planned_destination: null, destination: null },
    ]);
    // The same file again changes nothing.
    const again = await importFile(file);
    expect(again.a.ledgerPlan?.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses one person twice in one year of one file, naming the earlier row', async () => {
    const [a] = people;
    if (!a) throw new Error('no persons');
    const file = sheet(
      '计划外出务工人员名单',
      ['姓名', '证件号码', '年度', '是否计划外出务工'],
      [
        [a.name, a.id_number, '2021', '是'],
        [a.name, a.id_number, '2021', '否'],
      ],
    );
    const { errors } = await importFile(file);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 4,
        message: expect.stringContaining('与第 3 行是同一条“外出务工”记录（同一对象、年度相同）'),
      }),
    ]);
  });

  it('takes the 年度 from the title when the sheet has no 年度 column, and updates that year only', async () => {
    const [a] = people;
    if (!a) throw new Error('no persons');
    const file = sheet(
      '黄田村2019年计划外出务工人员名单',
      ['姓名', '证件号码', '是否计划外出务工', '务工地点类型'],
      [[a.name, a.id_number, '是', '市外省内']],
    );
    const r = await importFile(file);
    expect(r.errors).toEqual([]);
    expect(r.a.mapping.find((m) => m.header === '务工地点类型')?.target).toBe('record.planned_destination');
    expect(r.a.plan.issues).toContainEqual(
      expect.objectContaining({
        row: 0,
        level: 'warning',
        message: expect.stringContaining('全部记为 2019 年（标题'),
      }),
    );
    expect(r.commit().records).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const mine = rows().filter((x) => x.person_id === a.id);
    expect(mine.map((x) => [x.year, x.planned_destination])).toEqual([
      [2019, '03'],
      [2020, '01'],
    ]);
  });

  it('takes the current year (clock) when neither a column nor the title says, said in a warning; a re-import does not duplicate', async () => {
    const [, , c] = people;
    if (!c) throw new Error('no persons');
    const year = currentYear();
    const file = sheet(
      '计划外出务工人员名单',
      ['姓名', '证件号码', '是否计划外出务工', '计划去向'],
      [[c.name, c.id_number, '是', '县外市内']],
    );
    const r = await importFile(file);
    expect(r.errors).toEqual([]);
    expect(r.a.plan.issues).toContainEqual(
      expect.objectContaining({
        row: 0,
        level: 'warning',
        message: expect.stringContaining(`全部记为 ${year} 年（当前年份）`),
      }),
    );
    expect(r.commit().records).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const again = await importFile(file);
    expect(again.a.ledgerPlan?.counts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(rows().filter((x) => x.person_id === c.id)).toEqual([
      { person_id: c.id, year, status: '04', planned: 1, planned_destination: '02', destination: null },
    ]);
  });

  it('still needs 务工状态 or the plan on every row', async () => {
    const [, , , d] = people;
    if (!d) throw new Error('no persons');
    // Neither column: one message for the file.
    const file = sheet(
      '外出务工台账',
      ['姓名', '证件号码', '年度', '务工地点'],
      [[d.name, d.id_number, '2020', '杭州']],
    );
    const { errors } = await importFile(file);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 0,
        field: '务工状态',
        message: expect.stringMatching(/^文件中没有“务工状态”列（1 行需要）/),
      }),
    ]);
    // The plan's column is there but this row leaves both empty: the row's own message.
    const blank = sheet(
      '外出务工台账',
      ['姓名', '证件号码', '年度', '务工地点', '是否计划外出务工'],
      [[d.name, d.id_number, '2020', '杭州', '']],
    );
    expect((await importFile(blank)).errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: '务工状态',
        message: '务工状态不能为空（或填写“是否计划外出务工”）',
      }),
    ]);
  });

  it('counts the planned by 计划去向类别 in the 汇总, and only departures by 去向类别', async () => {
    const [, , , d] = people;
    if (!d) throw new Error('no persons');
    // 去向 given on a 未外出 row is kept but not counted as departed.
    const file = sheet(
      '外出务工台账',
      ['姓名', '证件号码', '年度', '务工状态', '务工所在地', '去向类别'],
      [[d.name, d.id_number, '2020', '未外出', '', '县内']],
    );
    expect((await importFile(file)).commit().records.created).toBe(1);
    // One 年度 at a time: 2019's plans and 2020's are never added up; the latest 年度 by default.
    const summary = (year: number | null) =>
      client.ok('ledgers.summary', { ledgerId: 'migrant_work', regionCode: null, year });
    const y2020 = await summary(2020);
    expect(y2020.year).toBe(2020);
    expect(y2020.years).toEqual([...new Set([currentYear(), 2020, 2019])].sort((x, y) => y - x));
    expect(y2020.total.values).toMatchObject({
      records: 3, // a (planned, 县内), b (not planned), d (未外出 with a 去向)
      planned: 1,
      planned_in_county: 1,
      planned_in_city: 0,
      planned_in_province: 0,
      planned_out_province: 0,
      out: 0,
      in_county: 0,
      in_city: 0,
      in_province: 0,
      out_province: 0,
    });
    expect((await summary(2019)).total.values).toMatchObject({
      records: 1,
      planned: 1,
      planned_in_province: 1,
      out: 0,
    });
    const latest = await summary(null);
    expect(latest.year).toBe(currentYear());
    expect(latest.total.values).toMatchObject({ records: 1, planned: 1, planned_in_city: 1 });
  });
});

describe('CLI import --into migrant_work of a planned-workers sheet', () => {
  it('imports it and says which 年度 it used', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['demo', '--households', '10', '--register-only', '--db', db]).code).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    const p = sqlite
      .prepare(`SELECT id, name, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 1`)
      .get() as { id: number; name: string; id_number: string };
    sqlite.close();
    const file = sheet(
      '2020年计划外出务工人员名单',
      ['姓名', '证件号码', '是否计划外出务工', '计划去向'],
      [[p.name, p.id_number, '是', '省外']],
      '计划外出',
    );
    const r = runLedgerCli(['import', file, '--into', 'migrant_work', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      into: 'migrant_work',
      records: { created: 1, updated: 0, unchanged: 0 },
      errors: [],
      notes: [expect.stringContaining('全部记为 2020 年')],
    });
    const text = runLedgerCli(['import', file, '--into', 'migrant_work', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('未变 1');
    expect(text.stdout).toContain('全部记为 2020 年');
    const after = new Database(db, { readonly: true });
    expect(
      after.prepare(`SELECT year, status, planned, planned_destination FROM ledger_migrant_work`).all(),
    ).toEqual([{ year: 2020, status: '04', planned: 1, planned_destination: '04' }]);
    after.close();
  });
});
