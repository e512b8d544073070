// What the reader and the normaliser make of cells, whatever the file's format: an ID Excel stored as a
// number is refused with the same message from .xlsx, .xls and .ods (not a misleading check-digit or sex
// message), zero-padding formats are applied, and 出生年月 written as year and month takes its day from
// the 证件号码. Workbooks are built here with SheetJS (and by hand the way Excel writes big numbers).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookType, CellObject } from 'xlsx';
import { analyzeFile } from '../../main/core/import/analyze-file.ts';
import type { ImportIssue } from '../../main/core/import/import-types.ts';
import { readSheet } from '../../main/core/import/read/index.ts';
import { checkDigit, makeIdNumber } from '../../shared/id-number.ts';
import { openCountyLedger, openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  dateCell,
  hasSamples,
  rowXml,
  sample,
  tempDir,
  writeHandmadeXlsx,
  writeWorkbook,
  type Cell,
} from '../fixtures/workbooks.ts';
import { skipWithout } from '../helpers/tools.ts';

let dir: string;
let c: TestClient;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  c = await openCountyLedger();
});
afterEach(async () => {
  await c.close();
});
const at = (name: string): string => path.join(dir, name);
const num = (v: number, z?: string): CellObject => (z === undefined ? { t: 'n', v } : { t: 'n', v, z });

/** The 18-digit number Excel keeps of an ID typed into a number cell: 15 significant digits, then 000. */
const excelKept = (id: string): number => Number(`${id.slice(0, 15)}000`);

/**
 * A man's ID whose Excel-kept form still has a valid check digit: before, that number passed as a
 * woman's ID (17th digit 0) and the row got a spurious 性别与证件号码不一致.
 */
function idThatSurvivesTruncation(): string {
  for (let day = 1; day <= 28; day++) {
    const id = makeIdNumber('420626', `1980-05-${String(day).padStart(2, '0')}`, 111);
    const kept = `${id.slice(0, 15)}000`;
    if (checkDigit(kept.slice(0, 17)) === '0') return id;
  }
  throw new Error('no such ID in May 1980');
}

const HEADERS = ['乡镇', '村', '户编号', '姓名', '性别', '证件号码', '与户主关系', '出生年月'];
const head = makeIdNumber('420626', '1956-06-14', 11);
const lucky = idThatSurvivesTruncation();
const unlucky = makeIdNumber('420626', '1973-10-07', 24);

/** One household: the head's ID as text, two members' IDs as number cells. */
function numericIdRoster(): Cell[][] {
  return [
    ['光千社区建档立卡人口花名册'],
    HEADERS,
    ['城关镇', '光千社区', 'H001', '张大山', '男', head, '户主', '1956-06-14'],
    ['城关镇', '光千社区', 'H001', '张小山', '男', num(excelKept(lucky)), '之子', ''],
    // LibreOffice's .xls holds this double for 341823197310070000 (review 2026-12-06, finding 4).
    ['城关镇', '光千社区', 'H001', '张二山', '女', num(excelKept(unlucky) + 300), '之女', ''],
  ];
}

const idIssues = (issues: readonly ImportIssue[], row: number) =>
  issues.filter((i) => i.row === row && i.level === 'error').map((i) => i.message);

