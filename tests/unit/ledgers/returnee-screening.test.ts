// 返乡外来人员排查: 期满日期 = 管控开始 + the county's 隔离期; isolation needs a start, 红码 and cases need
// isolation, and 解除 cannot come before the start.
import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { returneeScreening } from '../../../shared/ledgers/defs/returnee-screening.ts';

const ctxWith = (days: number): DeriveContext => ({
  countyCode: '420626',
  placeCode: () => null,
  setting: (key) => (key === 'quarantine_days' ? days : 0),
});
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('期满日期', () => {
  it('is the start plus the 隔离期 (14 days by default)', () => {
    expect(returneeScreening.settings).toEqual([
      { key: 'quarantine_days', label: '隔离期', default: 14, unit: '天' },
    ]);
    expect(returneeScreening.derive({ control_start: '2020-01-22' }, ctxWith(14))).toEqual({
      control_end: '2020-02-05',
    });
    expect(returneeScreening.derive({ control_start: '2020-02-20' }, ctxWith(14))).toEqual({
      control_end: '2020-03-05',
    });
    expect(returneeScreening.derive({ control_start: '2020-01-22' }, ctxWith(21))).toEqual({
      control_end: '2020-02-12',
    });
  });

  it('is cleared without a start', () => {
    expect(returneeScreening.derive({ control_start: null, control_end: '2020-02-05' }, ctxWith(14))).toEqual(
      { control_end: null },
    );
  });
});

describe('返乡外来人员排查 check', () => {
  const ok: LedgerValues = {
    from_place: '湖北省武汉市江岸区',
    return_date: '2020-01-22',
    health_code: '01',
    test_date: '2020-01-23',
    test_result: '01',
    control: '01',
    control_start: '2020-01-22',
    control_end: '2020-02-05',
    release_date: '2020-02-05',
    case_status: '01',
  };

  it('accepts a finished 居家隔离 and a plain 健康监测', () => {
    expect(returneeScreening.check(ok)).toEqual([]);
    expect(returneeScreening.check({ from_place: '深圳', return_date: '2020-02-10', control: '03' })).toEqual(
      [],
    );
  });

  it('asks isolation for its start', () => {
    expect(
      fields(returneeScreening.check({ ...ok, control: '02', control_start: null, control_end: null })),
    ).toEqual(['control_start:error']);
  });

  it('refuses a 红码 or a case without isolation', () => {
    expect(fields(returneeScreening.check({ ...ok, health_code: '03', control: '03' }))).toEqual([
      'control:error',
    ]);
    expect(fields(returneeScreening.check({ ...ok, case_status: '02', control: '04' }))).toEqual([
      'control:error',
    ]);
    expect(returneeScreening.check({ ...ok, health_code: '03', case_status: '03', control: '02' })).toEqual(
      [],
    );
  });

  it('refuses a 解除日期 before the start or the return', () => {
    expect(fields(returneeScreening.check({ ...ok, release_date: '2020-01-21' }))).toEqual([
      'release_date:error',
      'release_date:error',
      'release_date:warning',
    ]);
  });

  it('warns about an early release, a start before the return and a result without its date', () => {
    expect(fields(returneeScreening.check({ ...ok, release_date: '2020-02-01' }))).toEqual([
      'release_date:warning',
    ]);
    expect(
      fields(returneeScreening.check({ ...ok, control_start: '2020-01-20', control_end: '2020-02-03' })),
    ).toEqual(['control_start:warning']);
    expect(fields(returneeScreening.check({ ...ok, test_date: null }))).toEqual(['test_date:warning']);
  });
});
