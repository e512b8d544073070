// 证件号码 rules through the real `import` command on a real ledger file: the same person under a
// 残疾人证号 (first 18 characters compared county-wide), address codes, placeholders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDigit, makeIdNumber } from '../../shared/id-number.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { fileFingerprint, tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

interface Out {
  households: { created: number; updated: number; unchanged: number };
  persons: { created: number; updated: number; unchanged: number };
  errors: { row: number; column: string | null; field: string | null; message: string }[];
  warnings: number;
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Out;

const GUANGQIAN = '420626100001'; // 城关镇光千社区居委会
const HUANGBAO = '420626101200'; // 黄堡镇黄堡村委会
const HEADERS = '户编号,姓名,性别,身份证号,与户主关系';

function csv(name: string, rows: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, `${[HEADERS, ...rows].join('\n')}\n`, 'utf8');
  return file;
}

function importInto(db: string, file: string, region: string, ...extra: string[]) {
  const r = runLedgerCli(['import', file, '--db', db, '--region', region, '--json', ...extra]);
  return { code: r.code, out: lastJson(r.stdout), stderr: r.stderr };
}

const HEAD = makeIdNumber('420626', '1972-06-20', 23);
const WIFE = makeIdNumber('420626', '1974-03-08', 44);

function registeredLedger(): string {
  const db = tempLedgerPath();
  expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
  const first = importInto(
    db,
    csv('光千.csv', [`GQ001,张大山,男,${HEAD},户主`, `GQ001,李兰,女,${WIFE},配偶`]),
    GUANGQIAN,
  );
  expect(first.code, first.stderr).toBe(0);
  return db;
}

describe('import: 证件号码 rules', () => {
  it('refuses a registered person imported again under 身份证号 + 残疾类别/等级, naming household and village', () => {
    const db = registeredLedger();
    const before = fileFingerprint(db);
    const twin = importInto(db, csv('黄堡.csv', [`HB001,张大山,男,${HEAD}41,户主`]), HUANGBAO);
    expect(twin.code).toBe(1);
    expect(twin.out.errors).toHaveLength(1);
    const e = twin.out.errors[0];
    expect(e).toMatchObject({ row: 2, column: 'D', field: '证件号码' });
    expect(e?.message).toContain('城关镇光千社区居委会 户编号 GQ001');
    expect(e?.message).toContain('张大山');
    expect(e?.message).toContain('前 18 位相同');
    expect(e?.message).not.toContain(HEAD); // masked in reports
    expect(fileFingerprint(db)).toBe(before);

    // The reverse: registered under a card, imported under the plain number; also inside the same household.
    const card = importInto(
      db,
      csv('黄堡2.csv', [`HB002,王五,男,${makeIdNumber('420626', '1980-01-01', 11)}11,户主`]),
      HUANGBAO,
    );
    expect(card.code, card.stderr).toBe(0);
    const plain = importInto(
      db,
      csv('黄堡3.csv', [
        `HB002,王五,男,${makeIdNumber('420626', '1980-01-01', 11)}11,户主`,
        `HB002,王五,男,${makeIdNumber('420626', '1980-01-01', 11)},之子`,
      ]),
      HUANGBAO,
    );
    expect(plain.code).toBe(1);
    // Row 3 repeats row 2's person (file rule) and the registered 王五 (ledger rule).
    expect(plain.out.errors.map((x) => x.row)).toEqual([3, 3]);
    expect(plain.out.errors.map((x) => x.message)).toEqual([
      expect.stringContaining('与第 2 行的前 18 位相同'),
      expect.stringContaining('黄堡镇黄堡村委会 户编号 HB002'),
    ]);
  });

  it('refuses a file holding one person twice, once under a 残疾人证号', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    const r = importInto(
      db,
      csv('重复.csv', [`GQ001,张大山,男,${HEAD},户主`, `GQ001,张大山,男,${HEAD}41,之子`]),
      GUANGQIAN,
    );
    expect(r.code).toBe(1);
    expect(r.out.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'D',
        message: expect.stringContaining('与第 2 行的前 18 位相同'),
      }),
    ]);
  });

  it('refuses an unknown province, a bare 999999 and a bad 残疾类别/等级; warns about an unknown county code', () => {
    const db = registeredLedger();
    const nowhere = `00000019900101123${checkDigit('00000019900101123')}`;
    const r = importInto(
      db,
      csv('新户.csv', [
        `GQ002,赵一,男,${nowhere},户主`,
        `GQ003,钱二,女,999999,户主`,
        `GQ004,孙三,男,${makeIdNumber('420626', '1966-01-01', 11)}91,户主`,
        `GQ005,李四,男,${makeIdNumber('420626', '1966-01-01', 31)}45,户主`,
        `GQ006,周五,男,${makeIdNumber('420699', '1966-01-01', 51)},户主`,
      ]),
      GUANGQIAN,
    );
    expect(r.code).toBe(1);
    const at = (row: number) => r.out.errors.find((e) => e.row === row)?.message ?? '';
    expect(at(2)).toContain('前两位“00”不是任何省');
    expect(at(3)).toContain('占位号应为 18 位');
    expect(at(3)).toContain('999999198503070001');
    expect(at(4)).toContain('第 19 位是残疾类别');
    expect(at(5)).toContain('第 20 位是残疾等级');
    expect(at(6)).toBe(''); // an old or unknown county code is legitimate on an old card: a warning only
    expect(r.out.warnings).toHaveLength(1);

    const kept = importInto(
      db,
      csv('新户.csv', [`GQ006,周五,男,${makeIdNumber('420699', '1966-01-01', 51)},户主`]),
      GUANGQIAN,
    );
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.out.households.created).toBe(1);
    expect(kept.out.warnings).toHaveLength(1);
  });

  it('links a thematic-ledger row given under the 残疾人证号 to the person registered under the 身份证号', () => {
    const db = registeredLedger();
    const file = path.join(tempDir(), '务工.csv');
    fs.writeFileSync(
      file,
      `姓名,证件号码,年度,务工状态,务工所在地\n张大山,${HEAD}41,2020,已外出,浙江省杭州市\n`,
      'utf8',
    );
    const r = runLedgerCli(['import', file, '--into', 'migrant_work', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { records: { created: number } };
    expect(out.records.created).toBe(1);
  });
});
