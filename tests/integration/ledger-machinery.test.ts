// The machinery proven on a ledger defined here alone: registered at run time, its table made from the
// statements the definition calls for, then every operation a clerk has — create (with validation,
// derived values and the audit log), filter, search, update, delete, household tabs, summary, export
// (re-read), import (with key matching) and undo.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCodeTable } from '../../shared/code-tables/define.ts';
import { defineLedger } from '../../shared/ledgers/define.ts';
import { addDays } from '../../shared/ledgers/ledger-helpers.ts';
import { registerLedger } from '../../shared/ledgers/index.ts';
import { ledgerTableSql } from '../../shared/ledgers/table-sql.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

const tryout = defineLedger({
  id: 'tryout_visits',
  name: '试用走访',
  group: '测试',
  description: '只在本测试中定义的台账',
  subject: 'person',
  key: ['subject', 'visit_date'],
  codeTables: [
    defineCodeTable({
      key: 'tryout_way',
      name: '走访方式',
      items: [
        { code: '01', label: '入户', aliases: ['上门'] },
        { code: '02', label: '电话' },
      ],
    }),
  ],
  settings: [{ key: 'follow_days', label: '回访间隔', default: 30, unit: '天' }],
  fields: [
    { column: 'visit_date', label: '走访日期', type: 'date', required: true, aliases: ['日期'] },
    { column: 'way', label: '走访方式', type: 'code', codeTable: 'tryout_way', required: true },
    { column: 'amount', label: '慰问金（元）', type: 'decimal', min: 0, max: 10000, aliases: ['慰问金'] },
    { column: 'note', label: '情况', type: 'text', long: true },
    { column: 'contact', label: '联系电话', type: 'phone', sensitive: true },
    {
      column: 'topics',
      label: '谈及事项',
      type: 'codes',
      codeTable: 'tryout_way',
      aliases: ['事项1', '事项2'],
    },
    { column: 'next_date', label: '下次回访', type: 'date', derived: true },
  ],
  listColumns: ['visit_date', 'way', 'amount'],
  sortColumns: ['visit_date', 'way', 'amount'],
  filters: ['way'],
  measures: [
    { key: 'visits', label: '走访次数', kind: 'count' },
    { key: 'home', label: '入户', kind: 'count', where: { column: 'way', in: ['01'] } },
    { key: 'amount', label: '慰问金', kind: 'sum', column: 'amount' },
    { key: 'phone_topic', label: '谈及电话', kind: 'count', where: { column: 'topics', in: ['02'] } },
  ],
  derive: (v, ctx) => ({ next_date: addDays(v.visit_date, ctx.setting('follow_days')) }),
  check: (v) =>
    v.way === '02' && typeof v.amount === 'number' && v.amount > 0
      ? [{ field: 'amount', level: 'error', message: '电话走访不能发慰问金' }]
      : [],
});

let client: TestClient;
let person: { id: number; name: string; id_number: string; household_id: number };

beforeAll(async () => {
  registerLedger(tryout);
  client = await openTestClient();
  for (const statement of ledgerTableSql(tryout)) client.core.ledger.sqlite.exec(statement);
  await client.ok('ledger.loadDemo', { households: 20, seed: 5 });
  await client.ok('settings.setOperator', { name: '王文书' });
  person = client.core.ledger.sqlite
    .prepare(
      `SELECT id, name, id_number, household_id FROM persons WHERE status = 'active' ORDER BY id LIMIT 1`,
    )
    .get() as typeof person;
});

afterAll(async () => {
  await client.close();
});

