// 帮扶责任人: 结束 not before 开始, 其他 needs its 说明, 驻村 people need their 派出单位; 走访记录:
// 是否发现问题 follows 发现问题, and a 两不愁三保障 gap must be written down as a problem.
import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { helpers, helperVisits } from '../../../shared/ledgers/defs/helpers.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('帮扶责任人 check', () => {
  const ok: LedgerValues = {
    name: '陈晓燕',
    role: '05',
    team_unit: '县财政局',
    start_date: '2019-03-01',
    days_on_duty: 220,
  };

  it('accepts a 第一书记 and a 县领导', () => {
    expect(helpers.check(ok)).toEqual([]);
    expect(helpers.check({ name: '李国强', role: '01', start_date: '2018-01-01' })).toEqual([]);
  });

  it('refuses a 结束日期 before the 开始日期', () => {
    expect(fields(helpers.check({ ...ok, end_date: '2019-01-01' }))).toEqual(['end_date:error']);
  });

  it('asks 其他 for its 说明', () => {
    expect(fields(helpers.check({ name: '某', role: '99' }))).toEqual(['role_note:error']);
    expect(helpers.check({ name: '某', role: '99', role_note: '产业指导员' })).toEqual([]);
  });

  it('warns about a 驻村 person without 派出单位 and 在岗天数 of someone not 驻村', () => {
    expect(fields(helpers.check({ ...ok, team_unit: null }))).toEqual(['team_unit:warning']);
    expect(fields(helpers.check({ name: '王磊', role: '04', days_on_duty: 30 }))).toEqual([
      'days_on_duty:warning',
    ]);
  });
});

describe('走访记录', () => {
  const ok: LedgerValues = {
    visit_date: '2020-03-05',
    visitor: '王磊',
    mode: '01',
    housing_ok: 0,
    problems: '厨房屋顶漏雨',
    fix_measures: '申请维修资金',
    fix_deadline: '2020-04-30',
  };

  it('derives 是否发现问题 from 发现问题', () => {
    expect(helperVisits.derive(ok)).toEqual({ has_problem: 1 });
    expect(helperVisits.derive({ ...ok, problems: '' })).toEqual({ has_problem: 0 });
    expect(helperVisits.derive({ ...ok, problems: null })).toEqual({ has_problem: 0 });
  });

  it('accepts a visit with its problem written down, and one with nothing found', () => {
    expect(helperVisits.check(ok)).toEqual([]);
    expect(
      helperVisits.check({ visit_date: '2020-02-20', visitor: '陈晓燕', mode: '02', food_clothing: 1 }),
    ).toEqual([]);
  });

  it('refuses a 两不愁三保障 gap without 发现问题', () => {
    expect(fields(helperVisits.check({ ...ok, problems: null, fix_measures: null }))).toEqual([
      'problems:error',
    ]);
    expect(fields(helperVisits.check({ visit_date: '2020-03-05', water_ok: 0 }))).toEqual(['problems:error']);
  });

  it('refuses a 整改时限 before the visit and asks a problem for its 整改措施', () => {
    expect(fields(helperVisits.check({ ...ok, fix_deadline: '2020-03-01' }))).toEqual(['fix_deadline:error']);
    expect(fields(helperVisits.check({ ...ok, fix_measures: '' }))).toEqual(['fix_measures:warning']);
  });
});
