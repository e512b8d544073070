// 无户籍人员: 已落户 ⇔ 落户日期, 其他 needs its 说明; 信访投诉: 办理状态 follows a blank from the 办结日期,
// 已办结 needs 办结日期, 办理结果 and a 核实结论.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { petitions, unregisteredPersons } from '../../../shared/ledgers/defs/household-registration.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('无户籍人员 check', () => {
  const settled: LedgerValues = {
    name: '李小军',
    birth_date: '2008-09-15',
    reason: '01',
    progress: '04',
    settle_date: '2020-04-10',
  };

  it('accepts a registered and a pending person', () => {
    expect(unregisteredPersons.check(settled)).toEqual([]);
    expect(unregisteredPersons.check({ name: '王小花', reason: '03', progress: '02' })).toEqual([]);
  });

  it('asks 已落户 for its 落户日期, and a 落户日期 for 已落户', () => {
    expect(fields(unregisteredPersons.check({ ...settled, settle_date: null }))).toEqual([
      'settle_date:error',
    ]);
    expect(fields(unregisteredPersons.check({ ...settled, progress: '03' }))).toEqual(['progress:error']);
  });

  it('refuses a 落户日期 before the 出生日期', () => {
    expect(fields(unregisteredPersons.check({ ...settled, settle_date: '2008-01-01' }))).toEqual([
      'settle_date:error',
    ]);
  });

  it('asks 其他 for its 原因说明 and warns about an ID on a pending person', () => {
    expect(fields(unregisteredPersons.check({ ...settled, reason: '99' }))).toEqual(['reason_note:error']);
    expect(
      fields(
        unregisteredPersons.check({
          name: '张三',
          reason: '09',
          progress: '03',
          new_id_number: '420102198507204567',
        }),
      ),
    ).toEqual(['progress:warning']);
  });
});

describe('信访投诉', () => {
  const closed: LedgerValues = {
    source: '03',
    petition_date: '2020-03-02',
    content: '优亲厚友',
    truth: '02',
    result: '已清退 1 户',
    status: '02',
    closed_date: '2020-03-20',
  };

  it('fills a blank 办理状态 from the 办结日期', () => {
    expect(petitions.derive({ ...closed, status: null })).toEqual({ status: '02' });
    expect(petitions.derive({ ...closed, status: null, closed_date: null })).toEqual({ status: '01' });
    expect(petitions.derive(closed)).toEqual({});
  });

  it('accepts a closed and an open petition', () => {
    expect(petitions.check(closed)).toEqual([]);
    expect(
      petitions.check({
        source: '02',
        petition_date: '2020-04-08',
        content: '补助未到位',
        truth: '04',
        status: '01',
      }),
    ).toEqual([]);
  });

  it('asks 已办结 for 办结日期, 办理结果 and a 核实结论', () => {
    expect(fields(petitions.check({ ...closed, closed_date: null }))).toEqual(['closed_date:error']);
    expect(fields(petitions.check({ ...closed, result: '' }))).toEqual(['result:error']);
    expect(fields(petitions.check({ ...closed, truth: '04' }))).toEqual(['truth:error']);
    expect(fields(petitions.check({ ...closed, truth: null }))).toEqual(['truth:error']);
  });

  it('refuses a 办结日期 on an open petition or before the 信访日期', () => {
    expect(fields(petitions.check({ ...closed, status: '01' }))).toEqual(['status:error']);
    expect(fields(petitions.check({ ...closed, closed_date: '2020-03-01' }))).toEqual(['closed_date:error']);
  });
});
