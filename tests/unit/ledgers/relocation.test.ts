// 易地扶贫搬迁: dates fill a blank 是否入住/是否拆除; 否 with a date, 复垦 without 拆旧 are refused.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { relocation } from '../../../shared/ledgers/defs/relocation.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('易地扶贫搬迁 derive', () => {
  it('sets a blank 是否入住 / 旧房是否拆除 from its date', () => {
    expect(relocation.derive({ move_in_date: '2019-10-01', demolish_date: '2020-03-15' })).toEqual({
      moved_in: 1,
      demolished: 1,
    });
    expect(relocation.derive({ moved_in: 0, move_in_date: '2019-10-01' })).toEqual({});
    expect(relocation.derive({})).toEqual({});
  });
});

describe('易地扶贫搬迁 check', () => {
  const ok: LedgerValues = {
    relocation_mode: '03',
    settlement_mode: '01',
    moved_in: 1,
    move_in_date: '2019-10-01',
    demolished: 1,
    demolish_date: '2020-03-15',
    reclaimed: 1,
    reclaim_area: 0.3,
  };

  it('accepts a household that moved in, pulled down and reclaimed', () => {
    expect(relocation.check(ok)).toEqual([]);
    expect(
      relocation.check({
        relocation_mode: '02',
        settlement_mode: '02',
        moved_in: 0,
        demolished: 0,
        reclaimed: 0,
      }),
    ).toEqual([]);
  });

  it('refuses dates on 否', () => {
    expect(fields(relocation.check({ ...ok, moved_in: 0 }))).toEqual([
      'moved_in:error',
      'demolished:warning',
    ]);
    expect(fields(relocation.check({ ...ok, demolished: 0, reclaimed: 0, reclaim_area: null }))).toEqual([
      'demolished:error',
    ]);
  });

  it('refuses 复垦 without 拆旧, and a 复垦面积 on 否', () => {
    expect(fields(relocation.check({ ...ok, demolished: 0, demolish_date: null }))).toEqual([
      'reclaimed:error',
    ]);
    expect(fields(relocation.check({ ...ok, reclaimed: 0 }))).toEqual(['reclaimed:error']);
    expect(relocation.check({ ...ok, reclaimed: 0, reclaim_area: 0 })).toEqual([]);
  });

  it('warns about pulling down before moving in', () => {
    expect(fields(relocation.check({ ...ok, demolish_date: '2019-05-01' }))).toEqual([
      'demolish_date:warning',
    ]);
  });
});
