// The CLI for thematic ledgers: `ledgers --json` lists them, `import FILE --into ID` imports into one with
// the household import's options, JSON and exit codes, and `stats --json` counts every ledger's records.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { LEDGER_DEFS } from '../../shared/ledgers/index.ts';
import { expectDryRunMatches, type CliImportOut } from '../helpers/import-accounting.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

const db = tempLedgerPath();
let file = '';

beforeAll(() => {
  expect(runLedgerCli(['demo', '--households', '30', '--register-only', '--db', db]).code).toBe(0);
  const sqlite = new Database(db, { readonly: true });
  const persons = sqlite
    .prepare(`SELECT name, id_number FROM persons WHERE status = 'active' ORDER BY id LIMIT 2`)
    .all() as Array<{ name: string; id_number: string }>;
  sqlite.close();
  const sheet = XLSX.utils.aoa_to_sheet([
    ['贫困劳动力外出务工台账'],
    ['序号', '姓名', '身份证号码', '务工状态', '务工地点', '月收入'],
    ['1', persons[0]?.name ?? '', persons[0]?.id_number ?? '', '已外出', '浙江省杭州市', '5000'],
    ['2', persons[1]?.name ?? '', persons[1]?.id_number ?? '', '走了', '广州', ''],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '务工');
  file = path.join(tempDir('cli-ledgers-'), '务工.xlsx');
  XLSX.writeFile(book, file);
});

describe('CLI 专项台账', () => {
  it('lists every ledger with its id', () => {
    const r = runLedgerCli(['ledgers', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; name: string; records: number }>;
    expect(list.map((l) => l.id)).toEqual(LEDGER_DEFS.map((d) => d.id));
    expect(list.find((l) => l.id === 'migrant_work')).toMatchObject({ name: '外出务工', records: 0 });
  });

  it('imports into a ledger: errors stop it (exit 1), --skip-invalid imports the rest', () => {
    const stopped = runLedgerCli(['import', file, '--into', 'migrant_work', '--db', db, '--json']);
    expect(stopped.code).toBe(1);
    const out = JSON.parse(stopped.stdout) as {
      into: string;
      records: { created: number };
      errors: Array<{ sheet: string; row: number; column: string; field: string; message: string }>;
    };
    expect(out.into).toBe('migrant_work');
    expect(out.errors).toEqual([
      expect.objectContaining({ sheet: '务工', row: 4, column: 'D', field: '务工状态' }),
    ]);
    const args = ['import', file, '--into', 'migrant_work', '--skip-invalid', '--db', db, '--json'];
    const dry = runLedgerCli([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    const done = runLedgerCli(args);
    expect(done.code).toBe(0);
    const real = JSON.parse(done.stdout) as CliImportOut;
    expect(real).toMatchObject({ records: { created: 1, updated: 0, unchanged: 0 } });
    expect(real.skipped).toEqual([
      { row: 4, kind: 'error', reason: expect.stringContaining('务工状态'), name: expect.any(String) },
    ]);
    expectDryRunMatches(JSON.parse(dry.stdout) as CliImportOut, real);
    const stats = JSON.parse(runLedgerCli(['stats', '--db', db, '--json']).stdout) as {
      ledgers: Record<string, number>;
    };
    expect(stats.ledgers.migrant_work).toBe(1);
    expect(Object.keys(stats.ledgers)).toEqual(LEDGER_DEFS.map((d) => d.id));
  });

  it('refuses an unknown ledger id', () => {
    const r = runLedgerCli(['import', file, '--into', 'no_such_ledger', '--db', db, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('没有编号为“no_such_ledger”的专项台账');
  });

  it('prints the table statements for a new migration', () => {
    const r = runLedgerCli(['ledger-sql', 'migrant_work']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE ledger_migrant_work');
  });
});
