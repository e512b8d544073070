// The import stages after reading: mapping, normalising, grouping, placing, planning, committing, undo —
// on a real ledger, from tables shaped like the files clerks receive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoMapColumns, type SourceColumn } from '../../shared/import/map-columns.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { idRanges } from '../../main/core/audit/batch-audit.ts';
import { commitPlan } from '../../main/core/import/commit-import.ts';
import type { ImportTable } from '../../main/core/import/import-types.ts';
import { TableRows } from '../../main/core/import/table-rows.ts';
import { parseRows } from '../../main/core/import/parse-rows.ts';
import { PlaceResolver } from '../../main/core/import/place-resolver.ts';
import { hasBlockingErrors, planImport } from '../../main/core/import/plan-import.ts';
import { undoImport } from '../../main/core/import/undo-import.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { fileFingerprint } from '../helpers/temp-ledger.ts';
import { expectPlanAccounted } from '../helpers/import-accounting.ts';

let c: TestClient;
beforeEach(async () => {
  c = await openCountyLedger();
});
afterEach(async () => {
  await c.close();
});

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const columnsOf = (headers: string[]): SourceColumn[] =>
  headers.map((h, i) => ({ index: i, letter: letters[i] ?? '?', name: h, leaf: h.split('/').at(-1) ?? h }));

function table(
  headers: string[],
  rows: string[][],
  startRow = 4,
): { table: ImportTable; columns: SourceColumn[] } {
  return {
    columns: columnsOf(headers),
    table: {
      fileName: '花名册.xlsx',
      sheet: '花名册',
      rows: TableRows.from(rows.map((cells, i) => ({ row: startRow + i, cells }))),
      skipped: [],
      title: null,
    },
  };
}

function run(t: ReturnType<typeof table>, options: { regionCode?: string | null } = {}) {
  const mapping = autoMapColumns(t.columns);
  const places = new PlaceResolver(c.core.ledger);
  const parsed = parseRows(t.table, { mapping, regionCode: options.regionCode ?? null }, places);
  const plan = planImport(
    c.core.ledger,
    t.table.sheet,
    parsed.households,
    parsed.issues,
    t.table.rows.allRowNumbers(),
  );
  // Whatever the file, every data row is written or listed with why.
  expectPlanAccounted(plan);
  return { mapping, plan };
}

const HEADERS = [
  '序号',
  '乡镇',
  '村',
  '组',
  '户编号',
  '姓名',
  '性别',
  '公民身份号码',
  '与户主关系',
  '民族',
  '文化程度',
  '健康状况',
  '劳动技能',
  '贫困户属性',
  '主要致贫原因',
  '联系电话',
];
const head = makeIdNumber('420626', '1968-04-02', 15);
const wife = makeIdNumber('420626', '1970-10-09', 26);
const kid = makeIdNumber('420626', '2008-06-30', 37);
const other = makeIdNumber('420626', '1955-01-20', 41);
const ROWS = [
  [
    '1',
    '城关镇',
    '光千社区',
    '1组',
    'H001',
    '张大山',
    '男',
    head,
    '户主',
    '汉',
    '初中',
    '健康',
    '普通劳动力',
    '一般贫困户',
    '因病',
    '13800001111',
  ],
  [
    '2',
    '城关镇',
    '光千社区',
    '1组',
    'H001',
    '李小花',
    '女',
    wife,
    '配偶',
    '汉族',
    '小学',
    '长期慢性病，残疾',
    '弱劳动力',
    '一般贫困户',
    '因病',
    '13800001111',
  ],
  [
    '3',
    '城关镇',
    '光千社区',
    '1组',
    'H001',
    '张小宝',
    '男',
    kid.toLowerCase(),
    '之子',
    '汉',
    '',
    '健康',
    '无劳动力',
    '一般贫困户',
    '因病',
    '13800001111',
  ],
  [
    '4',
    '城关镇',
    '光千社区',
    '二组',
    'H002',
    '王老汉',
    '男',
    other,
    '本人或户主',
    '土家',
    '文盲或半文盲',
    '大病',
    '丧失劳动力',
    '特困供养贫困户',
    '缺劳动力',
    '',
  ],
];