describe('an ID stored as a number', () => {
  const formats: BookType[] = ['xlsx', 'xls', 'ods'];
  for (const bookType of formats) {
    it(`gets the same message from .${bookType}, and no check-digit or sex message`, async () => {
      const file = writeWorkbook(
        at(`numeric-id.${bookType}`),
        [{ name: '花名册', rows: numericIdRoster() }],
        bookType,
      );
      const a = await analyzeFile(c.core.ledger, file);
      for (const row of [4, 5]) {
        const messages = idIssues(a.plan.issues, row);
        expect(messages, `${bookType} row ${row}`).toEqual([
          expect.stringMatching(/^证件号码被 Excel 存成了数字，后几位已丢失（表中现为 \d{15}000）/),
        ]);
      }
      expect(a.plan.issues.filter((i) => /校验|性别/.test(i.message))).toEqual([]);
      expect(idIssues(a.plan.issues, 3)).toEqual([]);
    });
  }

  it('gets it from an .xlsx as Excel writes it (3.4182319731007E+17)', async () => {
    const shown = excelKept(unlucky).toExponential().replace('e', 'E');
    const file = writeHandmadeXlsx(at('excel-written.xlsx'), [
      {
        name: '花名册',
        xml:
          rowXml(1, HEADERS) +
          rowXml(2, ['城关镇', '光千社区', 'H001', '张大山', '男', head, '户主', '1956-06-14']) +
          rowXml(3, ['城关镇', '光千社区', 'H001', '张二山', '女']).replace(
            '</row>',
            `<c r="F3"><v>${shown}</v></c><c r="G3" t="inlineStr"><is><t>之女</t></is></c></row>`,
          ),
      },
    ]);
    const a = await analyzeFile(c.core.ledger, file);
    expect(idIssues(a.plan.issues, 3)).toEqual([
      `证件号码被 Excel 存成了数字，后几位已丢失（表中现为 ${unlucky.slice(0, 15)}000）：请把该列设为文本，重新录入正确号码`,
    ]);
  });

  it('keeps a 15-digit old ID in a number cell: Excel holds all 15 digits', async () => {
    const old15 = `${head.slice(0, 6)}${head.slice(8, 17)}`;
    const rows = numericIdRoster().slice(0, 3);
    (rows[2] as Cell[])[5] = num(Number(old15));
    const a = await analyzeFile(
      c.core.ledger,
      writeWorkbook(at('old15.xls'), [{ name: '花名册', rows }], 'xls'),
    );
    expect(idIssues(a.plan.issues, 3)).toEqual([]);
    expect(a.parsed.households[0]?.persons[0]?.values.id_number).toBe(head);
  });

  it('refuses a 16-digit 户编号 stored as a number instead of merging households', async () => {
    const rows: Cell[][] = [
      HEADERS,
      ['城关镇', '光千社区', num(4206260000000501), '张大山', '男', head, '户主', '1956-06-14'],
    ];
    const a = await analyzeFile(
      c.core.ledger,
      writeWorkbook(at('household-no.xls'), [{ name: '花名册', rows }], 'xls'),
    );
    expect(idIssues(a.plan.issues, 2)).toEqual([
      '户编号被 Excel 存成了数字，后几位已丢失（表中现为 4206260000000500）：请把该列设为文本，重新录入正确号码',
    ]);
  });
});

describe('number formats', () => {
  it('reads a 000000-formatted number zero-padded from .xlsx, .xls and .ods', async () => {
    for (const bookType of ['xlsx', 'xls', 'ods'] as const) {
      const file = writeWorkbook(
        at(`padded.${bookType}`),
        [
          {
            name: 'S',
            rows: [
              ['组编号', '人数'],
              [num(12, '000000'), 3],
            ],
          },
        ],
        bookType,
      );
      const data = await readSheet(file, null);
      expect(data.rows.cells(1), bookType).toEqual(['000012', '3']);
      expect(data.rows.numberColumns(1), bookType).toEqual([0, 1]);
      expect(data.rows.numberColumns(0), bookType).toBeUndefined();
    }
  });
});

