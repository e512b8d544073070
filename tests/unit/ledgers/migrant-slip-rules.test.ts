// 外出务工三联单: the number as a clerk types it (spaces, full-width digits, no dashes) in its one printed
// form, and the slip's dates in their order — 回执 and 到岗 not before 备案, 到岗 not before 外出, 回执 not
// before 到岗; a 回执 on a record never printed and a 体检 after 备案 are warnings.
import { describe, expect, it } from 'vitest';
import { migrantWork } from '../../../shared/ledgers/defs/migrant-work.ts';
import { checkLedgerValues } from '../../../shared/ledgers/index.ts';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { formatSlipSerial, parseSlipSerial, slipPrefix } from '../../../shared/migrant-slip-serial.ts';

describe('三联单编号', () => {
  it('is 乡镇代码后3位-年度-5位序号', () => {
    expect(slipPrefix('420626103000', 2026)).toBe('103-2026');
    expect(formatSlipSerial('103-2026', 42)).toBe('103-2026-00042');
  });

  it.each([
    ['103-2026-00042', '103-2026-00042'],
    [' 103 - 2026 - 00042 ', '103-2026-00042'],
    ['１０３－２０２６－０００４２', '103-2026-00042'],
    ['103—2026—00042', '103-2026-00042'],
    ['103202600042', '103-2026-00042'],
    ['编号：103-2026-00042', '103-2026-00042'],
  ])('reads %j', (typed, serial) => {
    expect(parseSlipSerial(typed)).toBe(serial);
  });

  it.each(['', '103-2026-42', '10-2026-00042', 'abc', '1032026000421'])('refuses %j', (typed) => {
    expect(parseSlipSerial(typed)).toBeNull();
  });
});

const base: LedgerValues = {
  year: 2026,
  status: '01',
  work_place: '广东省深圳市宝安区',
  slip_serial: '103-2026-00001',
  filed_date: '2026-03-01',
};
const errors = (v: LedgerValues) =>
  checkLedgerValues(migrantWork, { ...base, ...v })
    .filter((i) => i.level === 'error')
    .map((i) => [i.field, i.message]);
const warnings = (v: LedgerValues) =>
  checkLedgerValues(migrantWork, { ...base, ...v })
    .filter((i) => i.level === 'warning')
    .map((i) => [i.field, i.message]);

describe('三联单 dates', () => {
  it('accepts a slip whose dates are in order', () => {
    const ok = {
      health_check_date: '2026-02-27',
      start_date: '2026-03-02',
      arrival_date: '2026-03-03',
      receipt_date: '2026-03-10',
    };
    expect(errors(ok)).toEqual([]);
    expect(warnings(ok)).toEqual([]);
  });

  it('refuses 回执 or 到岗 before 备案', () => {
    expect(errors({ receipt_date: '2026-02-28' })).toEqual([['receipt_date', '回执日期不能早于备案日期']]);
    expect(errors({ arrival_date: '2026-02-28' })).toEqual([['arrival_date', '到岗日期不能早于备案日期']]);
  });

  it('refuses 到岗 before 外出 and 回执 before 到岗', () => {
    expect(errors({ start_date: '2026-03-05', arrival_date: '2026-03-04' })).toEqual([
      ['arrival_date', '到岗日期不能早于开始日期（外出时间）'],
    ]);
    expect(errors({ arrival_date: '2026-03-09', receipt_date: '2026-03-08' })).toEqual([
      ['receipt_date', '回执日期不能早于到岗日期：回执由用工单位在人员到岗后填写寄回'],
    ]);
  });

  it('warns of a 回执 on a record never printed, and of a 体检 after 备案', () => {
    expect(warnings({ slip_serial: null, receipt_date: '2026-03-10' })).toEqual([
      ['receipt_date', '这条记录还没有打印三联单（没有三联单编号）：回执应按三联单编号登记'],
    ]);
    expect(warnings({ health_check_date: '2026-03-02' })).toEqual([
      ['health_check_date', '体检日期晚于备案日期：健康证明应在外出前开具'],
    ]);
  });
});
