import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { microCredit as def } from '../../../shared/ledgers/defs/micro-credit.ts';
import { addMonths } from '../../../shared/ledgers/ledger-helpers.ts';

const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: () => 0 };
// Called as the machinery calls it (values and the county context).
const derive = (values: LedgerValues): LedgerValues => (def as LedgerDef).derive?.(values, ctx) ?? {};
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('addMonths', () => {
  it('adds calendar months, falling back to the month end', () => {
    expect(addMonths('2019-04-10', 36)).toBe('2022-04-10');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
    expect(addMonths('2020-03-15', -3)).toBe('2019-12-15');
    expect(addMonths('2020-3-15', 1)).toBeNull();
    expect(addMonths(null, 1)).toBeNull();
  });
});

describe('扶贫小额信贷 derive', () => {
  it('fills 到期日期 from 发放日期 and 期限, and 余额', () => {
    expect(derive({ amount: 50_000, term_months: 36, loan_date: '2019-04-10', repaid: 10_000 })).toEqual({
      due_date: '2022-04-10',
      balance: 40_000,
      status: '01',
    });
  });

  it('keeps a typed 到期日期', () => {
    expect(
      derive({ amount: 30_000, term_months: 36, loan_date: '2020-01-15', due_date: '2022-01-15' }),
    ).not.toHaveProperty('due_date');
  });

  it('derives 贷款状态: 结清 > 逾期 > 续贷展期 > 正常', () => {
    const base: LedgerValues = { amount: 30_000 };
    expect(derive({ ...base, repaid: 30_000, overdue_amount: 100 })).toMatchObject({
      balance: 0,
      status: '02',
    });
    expect(derive({ ...base, overdue_amount: 5_000, extension_type: '02' }).status).toBe('03');
    expect(derive({ ...base, extension_type: '01' }).status).toBe('04');
    expect(derive(base)).toMatchObject({ balance: 30_000, status: '01' });
    expect(derive({})).toEqual({ balance: null, status: null });
  });
});

describe('扶贫小额信贷 check', () => {
  const ok: LedgerValues = {
    contract_no: 'XD2019-0415',
    amount: 50_000,
    term_months: 36,
    loan_date: '2019-04-10',
    due_date: '2022-04-10',
    repaid: 10_000,
  };

  it('accepts a normal loan', () => {
    expect(def.check(ok)).toEqual([]);
  });

  it('rejects a 到期日期 before 发放 and more repaid than lent', () => {
    expect(fields(def.check({ ...ok, due_date: '2019-01-01' }))).toEqual(['due_date:error']);
    expect(fields(def.check({ ...ok, repaid: 60_000 }))).toEqual(['repaid:error']);
  });

  it('warns above 5 万元 and beyond 3 年', () => {
    expect(fields(def.check({ ...ok, amount: 80_000 }))).toEqual(['amount:warning']);
    expect(fields(def.check({ ...ok, term_months: 48 }))).toEqual(['term_months:warning']);
  });

  it('needs a later 新到期日期 for 续贷/展期', () => {
    expect(fields(def.check({ ...ok, extension_type: '02' }))).toEqual(['extension_due_date:error']);
    expect(fields(def.check({ ...ok, extension_type: '02', extension_due_date: '2022-04-10' }))).toEqual([
      'extension_due_date:error',
    ]);
    expect(def.check({ ...ok, extension_type: '02', extension_due_date: '2022-10-10' })).toEqual([]);
  });

  it('needs 逾期日期 for 逾期金额, within the 余额', () => {
    expect(fields(def.check({ ...ok, overdue_amount: 5_000 }))).toEqual(['overdue_date:error']);
    expect(def.check({ ...ok, overdue_amount: 5_000, overdue_date: '2020-05-20' })).toEqual([]);
    expect(fields(def.check({ ...ok, overdue_amount: 45_000, overdue_date: '2020-05-20' }))).toEqual([
      'overdue_amount:warning',
    ]);
  });

  it('asks what the epidemic changed for 受疫情影响 loans', () => {
    expect(fields(def.check({ ...ok, covid_affected: 1 }))).toEqual(['covid_affected:warning']);
    expect(
      def.check({ ...ok, covid_affected: 1, overdue_amount: 5_000, overdue_date: '2020-05-20' }),
    ).toEqual([]);
  });

  it('needs 贷款用途 for 其他 产业', () => {
    expect(fields(def.check({ ...ok, industry: '99' }))).toEqual(['purpose:error']);
  });
});
