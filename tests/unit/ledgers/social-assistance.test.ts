// 低保特困与残疾: a blank 是否 flag follows its details, 否 with details and 是 without them are refused;
// 临时救助: 其他 needs its 说明 and something must have been given.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { basicAssistance, temporaryRelief } from '../../../shared/ledgers/defs/social-assistance.ts';
import { hasCode, isBlank, requireFilled } from '../../../shared/ledgers/ledger-helpers.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('低保特困与残疾 derive', () => {
  it('sets a blank flag from its details', () => {
    expect(basicAssistance.derive({ dibao: null, dibao_category: '02' })).toEqual({ dibao: 1 });
    expect(basicAssistance.derive({ tekun_mode: '01' })).toEqual({ tekun: 1 });
    expect(basicAssistance.derive({ disability_card_no: '42062619850720456742' })).toEqual({
      disabled: 1,
    });
  });

  it('leaves a flag the clerk filled, and a record without details, alone', () => {
    expect(basicAssistance.derive({ dibao: 0, dibao_category: '02' })).toEqual({});
    expect(basicAssistance.derive({ dibao: null, tekun: null, disabled: null })).toEqual({});
  });
});

describe('低保特困与残疾 check', () => {
  const ok: LedgerValues = {
    dibao: 1,
    dibao_category: '01',
    dibao_monthly: 480,
    tekun: 0,
    disabled: 1,
    disability_category: '04',
    disability_grade: '02',
    disability_card_no: '42062619850720456742',
    nursing_subsidy: 1,
  };

  it('accepts a consistent record', () => {
    expect(basicAssistance.check(ok)).toEqual([]);
    expect(basicAssistance.check({ tekun: 1, tekun_mode: '02' })).toEqual([]);
  });

  it('refuses 否 with details filled', () => {
    expect(fields(basicAssistance.check({ ...ok, dibao: 0 }))).toEqual(['dibao:error']);
    expect(
      fields(basicAssistance.check({ tekun: 0, tekun_monthly: 300, dibao: 1, dibao_category: '01' })),
    ).toEqual(['tekun:error']);
    expect(fields(basicAssistance.check({ ...ok, disabled: 0 }))).toEqual(['disabled:error']);
  });

  it('asks 是 for its 类别 (and 等级)', () => {
    expect(fields(basicAssistance.check({ ...ok, dibao_category: null }))).toEqual(['dibao_category:error']);
    expect(fields(basicAssistance.check({ tekun: 1 }))).toEqual(['tekun_mode:error']);
    expect(fields(basicAssistance.check({ ...ok, disability_category: null, disability_grade: '' }))).toEqual(
      ['disability_category:error', 'disability_grade:error'],
    );
  });

  it('warns about a malformed 残疾人证号 and 护理补贴 below 二级', () => {
    expect(fields(basicAssistance.check({ ...ok, disability_card_no: '12345' }))).toEqual([
      'disability_card_no:warning',
    ]);
    expect(basicAssistance.check({ ...ok, disability_card_no: '4206261985072045674211' })).toEqual([]);
    expect(fields(basicAssistance.check({ ...ok, disability_grade: '03' }))).toEqual([
      'nursing_subsidy:warning',
    ]);
  });

  it('warns when the person is none of 低保, 特困 and 残疾', () => {
    expect(fields(basicAssistance.check({ dibao: 0, tekun: 0, disabled: 0 }))).toEqual(['dibao:warning']);
  });
});

describe('临时救助 check', () => {
  const ok: LedgerValues = { relief_date: '2020-02-15', reason: '01', cash: 500 };

  it('accepts cash, goods or both', () => {
    expect(temporaryRelief.check(ok)).toEqual([]);
    expect(temporaryRelief.check({ ...ok, cash: null, rice: 10 })).toEqual([]);
    expect(temporaryRelief.check({ ...ok, cash: null, other_goods: '棉被 2 床' })).toEqual([]);
  });

  it('refuses a record that gave nothing', () => {
    expect(fields(temporaryRelief.check({ ...ok, cash: null }))).toEqual(['cash:error']);
    expect(fields(temporaryRelief.check({ ...ok, cash: 0, rice: 0 }))).toEqual(['cash:error']);
  });

  it('asks 其他 for its 原因说明', () => {
    expect(fields(temporaryRelief.check({ ...ok, reason: '99' }))).toEqual(['reason_note:error']);
    expect(temporaryRelief.check({ ...ok, reason: '99', reason_note: '房屋失火' })).toEqual([]);
  });
});

describe('ledger helpers', () => {
  it('isBlank, hasCode and requireFilled', () => {
    expect([null, undefined, '', 0, '0'].map(isBlank)).toEqual([true, true, true, false, false]);
    expect(hasCode({ c: '01,05' }, 'c', '05')).toBe(true);
    expect(hasCode({ c: '01,05' }, 'c', '0')).toBe(false);
    expect(hasCode({ c: null }, 'c', '01')).toBe(false);
    expect(requireFilled({ a: 'x', b: null }, ['a', 'b', 'c'], '缺', 'warning')).toEqual([
      { field: 'b', level: 'warning', message: '缺' },
      { field: 'c', level: 'warning', message: '缺' },
    ]);
  });
});
