// Workbooks built in code, shaped like the files clerks receive.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempDir } from './temp-ledger.ts';

XLSX.set_fs(fs);

export interface RosterOptions {
  /** Break one ID's check digit on this member index. */
  badIdAt?: number;
  households?: number;
  bookType?: 'xlsx' | 'xls' | 'ods';
}

/** A village roster: title row, 2-row merged header, household columns merged down, 合计 and signature rows. */
export function villageRoster(options: RosterOptions = {}): { file: string; ids: string[] } {
  const households = options.households ?? 3;
  const aoa: (string | number)[][] = [
    ['城关镇光千社区建档立卡贫困户花名册'],
    ['填报单位：城关镇光千社区', '', '', '', '', '', '填报日期：2020-03-01'],
    ['户编号', '户主姓名', '家庭成员', '', '', '', '贫困户属性'],
    ['', '', '姓名', '性别', '身份证号', '与户主关系', ''],
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 6 } },
    { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
    { s: { r: 2, c: 1 }, e: { r: 3, c: 1 } },
    { s: { r: 2, c: 2 }, e: { r: 2, c: 5 } },
    { s: { r: 2, c: 6 }, e: { r: 3, c: 6 } },
  ];
  const ids: string[] = [];
  let member = 0;
  for (let h = 0; h < households; h++) {
    const start = aoa.length;
    const head = makeIdNumber('420626', `19${60 + h}-0${(h % 9) + 1}-1${h % 9}`, 11 + 2 * h);
    const wife = makeIdNumber('420626', `19${62 + h}-0${(h % 9) + 1}-2${h % 9}`, 20 + 2 * h);
    const rows = [
      [
        `GQ${String(h + 1).padStart(3, '0')}`,
        `户主${h}`,
        `户主${h}`,
        '男',
        head,
        '户主',
        h % 2 ? '低保贫困户' : '一般贫困户',
      ],
      ['', '', `配偶${h}`, '女', wife, '配偶', ''],
    ];
    for (const r of rows) {
      let id = String(r[4]);
      if (options.badIdAt === member) id = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
      r[4] = id;
      ids.push(id);
      member += 1;
      aoa.push(r);
    }
    for (const c of [0, 1, 6]) merges.push({ s: { r: start, c }, e: { r: start + 1, c } });
  }
  aoa.push(['合计', `${households}户`, `${member}人`]);
  aoa.push(['填表人：王文书', '', '审核人：', '', '联系电话：']);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  const ext = options.bookType ?? 'xlsx';
  const file = path.join(tempDir('roster-'), `光千社区花名册.${ext}`);
  XLSX.writeFile(wb, file, { bookType: ext, compression: true });
  return { file, ids };
}