describe('a ledger defined in a test alone', () => {
  let recordId = 0;

  it('creates a record with derived values and the same rules as import', async () => {
    const bad = await client.fail('ledgers.create', {
      ledgerId: 'tryout_visits',
      link: { personId: person.id },
      values: { visit_date: '2020-03-01', way: '02', amount: 200 },
    });
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('电话走访不能发慰问金');
    const missing = await client.fail('ledgers.create', {
      ledgerId: 'tryout_visits',
      link: { personId: person.id },
      values: { way: '01' },
    });
    expect(missing.message).toContain('走访日期不能为空');
    const typed = await client.fail('ledgers.create', {
      ledgerId: 'tryout_visits',
      link: { personId: person.id },
      values: { visit_date: '2020-03-01', way: '01', next_date: '2020-01-01' },
    });
    expect(typed.message).toContain('自动计算');
    const r = await client.ok('ledgers.create', {
      ledgerId: 'tryout_visits',
      link: { personId: person.id },
      values: { visit_date: '2020-03-01', way: '01', amount: 300, contact: '13812345678' },
    });
    recordId = r.id;
    // Lists and answers mask the phone; the record opened for editing has it in full.
    expect(r.values.contact).toBe('138****5678');
    expect((await client.ok('ledgers.records', { ledgerId: 'tryout_visits' })).rows[0]?.values.contact).toBe(
      '138****5678',
    );
    expect((await client.ok('ledgers.record', { ledgerId: 'tryout_visits', id: r.id })).values.contact).toBe(
      '13812345678',
    );
    expect(r.values.next_date).toBe('2020-03-31');
    expect(r.subject.name).toBe(person.name);
    expect(r.subject.idNumber).not.toBe(person.id_number);
    expect(r.subject.idNumber).toMatch(/\*{8}/);
  });

  it('computes derived values for a form without writing', async () => {
    const d = await client.ok('ledgers.derive', {
      ledgerId: 'tryout_visits',
      values: { visit_date: '2020-03-01' },
    });
    expect(d.values).toEqual({ next_date: '2020-03-31' });
    expect((await client.ok('ledgers.records', { ledgerId: 'tryout_visits' })).total).toBe(1);
  });

  it('follows the county setting in derived values', async () => {
    await client.ok('ledgers.setSetting', { ledgerId: 'tryout_visits', key: 'follow_days', value: 7 });
    const r = await client.ok('ledgers.update', {
      ledgerId: 'tryout_visits',
      id: recordId,
      values: { amount: 500 },
    });
    expect(r.values.next_date).toBe('2020-03-08');
    expect(r.values.amount).toBe(500);
    const settings = await client.ok('ledgers.settings', { ledgerId: 'tryout_visits' });
    expect(settings).toEqual([{ key: 'follow_days', label: '回访间隔', value: 7, default: 30, unit: '天' }]);
    expect(
      (await client.fail('ledgers.setSetting', { ledgerId: 'tryout_visits', key: 'nope', value: 1 })).code,
    ).toBe('not-found');
  });

  it('lists with filters and search, and shows on the household page', async () => {
    await client.ok('ledgers.create', {
      ledgerId: 'tryout_visits',
      link: { personId: person.id },
      values: { visit_date: '2020-04-01', way: '02', topics: '01,02' },
    });
    const topic = await client.ok('ledgers.records', {
      ledgerId: 'tryout_visits',
      filters: { topics: ['02'] },
    });
    expect(topic.total).toBe(1);
    const all = await client.ok('ledgers.records', { ledgerId: 'tryout_visits' });
    expect(all.total).toBe(2);
    const home = await client.ok('ledgers.records', { ledgerId: 'tryout_visits', filters: { way: ['01'] } });
    expect(home.rows.map((r) => r.id)).toEqual([recordId]);
    const byName = await client.ok('ledgers.records', { ledgerId: 'tryout_visits', search: person.name });
    expect(byName.total).toBe(2);
    const byId = await client.ok('ledgers.records', {
      ledgerId: 'tryout_visits',
      search: person.id_number.slice(-6),
    });
    expect(byId.total).toBe(2);
    const nobody = await client.ok('ledgers.records', { ledgerId: 'tryout_visits', search: '不存在的人名' });
    expect(nobody.total).toBe(0);
    const tabs = await client.ok('ledgers.forHousehold', { householdId: person.household_id });
    expect(tabs.find((t) => t.ledgerId === 'tryout_visits')?.rows).toHaveLength(2);
    const bad = await client.fail('ledgers.records', { ledgerId: 'tryout_visits', filters: { nope: ['1'] } });
    expect(bad.code).toBe('validation');
  });

  it('sums per township and keeps the history', async () => {
    const s = await client.ok('ledgers.summary', { ledgerId: 'tryout_visits' });
    expect(s.total.values).toEqual({ visits: 2, home: 1, amount: 500, phone_topic: 1 });
    // Every 乡镇 is listed, zeros included; the two visits are in one of them.
    const townships = client.core.ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM regions WHERE level = 'township'`)
      .pluck()
      .get();
    expect(s.rows).toHaveLength(Number(townships));
    expect(s.rows.filter((r) => (r.values.visits ?? 0) > 0)).toHaveLength(1);
    const history = await client.ok('ledgers.history', { ledgerId: 'tryout_visits', id: recordId });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]?.lines.join()).toContain('慰问金（元） 由 300 改为 500');
    const householdHistory = await client.ok('audit.list', { householdId: person.household_id });
    expect(householdHistory.some((h) => h.entity === 'record')).toBe(true);
  });

  it('exports the current view as text cells, and formulas typed by users stay text', async () => {
    await client.ok('ledgers.update', {
      ledgerId: 'tryout_visits',
      id: recordId,
      values: { note: '=HYPERLINK("http://x","点我")' },
    });
    const out = await client.ok('ledgers.export', { ledgerId: 'tryout_visits', filters: { way: ['01'] } });
    expect(out.rows).toBe(1);
    const file = client.core.files.get(out.fileId).path;
    const book = XLSX.readFile(file, { cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    // Title, 导出时间, header, then the records (exports/roster-sheet.ts).
    expect(rows[2]).toContain('证件号码');
    expect(rows[3]).toContain(person.id_number);
    expect(rows[3]).toContain('入户');
    const formulaCells = Object.values(sheet).filter((c) => typeof c === 'object' && c !== null && 'f' in c);
    expect(formulaCells).toEqual([]);
    expect(JSON.stringify(rows[3])).toContain('=HYPERLINK');
  });

  it('imports by its key (update, not duplicate) and undoes the batch exactly', async () => {
    const dir = tempDir('tryout-');
    const file = path.join(dir, '走访.xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号', '日期', '走访方式', '慰问金', '事项1', '事项2'],
      [person.name, person.id_number, '2020.3.1', '上门', '800', '', ''],
      [person.name, person.id_number, '2020年5月1日', '电话', '', '入户', '电话'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '走访');
    XLSX.writeFile(book, file);
    const ledger = client.core.ledger;
    const a = await analyzeFile(ledger, file, { into: 'tryout_visits' });
    expect(a.ledgerPlan?.counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    // Two columns feed the one multi-valued field.
    expect(a.mapping.filter((m) => m.target === 'record.topics').map((m) => m.letter)).toEqual(['F', 'G']);
    expect(a.ledgerPlan?.records.find((r) => r.row === 3)?.values.topics).toBe('01,02');
    const done = commitAnalysis(ledger, a, false, { operator: '王文书' });
    expect(
      (await client.ok('ledgers.record', { ledgerId: 'tryout_visits', id: recordId })).values.amount,
    ).toBe(800);
    expect((await client.ok('ledgers.records', { ledgerId: 'tryout_visits' })).total).toBe(3);
    const created = (await client.ok('ledgers.records', { ledgerId: 'tryout_visits' })).rows.find(
      (row) => row.values.visit_date === '2020-05-01' && row.origin === 'import',
    );
    const createdHistory = await client.ok('ledgers.history', {
      ledgerId: 'tryout_visits',
      id: created?.id ?? 0,
    });
    expect(createdHistory.map((h) => h.lines.join())).toEqual([
      expect.stringContaining(`导入新增了这条记录（第 ${done.batchId} 批导入，文件 走访.xlsx）`),
    ]);
    const history = await client.ok('import.history', {});
    expect(history[0]).toMatchObject({
      into: 'tryout_visits',
      records: { created: 1, updated: 1, unchanged: 0 },
    });
    const undone = await client.ok('import.undo', { batchId: Number(done.batchId) });
    expect(undone.recordsRemoved).toBe(1);
    expect(
      (await client.ok('ledgers.record', { ledgerId: 'tryout_visits', id: recordId })).values.amount,
    ).toBe(500);
    expect((await client.ok('ledgers.records', { ledgerId: 'tryout_visits' })).total).toBe(2);
  });

  it('refuses an unknown person on import with the row and column', async () => {
    const dir = tempDir('tryout-');
    const file = path.join(dir, '走访2.xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号', '日期', '走访方式'],
      ['查无此人', '11010519491231002X', '2020-06-01', '入户'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '走访');
    XLSX.writeFile(book, file);
    const a = await analyzeFile(client.core.ledger, file, { into: 'tryout_visits' });
    expect(a.plan.issues).toContainEqual(
      expect.objectContaining({ sheet: '走访', row: 2, column: 'B', field: '证件号码', level: 'error' }),
    );
    expect(a.plan.issues[0]?.message).toContain('不在户籍台账中');
  });

  it('reads amounts as village sheets write them, and refuses a misplaced comma naming the cell', async () => {
    const dir = tempDir('tryout-');
    const file = path.join(dir, '走访3.xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号', '日期', '走访方式', '慰问金'],
      [person.name, person.id_number, '2020-07-01', '上门', '4,500元'],
      [person.name, person.id_number, '2020-08-01', '上门', '0.45万'],
      [person.name, person.id_number, '2020-09-01', '上门', '４５００'],
      [person.name, person.id_number, '2020-10-01', '上门', '4,50'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '走访');
    XLSX.writeFile(book, file);
    const a = await analyzeFile(client.core.ledger, file, { into: 'tryout_visits' });
    const amountOf = (row: number) => a.ledgerPlan?.records.find((r) => r.row === row)?.values.amount;
    expect([amountOf(2), amountOf(3), amountOf(4)]).toEqual([4500, 4500, 4500]);
    expect(a.plan.issues).toContainEqual(
      expect.objectContaining({
        sheet: '走访',
        row: 3,
        column: 'E',
        level: 'warning',
        message: '慰问金（元）“0.45万”已读作 4500 元',
      }),
    );
    expect(a.plan.issues).toContainEqual(
      expect.objectContaining({
        sheet: '走访',
        row: 5,
        column: 'E',
        level: 'error',
        message: '慰问金（元）“4,50”不是数字（如 4500、4,500、4500元 或 0.45万）',
      }),
    );
    expect(a.plan.issues.filter((i) => i.row === 2 || i.row === 4)).toEqual([]);
  });

  it('deletes a record into the history', async () => {
    await client.ok('ledgers.delete', { ledgerId: 'tryout_visits', id: recordId });
    expect((await client.fail('ledgers.record', { ledgerId: 'tryout_visits', id: recordId })).code).toBe(
      'not-found',
    );
    // The record is gone; its history stays, newest first, ending with the deletion and its values.
    const history = await client.ok('ledgers.history', { ledgerId: 'tryout_visits', id: recordId });
    expect(history[0]?.action).toBe('delete');
    expect(history.at(-1)?.action).toBe('create');
    expect((await client.fail('ledgers.history', { ledgerId: 'tryout_visits', id: 999_999 })).code).toBe(
      'not-found',
    );
    const entries = await client.ok('audit.list', { householdId: person.household_id });
    expect(entries.some((e) => e.action === 'delete' && e.lines.join().includes('删除了记录'))).toBe(true);
  });
});

describe('export of a large view', () => {
  it('writes every row in the view’s order across chunks', async () => {
    const db = client.core.ledger.sqlite;
    const ids = db.prepare(`SELECT id FROM persons ORDER BY id LIMIT 30`).pluck().all() as number[];
    const insert = db.prepare(
      `INSERT INTO ledger_tryout_visits (person_id, visit_date, way, amount, origin, created_at, updated_at)
       VALUES (?, ?, '01', ?, 'demo', 'now', 'now')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 4500; i += 1)
        insert.run(ids[i % ids.length], `2021-01-${String((i % 28) + 1).padStart(2, '0')}`, i);
    })();
    const out = await client.ok('ledgers.export', {
      ledgerId: 'tryout_visits',
      sort: { column: 'amount', order: 'desc' },
      filters: { way: ['01'] },
    });
    const expected = db.prepare(`SELECT COUNT(*) FROM ledger_tryout_visits WHERE way = '01'`).pluck().get();
    expect(out.rows).toBe(expected);
    const book = XLSX.readFile(client.core.files.get(out.fileId).path);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    const header = rows[2] as string[];
    const amounts = rows.slice(3).map((r) => (r as unknown[])[header.indexOf('慰问金（元）')] as number);
    expect(amounts).toHaveLength(out.rows);
    expect(amounts.slice(0, 3)).toEqual([4499, 4498, 4497]);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });
});
