// The allow-list behind the e2e scan of every page (tests/e2e/screen-words.ts): what it accepts and what
// it reports.
import { describe, expect, it } from 'vitest';
import { strayWords } from '../e2e/screen-words.ts';

describe('strayWords', () => {
  it.each([
    '共 2,000 户',
    '享受低保人数 58 人',
    '脱贫率 98.5%',
    '月收入 4,500 元',
    '第 3 页，共 12 页',
    '统计时间：2026年12月6日',
    '导入于 2026-12-06 10:05:03',
    '版本 0.1.0',
    'Enter 保存 · Esc 取消 · Tab 下一项',
    'Ctrl+Enter 保存',
    '选择 .xlsx、.xls 或 CSV 文件',
    '导出 PDF（A4 横向）',
    '可直接用 Excel 或 WPS 打开',
    '证件号码 341823********0633',
    '户 420626100101001',
    '文件不能超过 200 MB',
    '1,222',
    '92.9',
    '0',
    '姓名、证件号码（可只输后 4–6 位）',
    '如 19850307',
    'C级危房',
    '12317 举报',
    '备份到文件夹或U盘',
  ])('accepts “%s”', (text) => {
    expect(strayWords(text)).toEqual([]);
  });

  it.each([
    ['undefined 户', ['undefined']],
    ['共 NaN 户', ['NaN']],
    ['debug', ['debug']],
    ['null', ['null']],
    ['[object Object]', ['object', 'Object']],
    ['保洁 01', ['01']],
    ['01', ['01']],
    ['3 people', ['3', 'people']],
    ['14ad5d69-s3_members_gbk', ['14ad5d69', 's3', 'members', 'gbk']],
    ['浏览器模式 · version 0.1.0', ['version', '0', '1', '0']],
    ['对应方式 confidence 0.95', ['confidence', '0', '95']],
  ])('reports “%s”', (text, words) => {
    expect(strayWords(text)).toEqual(words);
  });
});
