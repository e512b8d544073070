import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { medicalInsurance as def } from '../../../shared/ledgers/defs/medical-insurance.ts';

const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: () => 0 };
// Called as the machinery calls it (values and the county context).
const derive = (values: LedgerValues): LedgerValues => (def as LedgerDef).derive?.(values, ctx) ?? {};
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('基本医疗 derive', () => {
  it('marks 大病保险 for the insured when left blank', () => {
    expect(derive({ insured: 1, critical_illness: null })).toEqual({ critical_illness: 1 });
    expect(derive({ insured: 1, critical_illness: 0 })).toEqual({});
    expect(derive({ insured: 0 })).toEqual({});
  });
});

describe('基本医疗 check', () => {
  const insured: LedgerValues = { year: 2020, insured: 1, subsidy_category: '03', subsidy_amount: 180 };

  it('accepts an insured person', () => {
    expect(def.check(insured)).toEqual([]);
  });

  it('needs a reason when not insured', () => {
    const issues = def.check({ year: 2020, insured: 0 });
    expect(fields(issues)).toEqual(['not_insured_reason:error']);
    expect(issues[0]?.message).toContain('不参保原因');
  });

  it('needs no reason for a person in 职工医保', () => {
    expect(def.check({ year: 2020, insured: 0, employee_insured: 1 })).toEqual([]);
  });

  it('asks for 证明材料 with a reason, and a 说明 for 其他', () => {
    expect(def.check({ year: 2020, insured: 0, not_insured_reason: '01', proof: '外地参保证明' })).toEqual(
      [],
    );
    expect(fields(def.check({ year: 2020, insured: 0, not_insured_reason: '04' }))).toEqual([
      'proof:warning',
    ]);
    expect(fields(def.check({ year: 2020, insured: 0, not_insured_reason: '99', proof: '说明' }))).toEqual([
      'reason_note:error',
    ]);
  });

  it('warns about a reason on an insured person and 资助 on 未资助', () => {
    expect(fields(def.check({ ...insured, not_insured_reason: '01', proof: 'x' }))).toEqual([
      'not_insured_reason:warning',
    ]);
    expect(fields(def.check({ ...insured, subsidy_category: '06' }))).toEqual(['subsidy_amount:warning']);
  });
});
