import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { povertyProjects as def } from '../../../shared/ledgers/defs/poverty-projects.ts';

const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: () => 0 };
// Called as the machinery calls it (values and the county context).
const derive = (values: LedgerValues): LedgerValues => (def as LedgerDef).derive?.(values, ctx) ?? {};
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('扶贫项目库 derive', () => {
  it('adds up 资金合计 and 拨付率', () => {
    const v: LedgerValues = {
      fund_central: 500_000,
      fund_city_county: 150_000,
      fund_integrated: 300_000,
      paid_amount: 400_000,
      status: '02',
    };
    expect(derive(v)).toEqual({ fund_total: 950_000, paid_rate: 42.11 });
  });

  it('leaves 合计 and 拨付率 empty without any fund', () => {
    expect(derive({ status: '01' })).toEqual({ fund_total: null, paid_rate: null });
  });

  it('fills a blank 状态 from the actual dates', () => {
    expect(derive({ actual_start: '2020-04-10' }).status).toBe('02');
    expect(derive({ actual_start: '2020-04-10', actual_end: '2020-09-30' }).status).toBe('03');
    expect(derive({})).not.toHaveProperty('status');
    expect(derive({ status: '04', actual_start: '2020-04-10' })).not.toHaveProperty('status');
  });
});

describe('扶贫项目库 check', () => {
  const ok: LedgerValues = {
    project_no: 'XM2020-001',
    name: '村组道路硬化',
    type: '10',
    fund_central: 800_000,
    fund_province: 200_000,
    beneficiary_households: 156,
    beneficiary_persons: 612,
    beneficiary_poor_households: 48,
    beneficiary_poor_persons: 175,
    planned_start: '2020-03-01',
    planned_end: '2020-06-30',
    actual_start: '2020-03-15',
    actual_end: '2020-06-20',
    status: '03',
    paid_amount: 1_000_000,
  };

  it('accepts a finished project', () => {
    expect(def.check(ok)).toEqual([]);
  });

  it('rejects 完工 before 开工', () => {
    expect(fields(def.check({ ...ok, planned_end: '2020-02-01' }))).toEqual(['planned_end:error']);
    expect(fields(def.check({ ...ok, actual_end: '2020-03-01' }))).toEqual(['actual_end:error']);
    expect(fields(def.check({ ...ok, actual_start: null }))).toEqual([
      'actual_start:error',
      'actual_start:warning',
    ]);
  });

  it('checks 状态 against the dates', () => {
    expect(fields(def.check({ ...ok, actual_end: null }))).toEqual(['actual_end:warning']);
    expect(fields(def.check({ ...ok, status: '01', actual_end: null }))).toEqual(['status:error']);
  });

  it('rejects 拨付 above the funds and more 建档立卡 than 受益', () => {
    expect(fields(def.check({ ...ok, paid_amount: 1_000_001 }))).toEqual(['paid_amount:error']);
    expect(fields(def.check({ ...ok, beneficiary_poor_households: 200 }))).toEqual([
      'beneficiary_poor_households:error',
    ]);
    expect(fields(def.check({ ...ok, beneficiary_poor_persons: 700 }))).toEqual([
      'beneficiary_poor_persons:error',
    ]);
  });
});
