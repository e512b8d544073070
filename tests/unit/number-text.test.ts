// Numbers as clerks write them (shared/number-text.ts): forms and imports read money and amounts alike.
import { describe, expect, it } from 'vitest';
import { labelWithoutUnit, parseNumberText, readAs, unitOfLabel } from '../../shared/number-text.ts';
import { normalizeValue } from '../../shared/import/normalize.ts';
import type { FieldDef } from '../../shared/fields/define.ts';

const value = (text: string, unit: string | null = '元') => {
  const r = parseNumberText(text, unit, '月收入（元）');
  return r.ok ? r.value : r.message;
};

describe('unitOfLabel', () => {
  it.each([
    ['月收入（元）', '元'],
    ['低保金（元/月）', '元/月'],
    ['安置住房面积（㎡）', '㎡'],
    ['贷款利率（%）', '%'],
    ['体温(℃)', '℃'],
    ['数量', null],
  ])('%s → %s', (label, unit) => expect(unitOfLabel(label)).toBe(unit));

  it('drops the unit from a label', () => expect(labelWithoutUnit('月收入（元）')).toBe('月收入'));
});

describe('parseNumberText: money', () => {
  it.each([
    ['4500', 4500],
    ['4500.5', 4500.5],
    ['-120', -120],
    ['0', 0],
    ['4,500', 4500],
    ['4，500', 4500], // Chinese comma
    ['12,345,678.9', 12345678.9],
    ['4500元', 4500],
    ['4500 元', 4500],
    ['4,500元', 4500],
    ['4500元整', 4500],
    ['0.45万', 4500],
    ['0.45万元', 4500],
    ['1.1万', 11000], // on the digits: not 11000.000000000002
    ['1.23456万', 12345.6],
    ['3万', 30000],
    ['4 500', 4500],
    ['4\u00a0500', 4500],
    ['４５００', 4500], // full-width
    ['４，５００．５', 4500.5],
    ['４５００元', 4500],
    ['￥4500', 4500],
    ['¥4,500.00', 4500],
    ['.5', 0.5],
    ['5.', 5],
    ['  4500  ', 4500],
    ['1.5E+4', 15000], // an import's number cell
  ])('%s → %s', (text, expected) => expect(value(text)).toBe(expected));

  it.each([
    ['4,50'],
    ['4500,'],
    ['45,00'],
    ['四千五'],
    ['4500美元'],
    ['4500公斤'],
    ['约4500'],
    ['4.5.6'],
    ['-'],
    ['.'],
    ['万'],
    ['元'],
  ])('refuses %s, naming the field and saying how to write it', (text) => {
    const r = parseNumberText(text, '元', '月收入（元）');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('月收入（元）');
      expect(r.message).toContain('4,500');
      expect(r.message).toContain('0.45万');
    }
  });

  it('says whether the text was rewritten and whether 万 scaled it', () => {
    expect(parseNumberText('4500', '元')).toEqual({ ok: true, value: 4500, rewritten: false, scaled: false });
    expect(parseNumberText('4,500', '元')).toEqual({ ok: true, value: 4500, rewritten: true, scaled: false });
    expect(parseNumberText('0.45万', '元')).toEqual({ ok: true, value: 4500, rewritten: true, scaled: true });
  });
});

describe('parseNumberText: other units', () => {
  it.each<[string, string | null, number | string]>([
    ['500元/月', '元/月', 500],
    ['500元', '元/月', 500],
    ['12.5公斤', '公斤', 12.5],
    ['12.5kg', '公斤', 12.5],
    ['12.5KG', '公斤', 12.5],
    ['80平方米', '㎡', 80],
    ['80㎡', '平方米', 80],
    ['3.5%', '%', 3.5],
    ['36.5℃', '℃', 36.5],
    ['1.2万', null, 12000],
    ['1,200', null, 1200],
  ])('%s (%s) → %s', (text, unit, expected) => expect(value(text, unit)).toBe(expected));

  it('refuses another field’s unit', () => {
    expect(parseNumberText('12.5元', '公斤', '大米（公斤）').ok).toBe(false);
    expect(parseNumberText('12万元', '公斤', '大米（公斤）').ok).toBe(false);
  });
});

describe('readAs', () => {
  it('says what was read in the field’s unit', () => {
    expect(readAs(4500, '元')).toBe('已读作 4500 元');
    expect(readAs(500, '元/月')).toBe('已读作 500 元/月');
    expect(readAs(3.5, '%')).toBe('已读作 3.5%');
    expect(readAs(1200, null)).toBe('已读作 1200');
  });
});

describe('imports read money columns the same way', () => {
  const income: FieldDef = { column: 'monthly_income', label: '月收入（元）', type: 'decimal', min: 0 };
  it.each([
    ['4,500', 4500],
    ['4500元', 4500],
    ['４５００', 4500],
    ['4 500', 4500],
  ])('%s → %s, without a note', (text, expected) => {
    expect(normalizeValue(income, text)).toEqual({ ok: true, value: expected });
  });

  it('notes a 万 (the row says what was recorded)', () => {
    expect(normalizeValue(income, '0.45万')).toEqual({
      ok: true,
      value: 4500,
      note: '月收入（元）“0.45万”已读作 4500 元',
    });
  });

  it('refuses what is not a number, in Chinese', () => {
    const r = normalizeValue(income, '四千五');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('月收入（元）“四千五”不是数字（如 4500、4,500、4500元 或 0.45万）');
  });
});
