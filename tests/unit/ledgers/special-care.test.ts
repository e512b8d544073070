// 特殊困难群体关爱: a 留守儿童 needs a 监护人, 其他 its 说明; 走访探视: 已解决 needs its 解决情况.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { careVisits, specialCare } from '../../../shared/ledgers/defs/special-care.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('特殊困难群体关爱 check', () => {
  const ok: LedgerValues = {
    categories: '01',
    guardian_name: '张秀兰',
    guardian_phone: '13907106666',
    guardian_relation: '02',
  };

  it('accepts a 留守儿童 with a 监护人 and a 留守老人 without one', () => {
    expect(specialCare.check(ok)).toEqual([]);
    expect(specialCare.check({ categories: '03,05' })).toEqual([]);
  });

  it('refuses a 留守儿童 without 监护人, also among other categories', () => {
    expect(fields(specialCare.check({ categories: '01' }))).toEqual(['guardian_name:error']);
    expect(fields(specialCare.check({ categories: '01,05' }))).toEqual(['guardian_name:error']);
  });

  it('asks 其他 for its 类别说明', () => {
    expect(fields(specialCare.check({ categories: '02,99' }))).toEqual(['category_note:error']);
    expect(specialCare.check({ categories: '99', category_note: '困境儿童' })).toEqual([]);
  });

  it('warns about a phone without a name', () => {
    expect(fields(specialCare.check({ categories: '03', guardian_phone: '13907107777' }))).toEqual([
      'guardian_name:warning',
    ]);
  });
});

describe('关爱走访探视 check', () => {
  const ok: LedgerValues = {
    visit_date: '2020-02-18',
    visitor: '李娟',
    needs: '代购降压药',
    resolved: 1,
    resolution: '已代购',
  };

  it('accepts a resolved and an open need', () => {
    expect(careVisits.check(ok)).toEqual([]);
    expect(careVisits.check({ ...ok, resolved: 0, resolution: null })).toEqual([]);
    expect(careVisits.check({ visit_date: '2020-02-18', visitor: '李娟' })).toEqual([]);
  });

  it('refuses 已解决 without 解决情况', () => {
    expect(fields(careVisits.check({ ...ok, resolution: '' }))).toEqual(['resolution:error']);
  });

  it('warns about 是否解决 without a need', () => {
    expect(fields(careVisits.check({ ...ok, needs: null }))).toEqual(['needs:warning']);
  });
});
