// 问题排查整改: 已销号 needs 销号日期 and 销号人, a 销号日期 needs 已销号, dates in order.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { rectification } from '../../../shared/ledgers/defs/rectification.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('问题排查整改 check', () => {
  const closed: LedgerValues = {
    source: '01',
    category: '05',
    description: '三组 6 户季节性缺水',
    found_date: '2020-01-10',
    deadline: '2020-05-31',
    status: '03',
    closed_date: '2020-05-20',
    closed_by: '王主任',
    evidence: '验收单、照片',
  };

  it('accepts a closed problem and one still open', () => {
    expect(rectification.check(closed)).toEqual([]);
    expect(
      rectification.check({ source: '03', description: '人口不一致', status: '02', deadline: '2020-04-30' }),
    ).toEqual([]);
  });

  it('asks 已销号 for 销号日期 and 销号人', () => {
    expect(fields(rectification.check({ ...closed, closed_date: null }))).toEqual(['closed_date:error']);
    expect(fields(rectification.check({ ...closed, closed_by: '' }))).toEqual(['closed_by:error']);
    expect(fields(rectification.check({ ...closed, closed_date: null, closed_by: null }))).toEqual([
      'closed_date:error',
      'closed_by:error',
    ]);
  });

  it('refuses a 销号日期 on an open problem', () => {
    expect(fields(rectification.check({ ...closed, status: '02' }))).toEqual(['status:error']);
  });

  it('refuses dates before the 发现日期', () => {
    expect(fields(rectification.check({ ...closed, deadline: '2020-01-01' }))).toEqual([
      'deadline:error',
      'closed_date:warning',
    ]);
    expect(fields(rectification.check({ ...closed, closed_date: '2020-01-05' }))).toEqual([
      'closed_date:error',
    ]);
  });

  it('asks 其他 for its 类别说明', () => {
    expect(fields(rectification.check({ ...closed, category: '99' }))).toEqual(['category_note:error']);
  });

  it('warns about a late 销号 and a 销号 without 佐证材料', () => {
    expect(fields(rectification.check({ ...closed, closed_date: '2020-06-10' }))).toEqual([
      'closed_date:warning',
    ]);
    expect(fields(rectification.check({ ...closed, evidence: null }))).toEqual(['evidence:warning']);
  });
});
