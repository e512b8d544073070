// 一户一策帮扶计划: 风险 其他 needs its 说明, 签字 and 审核 not before 制定, a 制定日期 outside the 年度 (or the
// year before) is queried; 计划帮扶措施: a 已取消 measure needs the reason in 落实说明.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { householdPlanMeasures, householdPlans } from '../../../shared/ledgers/defs/household-plans.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('一户一策帮扶计划 check', () => {
  const ok: LedgerValues = {
    year: 2021,
    labor_count: 2,
    risks: '01,09',
    plan_date: '2020-12-20',
    signed_date: '2020-12-22',
    reviewed_date: '2021-01-05',
  };

  it('accepts a plan drawn up in December for the next year', () => {
    expect(householdPlans.check(ok)).toEqual([]);
  });

  it('asks a 风险 “其他” for its 说明', () => {
    expect(fields(householdPlans.check({ ...ok, risks: '01,99' }))).toEqual(['risk_note:error']);
    expect(householdPlans.check({ ...ok, risks: '99', risk_note: '家中失火' })).toEqual([]);
  });

  it('refuses 签字 or 审核 before the plan was made', () => {
    expect(fields(householdPlans.check({ ...ok, signed_date: '2020-12-01' }))).toEqual(['signed_date:error']);
    expect(fields(householdPlans.check({ ...ok, reviewed_date: '2020-11-30' }))).toEqual([
      'reviewed_date:error',
    ]);
  });

  it('queries a 制定日期 that is neither in the 年度 nor the year before', () => {
    expect(
      fields(
        householdPlans.check({ ...ok, plan_date: '2019-06-01', signed_date: null, reviewed_date: null }),
      ),
    ).toEqual(['plan_date:warning']);
  });
});

describe('计划帮扶措施 check', () => {
  it('asks a 已取消 measure for its reason', () => {
    const cancelled: LedgerValues = { category: '09', measure: '申请小额信贷', progress: '04' };
    expect(fields(householdPlanMeasures.check(cancelled))).toEqual(['progress_note:error']);
    expect(householdPlanMeasures.check({ ...cancelled, progress_note: '户主不愿贷款' })).toEqual([]);
    expect(householdPlanMeasures.check({ ...cancelled, progress: '02' })).toEqual([]);
  });
});
