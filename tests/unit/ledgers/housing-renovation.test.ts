import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { housingRenovation as def } from '../../../shared/ledgers/defs/housing-renovation.ts';

const settings: Record<string, number> = { subsidy_priority: 22_000, subsidy_general: 16_000 };
const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: (k) => settings[k] ?? 0 };
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('危房改造 derive', () => {
  it('fills 补助标准 from the county setting by 对象类别', () => {
    expect(def.derive({ target_category: '01', subsidy_standard: null }, ctx).subsidy_standard).toBe(22_000);
    expect(def.derive({ target_category: '04' }, ctx).subsidy_standard).toBe(22_000);
    expect(def.derive({ target_category: '05', subsidy_standard: '' }, ctx).subsidy_standard).toBe(16_000);
    // A category a county added later gets the general standard.
    expect(def.derive({ target_category: '06' }, ctx).subsidy_standard).toBe(16_000);
  });

  it('keeps a typed 补助标准 and leaves it blank without a category', () => {
    expect(def.derive({ target_category: '01', subsidy_standard: 18_000 }, ctx)).not.toHaveProperty(
      'subsidy_standard',
    );
    expect(def.derive({ target_category: null }, ctx)).not.toHaveProperty('subsidy_standard');
  });

  it('uses the declared defaults (2 万 / 1.5 万)', () => {
    const defaults = Object.fromEntries(def.settings.map((s) => [s.key, s.default]));
    expect(defaults).toEqual({ subsidy_priority: 20_000, subsidy_general: 15_000 });
  });

  it('sets 改造进度 from the latest date filled', () => {
    expect(def.derive({}, ctx).progress).toBe('01');
    expect(def.derive({ start_date: '2020-04-01' }, ctx).progress).toBe('02');
    expect(def.derive({ start_date: '2020-04-01', completion_date: '2020-07-15' }, ctx).progress).toBe('03');
    expect(
      def.derive(
        { start_date: '2020-04-01', completion_date: '2020-07-15', acceptance_date: '2020-08-01' },
        ctx,
      ).progress,
    ).toBe('04');
  });
});

describe('危房改造 check', () => {
  const ok: LedgerValues = {
    target_category: '01',
    danger_level: '02',
    appraisal_date: '2020-03-10',
    method: '02',
    start_date: '2020-04-01',
    completion_date: '2020-07-15',
    acceptance_date: '2020-08-01',
    subsidy_standard: 20_000,
    paid_amount: 20_000,
    paid_date: '2020-08-20',
    moved_in: 1,
  };

  it('accepts a finished renovation', () => {
    expect(def.check(ok)).toEqual([]);
  });

  it('rejects dates out of order', () => {
    expect(fields(def.check({ ...ok, start_date: '2020-03-01' }))).toEqual(['start_date:error']);
    expect(fields(def.check({ ...ok, completion_date: '2020-03-20' }))).toEqual(['completion_date:error']);
    expect(fields(def.check({ ...ok, acceptance_date: '2020-07-01' }))).toEqual(['acceptance_date:error']);
  });

  it('rejects a 竣工 without 开工 and a 验收 without 竣工', () => {
    expect(fields(def.check({ ...ok, start_date: null }))).toEqual(['start_date:error']);
    expect(fields(def.check({ ...ok, completion_date: null, moved_in: 0 }))).toEqual([
      'completion_date:error',
    ]);
  });

  it('needs a 说明 for 其他 改造方式', () => {
    expect(fields(def.check({ ...ok, method: '99' }))).toEqual(['method_note:error']);
  });

  it('warns about 拨付 above 补助标准, 拨付 without a date, and 入住 before 竣工', () => {
    expect(fields(def.check({ ...ok, paid_amount: 25_000 }))).toEqual(['paid_amount:warning']);
    expect(fields(def.check({ ...ok, paid_date: null }))).toEqual(['paid_date:warning']);
    expect(fields(def.check({ ...ok, completion_date: null, acceptance_date: null }))).toEqual([
      'moved_in:warning',
    ]);
  });
});
