// `npm run ledger -- import`: exit codes, JSON output, the shared sample files, templates.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import {
  expectDryRunMatches,
  expectEveryRowAccounted,
  type CliImportOut,
} from '../helpers/import-accounting.ts';
import { skipWithout } from '../helpers/tools.ts';

const SAMPLES = path.resolve(ROOT, '..', 'shared', 'samples');
const haveSamples = fs.existsSync(path.join(SAMPLES, 's1_village_roster_merged.xlsx'));
if (!haveSamples)
  console.warn(`../shared/samples not found beside the checkout (${SAMPLES}): sample-file cases skipped`);

type Issue = {
  sheet: string;
  row: number;
  column: string | null;
  field: string | null;
  message: string;
  name: string | null;
};
interface Out extends CliImportOut {
  errors: Issue[];
  warnings: Issue[];
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Out;

function ledger(county = '420626'): string {
  const db = tempLedgerPath();
  expect(runLedgerCli(['init', '--county', county, '--db', db]).code).toBe(0);
  return db;
}

describe('CLI import', () => {
  it('imports a clean roster (exit 0), then finds it unchanged on a second run', () => {
    const db = ledger();
    const { file } = villageRoster({ households: 4 });
    const first = runLedgerCli(['import', file, '--db', db, '--json', '--operator', '测试']);
    expect(first.code, first.stderr).toBe(0);
    const out = lastJson(first.stdout);
    expect(out.households).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(out.persons.created).toBe(8);
    expect(out.skipped.map((s) => s.reason)).toEqual(['合计行', '表尾签字行']);
    expect(out.batchId).toBeGreaterThan(0);
    const second = lastJson(runLedgerCli(['import', file, '--db', db, '--json']).stdout);
    expect(second.persons).toEqual({ created: 0, updated: 0, unchanged: 8 });
  });

  it('stops on errors with exit 1 and the Excel position of each; --dry-run writes nothing; --skip-invalid imports the rest', () => {
    const db = ledger();
    const { file } = villageRoster({ households: 3, badIdAt: 2 });
    const stopped = runLedgerCli(['import', file, '--db', db, '--json']);
    expect(stopped.code).toBe(1);
    const out = lastJson(stopped.stdout);
    expect(out.errors[0]).toMatchObject({ sheet: '花名册', row: 7, column: 'E', field: '证件号码' });
    expect(out.errors[0]?.message).toMatch(/未通过校验/);
    const stats = () =>
      JSON.parse(runLedgerCli(['stats', '--db', db, '--json']).stdout.trim()) as { households: number };
    expect(stats().households).toBe(0);
    const dry = runLedgerCli(['import', file, '--db', db, '--dry-run', '--skip-invalid', '--json']);
    expect(dry.code).toBe(0);
    expect(stats().households).toBe(0);
    const skipped = runLedgerCli(['import', file, '--db', db, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    const real = lastJson(skipped.stdout);
    // The household whose 户主 row (7) is refused is held back whole, and its other member is listed.
    expect(real.households.created).toBe(2);
    expect(real.persons.created).toBe(4);
    expect(real.skipped.filter((x) => x.kind !== 'not-data')).toEqual([
      { row: 7, kind: 'error', reason: expect.stringMatching(/未通过校验/), name: '户主1' },
      { row: 8, kind: 'held', reason: '同户第 7 行（户主）有错误，本户其余 1 人暂未导入', name: '配偶1' },
    ]);
    expectDryRunMatches(lastJson(dry.stdout), real);
    expect(stats().households).toBe(2);
  });

  it('lists warnings shaped like errors, each with the row and 姓名', () => {
    const db = ledger();
    const { file } = villageRoster({ households: 1 });
    const out = lastJson(runLedgerCli(['import', file, '--db', db, '--dry-run', '--json']).stdout);
    expect(Array.isArray(out.warnings)).toBe(true);
    for (const w of out.warnings)
      expect(Object.keys(w).sort()).toEqual(['column', 'field', 'message', 'name', 'row', 'sheet']);
    expect(out.errors).toEqual([]);
    expect(out.skipped.every((x) => x.row > 0)).toBe(true);
  });

  it('exits 2 with a Chinese message naming the file when it cannot be read', () => {
    const db = ledger();
    const dir = tempDir();
    const docx = path.join(dir, '报表.xlsx');
    fs.writeFileSync(docx, '');
    const empty = runLedgerCli(['import', docx, '--db', db]);
    expect(empty.code).toBe(2);
    expect(empty.stdout + empty.stderr).toMatch(/报表\.xlsx/);
    const missing = runLedgerCli(['import', path.join(dir, '没有这个文件.xlsx'), '--db', db]);
    expect(missing.code).toBe(2);
  });

  it.skipIf(skipWithout(haveSamples, 'the shared samples (../shared/samples)'))(
    'reads the shared samples: s1 (title names the village), s2 (header on row 3), s3 (GBK CSV), s4 (.xls)',
    () => {
      const db = ledger('341823');
      const s1 = runLedgerCli([
        'import',
        path.join(SAMPLES, 's1_village_roster_merged.xlsx'),
        '--db',
        db,
        '--json',
      ]);
      expect(s1.code).toBe(1);
      const s1out = lastJson(s1.stdout);
      expect(s1out.errors).toEqual([expect.objectContaining({ row: 8, column: 'H', field: '证件号码' })]);
      // 陈鑫's row (8, the 户主) is refused: his household's three other members are held back and listed.
      expect(s1out.persons.created).toBe(41);
      expect(s1out.skipped.filter((x) => x.kind === 'held')).toEqual(
        [9, 10, 11].map((row) => ({
          row,
          kind: 'held',
          reason: '同户第 8 行（户主）有错误，本户其余 3 人暂未导入',
          name: expect.any(String),
        })),
      );
      expect(s1out.errors[0]?.name).toBe('陈鑫');
      expectEveryRowAccounted(s1out);
      const s2 = lastJson(
        runLedgerCli(['import', path.join(SAMPLES, 's2_national_member_export.xlsx'), '--db', db, '--json'])
          .stdout,
      );
      expect(s2.errors).toEqual([
        expect.objectContaining({ row: 9, column: 'J', message: expect.stringMatching(/Excel 存成了数字/) }),
      ]);
      expect(s2.households.created).toBe(29); // 曹军 (row 9, 户主) refused: his household waits
      expectEveryRowAccounted(s2);
      const s3 = runLedgerCli([
        'import',
        path.join(SAMPLES, 's3_members_gbk.csv'),
        '--region',
        '341823106201',
        '--db',
        db,
        '--json',
      ]);
      expect(s3.code, s3.stderr).toBe(0);
      expect(lastJson(s3.stdout).persons.created).toBe(55);
      const s4 = lastJson(
        runLedgerCli(['import', path.join(SAMPLES, 's4_village_roster_legacy.xls'), '--db', db, '--json'])
          .stdout,
      );
      expect(s4.persons.created).toBe(41); // the same roster as s1: 陈鑫's household waits
      expectEveryRowAccounted(s4);
    },
  );
});
