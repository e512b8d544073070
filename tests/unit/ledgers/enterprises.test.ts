import { describe, expect, it } from 'vitest';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { enterpriseWorkers, enterprises } from '../../../shared/ledgers/defs/enterprises.ts';

const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('扶贫车间与经营主体 check', () => {
  const ok: LedgerValues = {
    name: '兴农服装扶贫车间',
    type: '01',
    employees: 30,
    poor_employees: 12,
    resume_status: '01',
    resume_date: '2020-03-02',
  };

  it('accepts a consistent record', () => {
    expect(enterprises.check(ok)).toEqual([]);
    expect(enterprises.check({ ...ok, credit_code: '91420626MA49C2XK3L' })).toEqual([]);
  });

  it('rejects more 贫困劳动力 than 用工总人数', () => {
    expect(fields(enterprises.check({ ...ok, poor_employees: 31 }))).toEqual(['poor_employees:error']);
  });

  it('warns about a malformed 统一社会信用代码', () => {
    expect(fields(enterprises.check({ ...ok, credit_code: '12345' }))).toEqual(['credit_code:warning']);
  });

  it('asks for 复工日期 once 复工', () => {
    expect(fields(enterprises.check({ ...ok, resume_status: '02', resume_date: null }))).toEqual([
      'resume_date:warning',
    ]);
    expect(enterprises.check({ ...ok, resume_status: '03', resume_date: null })).toEqual([]);
  });
});

describe('吸纳就业人员 check', () => {
  const ok: LedgerValues = { status: '01', hire_date: '2019-09-01', leave_date: null };

  it('accepts a worker on the job and one who left', () => {
    expect(enterpriseWorkers.check(ok)).toEqual([]);
    expect(enterpriseWorkers.check({ ...ok, status: '03', leave_date: '2020-08-31' })).toEqual([]);
  });

  it('rejects 离职日期 before 入职日期', () => {
    expect(fields(enterpriseWorkers.check({ ...ok, status: '03', leave_date: '2019-08-01' }))).toEqual([
      'leave_date:error',
    ]);
  });

  it('rejects a 离职日期 on a worker still 在岗 and asks one who left for it', () => {
    expect(fields(enterpriseWorkers.check({ ...ok, leave_date: '2020-06-30' }))).toEqual(['status:error']);
    expect(fields(enterpriseWorkers.check({ ...ok, status: '03' }))).toEqual(['leave_date:warning']);
  });
});
