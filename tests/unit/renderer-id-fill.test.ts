// A valid 证件号码 fills 性别 and 出生日期 in the member form (renderer/src/forms/id-fill.ts); a value the
// clerk chose himself stays, and the shared rule explains the disagreement in Chinese.
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { checkPerson } from '../../shared/rules/person-rules.ts';
import { idFill } from '../../renderer/src/forms/id-fill.ts';
import { parseDraftValue } from '../../renderer/src/lib/draft.ts';
import type { FieldDef } from '../../shared/fields/define.ts';

const WOMAN = makeIdNumber('110101', '1970-08-20', 902); // even 17th digit: 女
const MAN = makeIdNumber('110101', '1968-05-12', 901);
const NOTHING = { sex: '', birth_date: '' };

describe('idFill', () => {
  it('fills empty 性别 and 出生日期 from a valid 18-digit ID', () => {
    expect(idFill(WOMAN, { sex: '', birth_date: '' }, NOTHING)).toEqual({
      sex: '2',
      birth_date: '1970-08-20',
    });
  });

  it('fills nothing from a number that is not (yet) valid', () => {
    expect(idFill(WOMAN.slice(0, 17), { sex: '', birth_date: '' }, NOTHING)).toBeNull();
    expect(
      idFill(`${WOMAN.slice(0, 17)}${WOMAN.endsWith('1') ? '2' : '1'}`, { sex: '', birth_date: '' }, NOTHING),
    ).toBeNull();
  });

  it('replaces what an earlier number filled in (a corrected digit), not what the clerk chose', () => {
    const afterFirst = { sex: '2', birth_date: '1970-08-20' };
    expect(idFill(MAN, afterFirst, afterFirst)).toEqual({ sex: '1', birth_date: '1968-05-12' });
    // The clerk picked 女 himself and typed the date: both stay.
    expect(idFill(MAN, { sex: '2', birth_date: '1968-05-21' }, NOTHING)).toBeNull();
  });

  it('reads full-width digits and spaces like the rest of the form', () => {
    const wide = WOMAN.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(idFill(` ${wide} `, { sex: '', birth_date: '' }, NOTHING)).toEqual({
      sex: '2',
      birth_date: '1970-08-20',
    });
  });

  it('explains a disagreement in Chinese under the field', () => {
    const issues = checkPerson({
      name: '张三',
      id_number: WOMAN,
      sex: '1',
      birth_date: '1970-08-21',
      relation: '01',
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: 'sex',
        level: 'error',
        message: '证件号码显示为女，与所填性别“男”不符',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: 'birth_date',
        level: 'error',
        message: '证件号码显示出生日期为 1970-08-20，与所填的 1970-08-21 不符',
      }),
    );
  });
});

describe('money fields in forms', () => {
  const income: FieldDef = { column: 'monthly_income', label: '月收入（元）', type: 'decimal', min: 0 };
  it.each([
    ['4,500', 4500],
    ['4500元', 4500],
    ['0.45万', 4500],
    ['4 500', 4500],
    ['４５００', 4500],
  ])('reads %s as %s', (text, value) => expect(parseDraftValue(income, text)).toEqual({ value }));

  it('says how to write a number it cannot read', () => {
    expect(parseDraftValue(income, '四千五').issue?.message).toBe(
      '月收入（元）“四千五”不是数字（如 4500、4,500、4500元 或 0.45万）',
    );
  });
});
