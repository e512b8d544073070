// Places as written, on 保康县's official tree: 店垭镇 holds both 老街村委会 and 老街社区居委会, 马良镇 both
// 马良街村委会 and 马良街社区居委会, 黄堡镇 a 黄堡村委会. Each name as written is its own place; only a name
// that truly fits several is ambiguous, and then each candidate is named with its township.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoMapColumns, type SourceColumn } from '../../shared/import/map-columns.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import type { ImportTable } from '../../main/core/import/import-types.ts';
import { TableRows } from '../../main/core/import/table-rows.ts';
import { parseRows } from '../../main/core/import/parse-rows.ts';
import { PlaceResolver } from '../../main/core/import/place-resolver.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';

let c: TestClient;
beforeEach(async () => {
  c = await openCountyLedger();
});
afterEach(async () => {
  await c.close();
});

const node = async (name: string) => {
  const found = (await c.ok('regions.tree', {})).find((n) => n.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const village = (code: string) => {
  const r = new PlaceResolver(c.core.ledger).resolve(null, code, null, null);
  return r.ok ? r.villageCode : r.message;
};

describe('village names as written', () => {
  it('老街村 and 老街社区 (one township) are each their own place, with or without 委会', async () => {
    const cun = (await node('老街村委会')).code;
    const shequ = (await node('老街社区居委会')).code;
    expect(village('老街村')).toBe(cun);
    expect(village('老街村委会')).toBe(cun);
    expect(village('老街社区')).toBe(shequ);
    expect(village('老街社区居委会')).toBe(shequ);
    expect(village('老街居委会')).toBe(shequ);
    expect(village('马良街村')).toBe((await node('马良街村委会')).code);
    expect(village('马良街社区')).toBe((await node('马良街社区居委会')).code);
    // Without its kind the name fits both: the message names each and how to tell them apart.
    expect(village('老街')).toBe(
      '村“老街”不止一个：店垭镇 老街社区居委会、店垭镇 老街村委会。请写全村名（“老街社区”或“老街村”）',
    );
  });

  it('a name truly in two townships names each candidate with its township', async () => {
    // 城关镇 gets a 老街村 too (as a clerk renames a village).
    await c.ok('regions.rename', { code: (await node('东坡村委会')).code, name: '老街村委会' });
    expect(village('老街村')).toBe(
      '村“老街村”不止一个：城关镇 老街村委会、店垭镇 老街村委会。请在文件中加上乡镇列，或在导入时选择乡镇',
    );
    const r = new PlaceResolver(c.core.ledger).resolve('店垭镇', '老街村', null, null);
    expect(r.ok && r.villageCode).toBe('420626104211');
  });
});

const letters = 'ABCDEFGHIJ';
const columnsOf = (headers: string[]): SourceColumn[] =>
  headers.map((h, i) => ({ index: i, letter: letters[i] ?? '?', name: h, leaf: h }));
const head = makeIdNumber('420626', '1968-04-02', 15);
const wife = makeIdNumber('420626', '1970-10-09', 26);

function parse(title: string, headers: string[], rows: string[][], regionCode: string | null = null) {
  const table: ImportTable = {
    fileName: '花名册.xlsx',
    sheet: 'Sheet1',
    rows: TableRows.from(rows.map((cells, i) => ({ row: 4 + i, cells }))),
    skipped: [],
    title,
  };
  return parseRows(
    table,
    { mapping: autoMapColumns(columnsOf(headers)), regionCode },
    new PlaceResolver(c.core.ledger),
  );
}

describe('places named in the title', () => {
  it('黄堡镇大竹园村… names 大竹园村 (the township’s own name is not read as 黄堡村)', async () => {
    const parsed = parse(
      '黄堡镇大竹园村建档立卡贫困人口花名册',
      ['户编号', '姓名', '证件号码', '与户主关系'],
      [
        ['D01', '张大山', head, '户主'],
        ['D01', '李小花', wife, '配偶'],
      ],
    );
    expect(parsed.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(parsed.regionCode).toBe((await node('大竹园村委会')).code);
    expect(parsed.households[0]?.villageCode).toBe((await node('大竹园村委会')).code);
    // …and a title naming only 黄堡村 still means 黄堡村.
    expect(parse('黄堡镇黄堡村花名册', ['户编号', '姓名', '证件号码', '与户主关系'], []).regionCode).toBe(
      (await node('黄堡村委会')).code,
    );
  });

  it('a township named in the title narrows the search for the 村 column’s names', async () => {
    await c.ok('regions.rename', { code: (await node('东坡村委会')).code, name: '老街村委会' });
    const rows = [
      ['D01', '张大山', head, '户主', '老街村'],
      ['D01', '李小花', wife, '配偶', '老街村'],
    ];
    const headers = ['户编号', '姓名', '证件号码', '与户主关系', '村'];
    const parsed = parse('店垭镇脱贫户花名册', headers, rows);
    expect(parsed.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(parsed.households[0]?.villageCode).toBe('420626104211');
    const untitled = parse('脱贫户花名册', headers, rows);
    expect(untitled.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('城关镇 老街村委会、店垭镇 老街村委会'),
    ]);
  });
});

describe('a 乡镇 chosen as 所属村/组 (本乡镇 by default)', () => {
  const headers = ['户编号', '姓名', '证件号码', '与户主关系'];
  const rows = [
    ['D01', '张大山', head, '户主'],
    ['D01', '李小花', wife, '配偶'],
  ];

  it('lets the title name the village within that township', async () => {
    const huangbao = (await node('黄堡镇')).code;
    const parsed = parse('大竹园村建档立卡贫困人口花名册', headers, rows, huangbao);
    expect(parsed.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(parsed.households[0]?.villageCode).toBe((await node('大竹园村委会')).code);
  });

  it('does not place a file in another township’s village its title names', async () => {
    const chengguan = (await node('城关镇')).code;
    const parsed = parse('大竹园村花名册', headers, rows, chengguan);
    expect(parsed.households).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual(['文件中没有村列，标题和工作表名也看不出是哪个村']);
  });

  it('looks for the 村 column’s names in that township only', async () => {
    await c.ok('regions.rename', { code: (await node('东坡村委会')).code, name: '老街村委会' });
    const withVillage = rows.map((r) => [...r, '老街村']);
    const parsed = parse('脱贫户花名册', [...headers, '村'], withVillage, (await node('店垭镇')).code);
    expect(parsed.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(parsed.households[0]?.villageCode).toBe('420626104211');
  });
});
