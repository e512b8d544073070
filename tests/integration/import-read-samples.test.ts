// The shared sample files (../shared/samples beside the checkout) through the first import stages: read, locate the
// header, fill down and classify. Skipped with a message when the samples folder is not present.
import { describe, expect, it } from 'vitest';
import { listSheets, readSheet } from '../../main/core/import/read/index.ts';
import { knownHeaderNames, locateHeader } from '../../main/core/import/read/locate-header.ts';
import { SAMPLES_DIR, differencesFromSheetJs, hasSamples, sample } from '../fixtures/workbooks.ts';
import { classify } from '../helpers/sheet-data.ts';
import { skipWithout } from '../helpers/tools.ts';

const present = hasSamples();
if (!present) console.warn(`跳过样例文件测试：找不到 ${SAMPLES_DIR}`);

const KNOWN = knownHeaderNames();

/** Read, header, classify; `read` is the sheet as read (classifying fills merged cells down in `data`). */
async function pipeline(name: string) {
  const data = await readSheet(sample(name), null);
  const read = data.rows.toArrays();
  const header = locateHeader(data, KNOWN);
  return { data, read, header, classified: classify(data, header) };
}

describe.skipIf(skipWithout(present, 'the shared samples (../shared/samples)'))('shared samples', () => {
  it('s1: village roster with title, merged 2-row header, merged household columns, 合计 and signatures', async () => {
    const { data, read, header, classified } = await pipeline('s1_village_roster_merged.xlsx');
    expect(
      differencesFromSheetJs(sample('s1_village_roster_merged.xlsx'), { sheet: data.sheet, rows: read }),
    ).toEqual([]);
    expect(header.headerRows).toEqual([2, 3]);
    expect(header.title).toBe('泾县榔桥镇黄田村建档立卡贫困人口花名册');
    expect({ ...header.meta }).toEqual({ 统计时间: '2020年2月' });
    expect(header.columns.find((c) => c.letter === 'H')).toEqual({
      index: 7,
      letter: 'H',
      name: '家庭成员情况/公民身份号码',
      leaf: '公民身份号码',
    });
    expect(classified.rows).toHaveLength(45);
    expect(classified.skipped).toEqual([
      { row: 50, reason: '合计行' },
      { row: 51, reason: '表尾签字行' },
    ]);
    // Row 6 is a member row: its household columns come from the merge above.
    const row6 = classified.rows.find((r) => r.row === 6);
    expect(row6?.cells.slice(0, 5)).toEqual(['1', '1组', '何艳兰', '3', '金梅翠']);
    // The reader keeps the ID with an inner space as it is (normalising is a later stage).
    expect(classified.rows.find((r) => r.row === 19)?.cells[7]).toBe('341823 19570608207X');
  });

  it('s2: national export with the header on row 3 and an ID stored as a number', async () => {
    const { data, read, header, classified } = await pipeline('s2_national_member_export.xlsx');
    expect(
      differencesFromSheetJs(sample('s2_national_member_export.xlsx'), { sheet: data.sheet, rows: read }),
    ).toEqual([]);
    expect(header.headerRows).toEqual([2]);
    expect(header.title).toBe('（自定义）建档立卡人口信息');
    expect({ ...header.meta }).toEqual({ 导出时间: '2020-02-28' });
    expect(classified.rows).toHaveLength(89);
    expect(classified.skipped).toEqual([]);
    const row9 = classified.rows.find((r) => r.row === 9);
    // Excel shows 3.41823E+17; the file stores all the digits it kept.
    expect(row9?.cells[9]).toBe('341823197602010000');
  });

  it('s3: GBK CSV', async () => {
    const { data, header, classified } = await pipeline('s3_members_gbk.csv');
    expect(data.sheet).toBe('s3_members_gbk');
    expect(header.headerRows).toEqual([0]);
    expect(header.columns.map((c) => c.name)).toEqual([
      '户编号',
      '姓名',
      '性别',
      '出生日期',
      '证件号码',
      '与户主关系',
      '文化程度',
      '健康状况',
      '劳动技能',
    ]);
    expect(classified.rows).toHaveLength(55);
    expect(classified.rows[0]?.cells.slice(0, 5)).toEqual([
      '3418230000000901',
      '马敏翠',
      '男',
      '1973/10/07',
      '341823197310070258',
    ]);
    expect(classified.rows.some((r) => r.cells[7] === '残疾,长期慢性病')).toBe(true);
  });

  it('s4: the legacy .xls of the s1 roster reads the same as the .xlsx', async () => {
    const xls = await pipeline('s4_village_roster_legacy.xls');
    const xlsx = await pipeline('s1_village_roster_merged.xlsx');
    expect(xls.data.rows.toArrays()).toEqual(xlsx.data.rows.toArrays());
    expect(xls.data.merges).toEqual(expect.arrayContaining(xlsx.data.merges));
    expect(xls.classified).toEqual(xlsx.classified);
  });

  it('s5: migrant-work ledger with a title and a units line', async () => {
    const { data, read, header, classified } = await pipeline('s5_migrant_work_ledger.xlsx');
    expect(
      differencesFromSheetJs(sample('s5_migrant_work_ledger.xlsx'), { sheet: data.sheet, rows: read }),
    ).toEqual([]);
    expect(header.title).toBe('黄田村贫困劳动力外出务工台账');
    expect({ ...header.meta }).toEqual({ 单位: '元' });
    expect(header.headerRows).toEqual([2]);
    expect(classified.rows).toHaveLength(28);
  });

  it('lists the sheets of every sample', async () => {
    expect(await listSheets(sample('s1_village_roster_merged.xlsx'))).toEqual([
      { name: '黄田村', rowCount: 51, hidden: false },
    ]);
    expect(await listSheets(sample('s2_national_member_export.xlsx'))).toEqual([
      { name: 'Sheet1', rowCount: 92, hidden: false },
    ]);
    expect(await listSheets(sample('s3_members_gbk.csv'))).toEqual([
      { name: 's3_members_gbk', rowCount: null, hidden: false },
    ]);
    expect(await listSheets(sample('s4_village_roster_legacy.xls'))).toEqual([
      { name: '黄田村', rowCount: 51, hidden: false },
    ]);
    expect(await listSheets(sample('s5_migrant_work_ledger.xlsx'))).toEqual([
      { name: '外出务工', rowCount: 31, hidden: false },
    ]);
  });
});
