// 花名册 exports (issue 10 items 4, 5, 7): the register and a thematic ledger exported through the real
// CLI and contract, re-imported into a fresh ledger with the real importer, compared field by field
// (an ID ending in X, a 户编号 with leading zeros); cell types, print setup, no formulas from user text,
// the >100 full-ID confirmation, the masked variant and the audit entry with the file's SHA-256.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../shared/fields/person-fields.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { ledgerDef } from '../../shared/ledgers/index.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const COUNTY = '420626';
const dir = tempDir('exports-');
const source = path.join(dir, 'source.db');
const HOUSEHOLD_NO = '0001234';
let xId = '';

type Row = Record<string, string | number | null>;

function cli(args: string[]) {
  const r = runLedgerCli(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}\n${r.stdout}`).toBe(0);
  return r;
}

/** A valid ID for the person's birth date and sex that ends in X (the check digit 10). */
function idEndingInX(birthDate: string, sex: string): string {
  for (let seq = 1; seq < 1000; seq++) {
    const id = makeIdNumber('420626', birthDate, seq);
    // The sequence's parity is the sex: odd 男 ('1'), even 女 ('2').
    if (id.endsWith('X') && (seq % 2 === 1 ? '1' : '2') === sex) return id;
  }
  throw new Error('no ID ending in X');
}

beforeAll(() => {
  cli(['demo', '--households', '40', '--seed', '7', '--register-only', '--db', source]);
  const db = new Database(source);
  try {
    // Leading zeros in a 户编号; an ID ending in X on a member; an address that looks like a formula.
    const h = db
      .prepare(`SELECT id FROM households WHERE status = 'active' ORDER BY id LIMIT 1`)
      .get() as Row;
    db.prepare(`UPDATE households SET household_no = ?, address = ? WHERE id = ?`).run(
      HOUSEHOLD_NO,
      '=HYPERLINK("http://example.com","点我")',
      h.id,
    );
    const p = db
      .prepare(
        `SELECT id, birth_date, sex FROM persons WHERE status = 'active' AND relation <> '01' AND birth_date IS NOT NULL ORDER BY id LIMIT 1`,
      )
      .get() as Row;
    xId = idEndingInX(String(p.birth_date), String(p.sex));
    db.prepare(`UPDATE persons SET id_number = ? WHERE id = ?`).run(xId, p.id);
  } finally {
    db.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => XLSX.read(fs.readFileSync(file), { cellNF: true, cellFormula: true });
const rowsOf = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as Row[];
  } finally {
    d.close();
  }
};
const pick = (r: Row, columns: readonly string[]) =>
  Object.fromEntries(columns.map((c) => [c, r[c] ?? null]));

// 组 codes are the ledger's own (a fresh ledger numbers the groups an import names): compared by name.
const HOUSEHOLD_COLUMNS = [
  ...HOUSEHOLD_FIELDS.map((f) => f.column),
  'township_code',
  'village_code',
  'group_name',
];
const PERSON_COLUMNS = PERSON_FIELDS.map((f) => f.column);

describe('花名册 exports re-import to identical values', () => {
  it('人员花名册 → a fresh ledger through the importer: every household and person field equal', () => {
    const file = path.join(dir, 'persons.xlsx');
    const out = JSON.parse(
      cli(['export', 'persons', '--yes-full-ids', '--json', '--db', source, '--out', file]).stdout.trim(),
    ) as { rows: number; fullIds: number; masked: boolean };
    const persons = rowsOf(
      source,
      `SELECT p.*, h.household_no FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = 'active' ORDER BY p.id_number`,
    );
    expect(out).toMatchObject({ rows: persons.length, fullIds: persons.length, masked: false });

    const fresh = path.join(dir, 'fresh.db');
    cli(['init', '--county', COUNTY, '--db', fresh]);
    // The register's 年度 is the ledger's 数据年度 (the importer does not read it from the file): the
    // fresh ledger is given the source's, as a county's own ledger would have it.
    const year = rowsOf(source, `SELECT MAX(year) AS y FROM households`)[0]?.y;
    const db = new Database(fresh);
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('data_year', ?, '2026-01-01')`).run(
      String(year),
    );
    db.close();
    const imported = JSON.parse(
      cli(['import', file, '--db', fresh, '--json', '--operator', '测试']).stdout.trim().split('\n').at(-1) ??
        '{}',
    ) as { errors: unknown[]; written: number };
    expect(imported.errors).toEqual([]);
    expect(imported.written).toBe(persons.length);

    const households = (db: string) =>
      rowsOf(
        db,
        `SELECT h.*, g.name AS group_name FROM households h LEFT JOIN regions g ON g.code = h.group_code
         WHERE h.status = 'active' ORDER BY h.household_no`,
      ).map((r) => pick(r, HOUSEHOLD_COLUMNS));
    const before = households(source);
    expect(households(fresh)).toEqual(before);
    expect(before.some((h) => h.household_no === HOUSEHOLD_NO)).toBe(true);

    const people = (db: string) =>
      rowsOf(
        db,
        `SELECT p.*, h.household_no FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = 'active' ORDER BY p.id_number`,
      ).map((r): Row => ({ ...pick(r, PERSON_COLUMNS), household_no: r.household_no ?? null }));
    const beforePeople = people(source);
    expect(people(fresh)).toEqual(beforePeople);
    expect(beforePeople.some((p) => p.id_number === xId)).toBe(true);
  });

  it('a thematic ledger (公益性岗位) exported and imported back with --into gives the same records', async () => {
    const c: TestClient = await openTestClient(source);
    let fileId: string;
    try {
      await c.ok('settings.setOperator', { name: '测试' });
      const members = rowsOf(
        source,
        `SELECT id, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 5`,
      );
      for (const [i, m] of members.entries()) {
        await c.ok('ledgers.create', {
          ledgerId: 'public_welfare_jobs',
          link: { personId: Number(m.id) },
          values: {
            job_type: i % 2 === 0 ? '01' : '09',
            fund_source: '01',
            employer: i === 0 ? '@镇政府' : '+村委会',
            start_date: '2020-03-01',
            end_date: '2020-12-31',
            monthly_subsidy: 500 + i,
          },
        });
      }
      fileId = (await c.ok('ledgers.export', { ledgerId: 'public_welfare_jobs' })).fileId;
      const file = path.join(dir, 'jobs.xlsx');
      fs.copyFileSync(c.core.files.get(fileId).path, file);

      const fresh = path.join(dir, 'fresh.db'); // holds the register from the test above
      const r = JSON.parse(
        cli(['import', file, '--into', 'public_welfare_jobs', '--db', fresh, '--json', '--operator', '测试'])
          .stdout.trim()
          .split('\n')
          .at(-1) ?? '{}',
      ) as { errors: unknown[]; written: number };
      expect(r.errors).toEqual([]);
      expect(r.written).toBe(5);
      const columns = (ledgerDef('public_welfare_jobs')?.fields ?? []).map((f) => f.column);
      const records = (db: string) =>
        rowsOf(
          db,
          `SELECT r.*, p.id_number FROM ledger_public_welfare_jobs r JOIN persons p ON p.id = r.person_id ORDER BY p.id_number, r.job_type`,
        ).map((x) => ({ ...pick(x, columns), id_number: x.id_number }));
      const want = records(source);
      expect(want).toHaveLength(5);
      expect(records(fresh)).toEqual(want);
      // Dates are date cells with a date format; the employer that starts with @ / + stays text.
      const sheet = read(file).Sheets['公益性岗位'] ?? {};
      const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!'));
      const start = cells.find(([, v]) => (v as XLSX.CellObject).v === '聘用开始日期');
      expect(start).toBeDefined();
      const col = (start?.[0] ?? 'A1').replace(/\d+$/, '');
      const date = sheet[`${col}4`] as XLSX.CellObject;
      expect(date.t).toBe('n');
      expect(date.z).toBe('yyyy-mm-dd');
      expect(cells.some(([, v]) => (v as XLSX.CellObject).v === '@镇政府')).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('what an export file is', () => {
  it('户花名册: title, 导出时间, header repeated on print, fit to width, text IDs and 户编号, labels, no formulas', () => {
    const file = path.join(dir, 'households.xlsx');
    cli(['export', 'households', '--yes-full-ids', '--db', source, '--out', file]);
    const wb = XLSX.read(fs.readFileSync(file), { cellNF: true, cellFormula: true, bookFiles: true });
    const sheet = wb.Sheets['户花名册'] ?? {};
    expect((sheet.A1 as XLSX.CellObject).v).toBe('保康县户花名册');
    expect(String((sheet.A2 as XLSX.CellObject).v)).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(wb.Workbook?.Names?.find((n) => n.Name === '_xlnm.Print_Titles')?.Ref).toBe("'户花名册'!$3:$3");
    const sheetXml = (wb as unknown as { files: Record<string, { content: Uint8Array }> }).files[
      'xl/worksheets/sheet1.xml'
    ];
    const xml = Buffer.from(sheetXml?.content ?? []).toString('utf8');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"\/>/);
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[2] ?? [];
    const idCol = header.indexOf('户主证件号码');
    const noCol = header.indexOf('户编号');
    // Wide enough for 18 digits in 宋体 11.
    const width = new RegExp(`<col min="${idCol + 1}" max="${idCol + 1}" width="([\\d.]+)"`).exec(xml)?.[1];
    expect(Number(width)).toBeGreaterThanOrEqual(20);
    const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true }).slice(3);
    const zero = data.find((r) => r[noCol] === HOUSEHOLD_NO);
    expect(zero).toBeDefined();
    for (let r = 4; r < data.length + 4; r++) {
      for (const c of [idCol, noCol]) {
        const cell = sheet[XLSX.utils.encode_cell({ r: r - 1, c })] as XLSX.CellObject | undefined;
        if (cell) expect(cell.t).toBe('s');
      }
    }
    // Labels, not codes.
    const attr = header.indexOf('贫困户属性');
    expect(data.every((r) => r[attr] === undefined || !/^\d+$/.test(String(r[attr])))).toBe(true);
    // The formula-like address is the literal text, and no cell anywhere has a formula.
    const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!')) as Array<
      [string, XLSX.CellObject]
    >;
    expect(cells.some(([, v]) => v.v === '=HYPERLINK("http://example.com","点我")')).toBe(true);
    expect(cells.filter(([, v]) => v.f !== undefined)).toEqual([]);
    expect(xml).not.toContain('<f>');
  });

  it('names starting with = + - @ stay text in every export', async () => {
    const db = new Database(source);
    const names = ['=HYPERLINK("http://evil","x")', '+123', '-1+2', '@SUM(A1)'];
    const ids = db
      .prepare(`SELECT id FROM persons WHERE status = 'active' ORDER BY id DESC LIMIT 4`)
      .pluck()
      .all();
    ids.forEach((id, i) => db.prepare(`UPDATE persons SET name = ? WHERE id = ?`).run(names[i], id));
    db.close();
    const c = await openTestClient(source);
    try {
      const files = [
        await c.ok('persons.export', { masked: true }),
        await c.ok('households.export', { regionCode: null, masked: true }),
      ].map((r) => c.core.files.get(r.fileId).path);
      for (const file of files) {
        const wb = read(file);
        const cells = Object.values(wb.Sheets[wb.SheetNames[0] ?? ''] ?? {}) as XLSX.CellObject[];
        expect(cells.filter((v) => typeof v === 'object' && v !== null && 'f' in v && v.f)).toEqual([]);
      }
      const persons = Object.values(read(files[0] ?? '').Sheets['人员花名册'] ?? {}) as XLSX.CellObject[];
      for (const n of names) expect(persons.some((v) => v.v === n && v.t === 's')).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('export safety', () => {
  it('more than 100 full IDs: refused with the count unless confirmed; masked needs no confirmation; audited with SHA-256', async () => {
    const c = await openTestClient(source);
    try {
      const total = rowsOf(source, `SELECT COUNT(*) AS n FROM persons WHERE status = 'active'`)[0]?.n;
      expect(Number(total)).toBeGreaterThan(100);
      const refused = await c.fail('persons.export', {});
      expect(refused.code).toBe('validation');
      expect(refused.message).toContain(`含 ${total} 人的完整证件号码`);
      expect(refused.message).toContain('脱敏导出');

      const masked = await c.ok('persons.export', { masked: true });
      expect(masked).toMatchObject({ masked: true, fullIds: 0, rows: Number(total) });
      const maskedFile = c.core.files.get(masked.fileId).path;
      const sheet = read(maskedFile).Sheets['人员花名册'] ?? {};
      const values = Object.values(sheet).map((v) => (v as XLSX.CellObject).v);
      expect(values).not.toContain(xId);
      expect(values.some((v) => typeof v === 'string' && /^\d{6}\*{8}\d{3}[\dX]$/.test(v))).toBe(true);

      const full = await c.ok('persons.export', { confirmFullIds: true });
      expect(full).toMatchObject({ masked: false, fullIds: Number(total) });
      const sha = crypto
        .createHash('sha256')
        .update(fs.readFileSync(c.core.files.get(full.fileId).path))
        .digest('hex');
      expect(full.sha256).toBe(sha);
      const entries = c.core.ledger.sqlite
        .prepare(
          `SELECT entity, entity_id, label, changes FROM audit_log WHERE action = 'export' ORDER BY id`,
        )
        .all() as Row[];
      const last = entries.at(-1);
      expect(last).toMatchObject({ entity: 'file', entity_id: full.fileName, label: '人员花名册' });
      const changes = JSON.parse(String(last?.changes)) as Array<{ field: string; after: unknown }>;
      expect(Object.fromEntries(changes.map((x) => [x.field, x.after]))).toEqual({
        what: '人员花名册',
        rows: Number(total),
        masked: 0,
        full_ids: Number(total),
        sha256: sha,
      });
      // The refused request wrote no entry: one for the masked, one for the full export.
      expect(entries.slice(-2).map((e) => e.entity_id)).toEqual([masked.fileName, full.fileName]);
    } finally {
      await c.close();
    }
  });

  it('CLI: without --yes-full-ids exits 1 naming the count and both ways out; --filter narrows like the list, a wrong one exits 2', () => {
    const file = path.join(dir, 'refused.xlsx');
    const r = runLedgerCli(['export', 'persons', '--db', source, '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--yes-full-ids');
    expect(r.stderr).toContain('--masked');
    expect(fs.existsSync(file)).toBe(false);
    const filtered = path.join(dir, 'filtered.xlsx');
    const out = JSON.parse(
      cli([
        'export',
        'households',
        '--filter',
        '脱贫状态=已脱贫',
        '--json',
        '--yes-full-ids',
        '--db',
        source,
        '--out',
        filtered,
      ]).stdout.trim(),
    ) as { rows: number };
    const want = rowsOf(
      source,
      `SELECT COUNT(*) AS n FROM households WHERE status = 'active' AND poverty_status = '1'`,
    )[0]?.n;
    expect(out.rows).toBe(Number(want));
    const bad = runLedgerCli([
      'export',
      'households',
      '--filter',
      '脱贫状态=不知道',
      '--db',
      source,
      '--out',
      filtered,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('“不知道”不是脱贫状态的选项');
  });
});
