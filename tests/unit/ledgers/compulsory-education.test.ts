import { describe, expect, it } from 'vitest';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { compulsoryEducation, dropoutPersuasion } from '../../../shared/ledgers/defs/compulsory-education.ts';

const ctx: DeriveContext = { countyCode: '420626', placeCode: () => null, setting: () => 0 };
// Called as the machinery calls it (values and the county context).
const derive = (values: LedgerValues): LedgerValues =>
  (compulsoryEducation as LedgerDef).derive?.(values, ctx) ?? {};
const fields = (issues: { field: string | null; level: string }[]) =>
  issues.map((i) => `${i.field}:${i.level}`);

describe('义务教育控辍保学 derive', () => {
  it('counts a child with a 复学日期 as 劝返复学', () => {
    expect(derive({ return_date: '2020-03-02' })).toEqual({ returned: 1 });
    expect(derive({ return_date: null })).toEqual({ returned: 0 });
  });
});

describe('义务教育控辍保学 check', () => {
  const ok: LedgerValues = { school: '城关镇中心小学', grade: '04', attendance: '01' };

  it('accepts a pupil in school', () => {
    expect(compulsoryEducation.check(ok)).toEqual([]);
  });

  it('needs a 说明 for 其他', () => {
    expect(fields(compulsoryEducation.check({ ...ok, attendance: '99' }))).toEqual(['attendance_note:error']);
  });

  it('rejects 复学 before 辍学, and 辍学 with a 复学日期', () => {
    const back = { ...ok, dropout_date: '2020-03-01', return_date: '2020-02-01' };
    expect(fields(compulsoryEducation.check(back))).toEqual(['return_date:error']);
    const still = {
      ...ok,
      attendance: '02',
      dropout_reason: '03',
      dropout_date: '2020-03-01',
      return_date: '2020-05-01',
    };
    expect(fields(compulsoryEducation.check(still))).toEqual(['attendance:error']);
  });

  it('warns about a 辍学 without reason and a pupil without 学校', () => {
    expect(fields(compulsoryEducation.check({ attendance: '02', school: '县二中' }))).toEqual([
      'dropout_reason:warning',
    ]);
    expect(fields(compulsoryEducation.check({ ...ok, school: null }))).toEqual(['school:warning']);
    expect(compulsoryEducation.check({ attendance: '04' })).toEqual([]);
  });
});

describe('劝返记录 check', () => {
  it('needs 情况说明 for 其他 结果', () => {
    expect(dropoutPersuasion.check({ date: '2020-03-20', persuader: '张明', result: '01' })).toEqual([]);
    expect(fields(dropoutPersuasion.check({ date: '2020-03-20', persuader: '张明', result: '99' }))).toEqual([
      'situation:error',
    ]);
    expect(dropoutPersuasion.check({ result: '99', situation: '家长外出，未见到本人' })).toEqual([]);
  });
});
