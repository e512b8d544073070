import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { relapseMonitoring as def } from '../../../shared/ledgers/defs/relapse-monitoring.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('返贫监测 check', () => {
  const monitored: LedgerValues = {
    category: '1',
    identified_date: '2020-06-15',
    identify_method: '02',
    risks: '01,09',
    aid_health: '02',
    eliminated: 0,
  };
  const eliminated: LedgerValues = {
    ...monitored,
    eliminated: 1,
    eliminate_method: '01',
    eliminated_date: '2020-11-20',
  };

  it('accepts a monitored and an eliminated household', () => {
    expect(def.check(monitored)).toEqual([]);
    expect(def.check(eliminated)).toEqual([]);
  });

  it('needs 消除方式 and 消除时间 once the risk is eliminated', () => {
    expect(fields(def.check({ ...eliminated, eliminate_method: null }))).toEqual(['eliminate_method:error']);
    expect(fields(def.check({ ...eliminated, eliminated_date: null }))).toEqual(['eliminated_date:error']);
  });

  it('rejects 消除时间 before 识别监测时间', () => {
    expect(fields(def.check({ ...eliminated, eliminated_date: '2020-05-01' }))).toEqual([
      'eliminated_date:error',
    ]);
  });

  it('warns when 消除 is filled but the risk is not eliminated', () => {
    expect(fields(def.check({ ...monitored, eliminate_method: '02' }))).toEqual(['eliminated:warning']);
  });

  it('warns about 帮扶消除 without any 帮扶措施', () => {
    expect(fields(def.check({ ...eliminated, aid_health: null }))).toEqual(['eliminate_method:warning']);
    expect(def.check({ ...eliminated, aid_health: null, eliminate_method: '02' })).toEqual([]);
  });

  it('needs a 说明 for an 其他 risk', () => {
    expect(fields(def.check({ ...monitored, risks: '07,99' }))).toEqual(['risk_note:error']);
    expect(def.check({ ...monitored, risks: '07,99', risk_note: '主要劳动力受伤' })).toEqual([]);
  });

  it('needs 其他帮扶措施 for an 其他 in any coded 帮扶措施', () => {
    expect(fields(def.check({ ...monitored, aid_finance: '01,99' }))).toEqual(['aid_other:error']);
    expect(def.check({ ...monitored, aid_finance: '01,99', aid_other: '村集体经济分红' })).toEqual([]);
  });

  it('allows at most five risks', () => {
    expect(def.fields.find((f) => f.column === 'risks')).toMatchObject({ type: 'codes', maxItems: 5 });
  });
});