describe('import: mapping, preview, commit, undo', () => {
  it('maps national and village headers to fields with a confidence', () => {
    const m = autoMapColumns(
      columnsOf([
        '序号',
        '乡(镇)',
        '行政村',
        '户编号',
        '家庭成员/姓名',
        '证件号码',
        '与户主关系',
        '务工时间（月）',
        '是否参加新型农村合作医疗（城乡居民基本医疗保险）',
        '户主姓名',
        '奇怪的列',
      ]),
    );
    const by = (h: string) => m.find((x) => x.header === h);
    expect(by('序号')?.target).toBeNull();
    expect(by('乡(镇)')?.target).toBe('place.township');
    expect(by('行政村')?.target).toBe('place.village');
    expect(by('家庭成员/姓名')?.target).toBe('person.name');
    expect(by('证件号码')?.confidence).toBe(1);
    expect(by('务工时间（月）')?.target).toBe('person.work_months');
    expect(by('是否参加新型农村合作医疗（城乡居民基本医疗保险）')?.target).toBe('person.medical_insurance');
    expect(by('户主姓名')?.target).toBe('household.head_name');
    expect(by('奇怪的列')?.target).toBeNull();
  });

  it('previews new households and persons, placing 光千社区 in 光千社区居委会 and creating missing groups', () => {
    const { plan } = run(table(HEADERS, ROWS));
    expect(plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(plan.counts.households).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(plan.counts.persons).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(plan.newGroups).toHaveLength(2);
    const wifeRow = plan.households[0]?.persons[1]?.parsed.values;
    expect(wifeRow).toMatchObject({ health: '02,04', labor_skill: '03', sex: '2', birth_date: '1970-10-09' });
    expect(plan.households[0]?.persons[2]?.parsed.values.id_number).toBe(kid.toUpperCase());
    // New rows are written whole: no per-field changes kept for them (at county scale those were
    // 8 million objects, a third of the import's memory).
    expect(plan.households.flatMap((h) => [h.changes, ...h.persons.map((p) => p.changes)])).toEqual(
      Array(6).fill([]),
    );
  });

  it('commits in one batch, re-import is unchanged, a changed file updates only changed fields, undo restores exactly', async () => {
    const t = table(HEADERS, ROWS);
    const first = run(t);
    const { batchId } = commitPlan(c.core.ledger, first.plan, {
      fileName: '花名册.xlsx',
      sha256: 'x',
      sheet: '花名册',
      mapping: first.mapping,
    });
    const list = await c.ok('households.list', { regionCode: null });
    expect(list.total).toBe(2);
    const h1 = list.rows.find((r) => r.householdNo === 'H001');
    expect(h1).toMatchObject({
      memberCount: 3,
      headName: '张大山',
      villageName: '光千社区', // the list shows the short name (shared/region-name.ts)
      groupName: '一组',
    });

    const again = run(t);
    expect(again.plan.counts.households).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.plan.counts.persons).toEqual({ created: 0, updated: 0, unchanged: 4 });

    const before = (await c.ok('households.get', { id: h1?.id ?? 0 })).members.map((m) => m.entry);
    const changedRows = ROWS.map((r) => [...r]);
    (changedRows[1] as string[])[12] = '普通劳动力';
    const changed = run(table(HEADERS, changedRows));
    expect(changed.plan.counts.persons).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const second = commitPlan(c.core.ledger, changed.plan, {
      fileName: '花名册2.xlsx',
      sha256: 'y',
      sheet: '花名册',
      mapping: changed.mapping,
    });
    const history = (await c.ok('audit.list', { householdId: h1?.id ?? 0 })).flatMap((e) => e.lines);
    expect(
      history.some((l) => /导入员 将 李小花 的 劳动技能 由 弱劳动力或半劳动力 改为 普通劳动力/.test(l)),
    ).toBe(true);

    // The first batch cannot be undone while the second changed one of its rows.
    expect(() => undoImport(c.core.ledger, batchId)).toThrow(/不能撤销第 \d+ 批导入：李小花/);
    undoImport(c.core.ledger, second.batchId);
    const after = (await c.ok('households.get', { id: h1?.id ?? 0 })).members.map((m) => m.entry);
    expect(after).toEqual(before);
    undoImport(c.core.ledger, batchId);
    expect((await c.ok('households.list', { regionCode: null })).total).toBe(0);
    expect(
      c.core.ledger.sqlite.prepare(`SELECT COUNT(*) FROM regions WHERE level = 'group'`).pluck().get(),
    ).toBe(0);
    expect(() => undoImport(c.core.ledger, batchId)).toThrow(/已于 .* 撤销/);
  });

  it("names in its audit entry exactly the rows the batch created, after other batches' rows", () => {
    const mapping = run(table(HEADERS, ROWS)).mapping;
    const firstRows = ROWS.filter((r) => r[4] === 'H001');
    const first = commitPlan(c.core.ledger, run(table(HEADERS, firstRows)).plan, {
      fileName: 'a.xlsx',
      sha256: 'a',
      sheet: '花名册',
      mapping,
    });
    const { batchId } = commitPlan(c.core.ledger, run(table(HEADERS, ROWS)).plan, {
      fileName: 'b.xlsx',
      sha256: 'b',
      sheet: '花名册',
      mapping,
    });
    const db = c.core.ledger.sqlite;
    const entry = db
      .prepare(`SELECT changes FROM audit_log WHERE action = 'import' AND entity_id = ?`)
      .pluck()
      .get(String(batchId)) as string;
    const ranges = Object.fromEntries(
      (JSON.parse(entry) as { field: string; after: string }[]).map((c) => [c.field, c.after]),
    );
    const ids = (t: string, batch = batchId) =>
      db.prepare(`SELECT id FROM ${t} WHERE batch_id = ? ORDER BY id`).pluck().all(batch) as number[];
    // The second batch created H002's household and person only, after H001's rows.
    expect(ids('persons').length).toBeGreaterThan(0);
    expect(ids('persons')[0]).toBeGreaterThan(Math.max(...ids('persons', first.batchId)));
    expect(ranges['created:persons']).toBe(idRanges(ids('persons')));
    expect(ranges['created:households']).toBe(idRanges(ids('households')));
  });

  it('refuses to undo a batch whose new rows were edited by hand afterwards', async () => {
    const first = run(table(HEADERS, ROWS));
    const { batchId } = commitPlan(c.core.ledger, first.plan, {
      fileName: '花名册.xlsx',
      sha256: 'x',
      sheet: '花名册',
      mapping: first.mapping,
    });
    const kid = (await c.ok('persons.search', { q: '张小宝' })).rows[0];
    await c.ok('persons.update', { id: kid?.id ?? 0, patch: { phone: '13500000000' } });
    expect(() => undoImport(c.core.ledger, batchId)).toThrow(
      /不能撤销第 \d+ 批导入：张小宝 在导入之后又被 导入员/,
    );
    expect((await c.ok('households.list', { regionCode: null })).total).toBe(2);
  });

  it('reports every bad cell with sheet, Excel row and column; the ledger is unchanged', () => {
    const bad = ROWS.map((r) => [...r]);
    (bad[0] as string[])[7] = head.slice(0, 17) + (head[17] === '0' ? '1' : '0'); // wrong check digit
    (bad[1] as string[])[8] = '户主'; // second head
    (bad[2] as string[])[7] = '4.20626200806E+17'; // Excel turned it into a number
    (bad[3] as string[])[2] = '不存在村';
    (bad[3] as string[])[12] = '很能干';
    const before = fileFingerprint(c.core.ledger.path);
    const { plan } = run(table(HEADERS, bad));
    expect(hasBlockingErrors(plan)).toBe(true);
    const at = (row: number, column: string | null) =>
      plan.issues.find((i) => i.row === row && i.column === column);
    expect(at(4, 'H')?.message).toMatch(/未通过校验/);
    expect(at(6, 'H')?.message).toMatch(/Excel 存成了数字/);
    expect(at(7, 'M')?.message).toMatch(/劳动技能“很能干”不是「劳动技能」中的值/);
    expect(plan.issues.find((i) => i.row === 7 && i.field === '村')?.message).toMatch(
      /村“不存在村”不在城关镇的区划中/,
    );
    expect(plan.issues.some((i) => /2 个户主/.test(i.message))).toBe(true);
    expect(plan.issues.every((i) => i.sheet === '花名册')).toBe(true);
    expect(fileFingerprint(c.core.ledger.path)).toBe(before);
  });

  it('refuses an ID already in another household, naming both places; skip-invalid imports the rest', async () => {
    run(table(HEADERS, ROWS));
    const first = run(table(HEADERS, ROWS.slice(0, 3)));
    commitPlan(c.core.ledger, first.plan, {
      fileName: 'a.xlsx',
      sha256: 'a',
      sheet: '花名册',
      mapping: first.mapping,
    });
    const moved = [
      [...(ROWS[3] as string[])],
      [
        '5',
        '城关镇',
        '光千社区',
        '二组',
        'H002',
        '张小宝',
        '男',
        kid,
        '之子',
        '汉',
        '',
        '健康',
        '无劳动力',
        '特困供养贫困户',
        '缺劳动力',
        '',
      ],
    ];
    const { plan } = run(table(HEADERS, moved));
    const conflict = plan.issues.find((i) => i.row === 5);
    expect(conflict?.message).toMatch(
      /已登记在 城关镇光千社区居委会 户编号 H001（张小宝），文件中却是新户 H002/,
    );
    const skipped = run(table(HEADERS, moved));
    commitPlan(c.core.ledger, skipped.plan, {
      fileName: 'b.xlsx',
      sha256: 'b',
      sheet: '花名册',
      mapping: skipped.mapping,
    });
    const h2 = (await c.ok('households.list', { regionCode: null, search: 'H002' })).rows[0];
    expect(h2?.memberCount).toBe(1);
  });

  it('without place columns uses the village the clerk chose, and groups rows by 户主 without 户编号', async () => {
    const headers = ['姓名', '身份证号', '与户主关系', '性别'];
    const rows = [
      ['赵一', makeIdNumber('420626', '1960-01-01', 11), '户主', '男'],
      ['钱二', makeIdNumber('420626', '1962-02-02', 22), '妻子', '女'],
      ['孙三', makeIdNumber('420626', '1970-03-03', 33), '户主', '男'],
    ];
    const noVillage = run(table(headers, rows));
    expect(noVillage.plan.issues[0]).toMatchObject({
      message: expect.stringMatching(/看不出是哪个村/),
      fix: 'region',
    });
    // Nothing is written: every row is listed with the sheet's reason.
    expect(noVillage.plan.account.written).toBe(0);
    expect(noVillage.plan.account.unwritten.map((u) => u.row)).toEqual([4, 5, 6]);
    const village = (await c.ok('regions.tree', {})).find((n) => n.level === 'village')?.code ?? '';
    const { plan, mapping } = run(table(headers, rows), { regionCode: village });
    expect(plan.counts.households.created).toBe(2);
    commitPlan(c.core.ledger, plan, { fileName: 'c.csv', sha256: 'c', sheet: 'c', mapping });
    const list = await c.ok('households.list', { regionCode: village });
    expect(list.rows.map((r) => r.memberCount).sort()).toEqual([1, 2]);
    expect(list.rows[0]?.householdNo).toMatch(new RegExp(`^${village}\\d{4}$`));
  });

  it('stores each 证件号码 as its parse says: 15-digit upgraded, disability card and placeholder typed and flagged', async () => {
    const headers = ['姓名', '身份证号', '与户主关系', '性别'];
    const upgraded = makeIdNumber('420626', '1968-04-02', 15);
    const old15 = `${upgraded.slice(0, 6)}${upgraded.slice(8, 17)}`;
    const card = `${makeIdNumber('420626', '1970-10-09', 26)}42`;
    const placeholder = '999999000000000001';
    const rows = [
      ['赵一', old15, '户主', ''],
      ['钱二', card, '妻子', ''],
      ['孙三', placeholder, '之子', '男'],
    ];
    const village = (await c.ok('regions.tree', {})).find((n) => n.level === 'village')?.code ?? '';
    const { plan, mapping } = run(table(headers, rows), { regionCode: village });
    expect(plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    commitPlan(c.core.ledger, plan, { fileName: 'c.csv', sha256: 'c', sheet: 'c', mapping });
    const stored = c.core.ledger.sqlite
      .prepare('SELECT id_number, id_type, id_flagged, birth_date, sex FROM persons ORDER BY id')
      .all();
    expect(stored).toEqual([
      // Stored upgraded, the stored number is an ordinary 18-digit one.
      { id_number: upgraded, id_type: '01', id_flagged: 0, birth_date: '1968-04-02', sex: '1' },
      { id_number: card, id_type: '09', id_flagged: 1, birth_date: '1970-10-09', sex: '2' },
      { id_number: placeholder, id_type: '99', id_flagged: 1, birth_date: null, sex: '1' },
    ]);
  });
});
