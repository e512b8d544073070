import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { publicWelfareJobs as def } from '../../../shared/ledgers/defs/public-welfare-jobs.ts';

const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: () => 0 };
// Called as the machinery calls it (values and the county context).
const derive = (values: LedgerValues): LedgerValues => (def as LedgerDef).derive?.(values, ctx) ?? {};
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('公益性岗位 derive', () => {
  it('counts the months of a post within one year and pays 月补贴 × 月数', () => {
    expect(derive({ start_date: '2020-03-01', end_date: '2020-12-31', monthly_subsidy: 500 })).toEqual({
      months: 10,
      annual_paid: 5000,
    });
  });

  it('keeps typed 月数 and 年度发放', () => {
    expect(derive({ months: 3, monthly_subsidy: 1000, annual_paid: 2500 })).toEqual({});
    expect(derive({ months: 3, monthly_subsidy: 1000, annual_paid: null })).toEqual({
      annual_paid: 3000,
    });
  });

  it('leaves 月数 alone when the post spans two years or a date is missing', () => {
    expect(derive({ start_date: '2019-10-01', end_date: '2020-03-31', monthly_subsidy: 500 })).toEqual({});
    expect(derive({ start_date: '2020-10-01', monthly_subsidy: 500 })).toEqual({});
  });
});

describe('公益性岗位 check', () => {
  const ok: LedgerValues = {
    job_type: '01',
    start_date: '2020-03-01',
    end_date: '2020-12-31',
    months: 10,
    monthly_subsidy: 500,
    annual_paid: 5000,
  };

  it('accepts a consistent post', () => {
    expect(def.check(ok)).toEqual([]);
  });

  it('rejects 聘用结束日期 before the start', () => {
    expect(fields(def.check({ ...ok, end_date: '2020-02-01' }))).toEqual(['end_date:error']);
  });

  it('needs 其他岗位说明 for 其他', () => {
    expect(fields(def.check({ ...ok, job_type: '99' }))).toEqual(['job_type_note:error']);
    expect(def.check({ ...ok, job_type: '99', job_type_note: '村级图书室管理员' })).toEqual([]);
  });

  it('warns when 年度发放 exceeds 月补贴 × 月数', () => {
    expect(fields(def.check({ ...ok, annual_paid: 6000 }))).toEqual(['annual_paid:warning']);
  });
});
