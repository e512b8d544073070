// 治愈人员健康管理: 管理期满日期 = 出院 + the county's 管理期 (1 year); 出院 not before 确诊. 随访: 体温 and
// 症状 agree, 无 stands alone, 其他 needs its 说明.
import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { recoveredFollowups, recoveredHealth } from '../../../shared/ledgers/defs/recovered-health.ts';

const ctxWith = (years: number): DeriveContext => ({
  countyCode: '420626',
  placeCode: () => null,
  setting: (key) => (key === 'manage_years' ? years : 0),
});
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('管理期满日期', () => {
  it('is one year after 出院 by default, or the county setting', () => {
    expect(recoveredHealth.settings).toEqual([
      { key: 'manage_years', label: '健康管理期', default: 1, unit: '年' },
    ]);
    expect(recoveredHealth.derive({ discharge_date: '2020-02-25' }, ctxWith(1))).toEqual({
      manage_end: '2021-02-25',
    });
    expect(recoveredHealth.derive({ discharge_date: '2020-02-29' }, ctxWith(1))).toEqual({
      manage_end: '2021-02-28',
    });
    expect(recoveredHealth.derive({ discharge_date: '2020-02-25' }, ctxWith(2))).toEqual({
      manage_end: '2022-02-25',
    });
    expect(recoveredHealth.derive({ discharge_date: null }, ctxWith(1))).toEqual({ manage_end: null });
  });
});

describe('治愈人员健康管理 check', () => {
  it('refuses 出院 before 确诊', () => {
    expect(
      recoveredHealth.check({ case_type: '01', diagnosis_date: '2020-01-30', discharge_date: '2020-02-25' }),
    ).toEqual([]);
    expect(
      fields(
        recoveredHealth.check({
          case_type: '01',
          diagnosis_date: '2020-03-10',
          discharge_date: '2020-03-01',
        }),
      ),
    ).toEqual(['discharge_date:error']);
  });
});

describe('随访记录 check', () => {
  const ok: LedgerValues = {
    followup_date: '2020-03-10',
    temperature: 36.5,
    symptoms: '01',
    test_result: '01',
  };

  it('accepts a plain follow-up and several symptoms', () => {
    expect(recoveredFollowups.check(ok)).toEqual([]);
    expect(recoveredFollowups.check({ ...ok, temperature: 37.8, symptoms: '02,03' })).toEqual([]);
  });

  it('refuses 无 with another symptom', () => {
    expect(fields(recoveredFollowups.check({ ...ok, symptoms: '01,03' }))).toEqual(['symptoms:error']);
  });

  it('asks 其他 for its 症状说明', () => {
    expect(fields(recoveredFollowups.check({ ...ok, symptoms: '99' }))).toEqual(['symptom_note:error']);
    expect(recoveredFollowups.check({ ...ok, symptoms: '99', symptom_note: '头晕' })).toEqual([]);
  });

  it('warns about a fever without 发热 and a positive test without 处置', () => {
    expect(fields(recoveredFollowups.check({ ...ok, temperature: 37.3 }))).toEqual(['symptoms:warning']);
    expect(fields(recoveredFollowups.check({ ...ok, test_result: '02' }))).toEqual(['remark:warning']);
  });
});
