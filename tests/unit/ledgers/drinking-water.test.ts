import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { drinkingWater as def } from '../../../shared/ledgers/defs/drinking-water.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('安全饮水 check', () => {
  const solved: LedgerValues = { solved: 1, source_type: '01', measure: '01', solved_date: '2020-06-30' };

  it('accepts a solved household and an unsolved one with its problems', () => {
    expect(def.check(solved)).toEqual([]);
    expect(def.check({ solved: 0, source_type: '05', problems: '01,04' })).toEqual([]);
  });

  it('needs 存在问题 while unsolved, and no 解决日期', () => {
    expect(fields(def.check({ solved: 0, source_type: '02' }))).toEqual(['problems:error']);
    expect(fields(def.check({ solved: 0, problems: '02', solved_date: '2020-06-30' }))).toEqual([
      'solved_date:error',
    ]);
  });

  it('needs notes for 其他 问题 and 其他 措施', () => {
    expect(fields(def.check({ solved: 0, problems: '01,99' }))).toEqual(['problem_note:error']);
    expect(fields(def.check({ ...solved, measure: '99' }))).toEqual(['measure_note:error']);
    expect(def.check({ ...solved, measure: '99', measure_note: '联户共用水井' })).toEqual([]);
  });

  it('warns when a solved household with a 措施 has no 解决日期', () => {
    expect(fields(def.check({ ...solved, solved_date: null }))).toEqual(['solved_date:warning']);
  });
});