describe('出生年月 as villages write it', () => {
  const born = (date: string, seq: number) => makeIdNumber('420626', date, seq);
  const rows = (): Cell[][] => [
    HEADERS,
    ['城关镇', '光千社区', 'H001', '王一', '男', born('1985-03-15', 11), '户主', '1985.03'],
    ['城关镇', '光千社区', 'H001', '王二', '女', born('1986-03-20', 22), '配偶', '1986年3月'],
    ['城关镇', '光千社区', 'H001', '王三', '男', born('2010-07-09', 31), '之子', '201007'],
    ['城关镇', '光千社区', 'H001', '王四', '女', born('2012-03-30', 42), '之女', '2012-3'],
    // 2014.10 typed into a number cell: Excel keeps 2014.1.
    ['城关镇', '光千社区', 'H001', '王五', '男', born('2014-10-02', 51), '之子', num(2014.1)],
    // A date cell formatted as year and month: Excel shows 1960年5月, whatever day it holds.
    [
      '城关镇',
      '光千社区',
      'H001',
      '王六',
      '男',
      born('1960-05-21', 61),
      '之父',
      dateCell('1960-05-01', 'yyyy"年"m"月"'),
    ],
  ];

  it.each(['xlsx', 'xls', 'ods'] as const)(
    'takes the day from the 证件号码 when the months agree (.%s)',
    async (bookType) => {
      const a = await analyzeFile(
        c.core.ledger,
        writeWorkbook(at(`months.${bookType}`), [{ name: '花名册', rows: rows() }], bookType),
      );
      expect(a.plan.issues).toEqual([]);
      const births = a.parsed.households[0]?.persons.map((p) => p.values.birth_date);
      expect(births).toEqual([
        '1985-03-15',
        '1986-03-20',
        '2010-07-09',
        '2012-03-30',
        '2014-10-02',
        '1960-05-21',
      ]);
    },
  );

  it('refuses a month that disagrees with the 证件号码, naming both', async () => {
    const bad = rows();
    (bad[1] as Cell[])[7] = '1985.04';
    const a = await analyzeFile(
      c.core.ledger,
      writeWorkbook(at('month-wrong.xlsx'), [{ name: '花名册', rows: bad }]),
    );
    expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'H',
        message: '出生日期“1985.04”（1985 年 4 月）与证件号码中的出生日期 1985-03-15 不一致',
      }),
    ]);
  });

  it('without a birth date in the 证件号码 keeps the first of the month, with a warning', async () => {
    const placeholder = rows().slice(0, 2);
    (placeholder[1] as Cell[])[5] = '999999198503000011';
    const a = await analyzeFile(
      c.core.ledger,
      writeWorkbook(at('month-placeholder.xlsx'), [{ name: '花名册', rows: placeholder }]),
    );
    expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(a.plan.issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'H',
        level: 'warning',
        message: '出生日期“1985.03”只有年月，没有日，按 1985-03-01 记录',
      }),
    );
    expect(a.parsed.households[0]?.persons[0]?.values.birth_date).toBe('1985-03-01');
  });
});

describe.skipIf(skipWithout(hasSamples(), 'the shared samples (../shared/samples)'))(
  'shared samples (泾县)',
  () => {
    let jing: TestClient;
    beforeEach(async () => {
      jing = await openTestClient();
      await jing.ok('ledger.create', { countyCode: '341823' });
    });
    afterEach(async () => {
      await jing.close();
    });

    it('s2 row 9: the ID Excel stored as a number is refused with the clear message', async () => {
      const a = await analyzeFile(jing.core.ledger, sample('s2_national_member_export.xlsx'));
      expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([
        expect.objectContaining({
          row: 9,
          column: 'J',
          message:
            '证件号码被 Excel 存成了数字，后几位已丢失（表中现为 341823197602010000）：请把该列设为文本，重新录入正确号码',
        }),
      ]);
    });

    it('s4 (.xls) reads and checks like s1 (.xlsx)', async () => {
      const xls = await analyzeFile(jing.core.ledger, sample('s4_village_roster_legacy.xls'));
      const xlsx = await analyzeFile(jing.core.ledger, sample('s1_village_roster_merged.xlsx'));
      const cellsOf = (t: typeof xls.table) =>
        Array.from({ length: t.rows.length }, (_, i) => t.rows.cells(i));
      expect(cellsOf(xls.table)).toEqual(cellsOf(xlsx.table));
      const described = (issues: readonly ImportIssue[]) =>
        issues.map((i) => [i.row, i.column, i.level, i.message]);
      expect(described(xls.plan.issues)).toEqual(described(xlsx.plan.issues));
      // Only the wrong check digit planted in row 8.
      expect(xls.plan.issues.filter((i) => i.level === 'error')).toEqual([
        expect.objectContaining({ row: 8, column: 'H', message: expect.stringMatching(/未通过校验/) }),
      ]);
    });
  },
);
