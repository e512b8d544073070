import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  CODE_TABLE_KEYS,
  codeLabel,
  extendTable,
  findCode,
} from '../../shared/code-tables/index.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../shared/fields/person-fields.ts';

describe('code tables', () => {
  it('have unique codes, and no label or alias that means two codes', () => {
    for (const key of CODE_TABLE_KEYS) {
      const table = CODE_TABLES[key];
      const codes = table.items.map((i) => i.code);
      expect(new Set(codes).size, key).toBe(codes.length);
      const seen = new Map<string, string>();
      for (const item of table.items) {
        for (const text of [item.label, ...(item.aliases ?? [])]) {
          const other = seen.get(text);
          expect(other === undefined || other === item.code, `${key}: ${text}`).toBe(true);
          seen.set(text, item.code);
        }
      }
    }
  });

  it('map old and new labels to one code', () => {
    expect(findCode(CODE_TABLES.poverty_cause, '缺劳动力')?.code).toBe('08');
    expect(findCode(CODE_TABLES.poverty_cause, '缺劳力')?.code).toBe('08');
    expect(findCode(CODE_TABLES.health, '大病')?.code).toBe('03');
    expect(findCode(CODE_TABLES.school_status, '高中一年级')?.code).toBe('07');
    expect(findCode(CODE_TABLES.school_status, '普通高中一年级')?.code).toBe('07');
    expect(findCode(CODE_TABLES.relation, '本人或户主')?.code).toBe('01');
    expect(findCode(CODE_TABLES.poverty_status, '已脱贫(享受政策)')?.code).toBe('1');
    expect(findCode(CODE_TABLES.poverty_status, ' 已脱贫（享受政策） ')?.code).toBe('1');
    expect(findCode(CODE_TABLES.ethnicity, '土家')?.code).toBe('15');
    expect(findCode(CODE_TABLES.ethnicity, '汉族')?.code).toBe('01');
    expect(findCode(CODE_TABLES.sex, '男')?.code).toBe('1');
    expect(findCode(CODE_TABLES.sex, '不知道')).toBeUndefined();
    expect(findCode(CODE_TABLES.sex, '')).toBeUndefined();
  });

  it('show the label of a code and keep unknown codes visible', () => {
    expect(codeLabel(CODE_TABLES.labor_skill, '03')).toBe('弱劳动力或半劳动力');
    expect(codeLabel(CODE_TABLES.labor_skill, '77')).toBe('77');
    expect(codeLabel(CODE_TABLES.labor_skill, null)).toBe('');
  });

  it('can be extended by the county without overriding built-in codes', () => {
    const t = extendTable(CODE_TABLES.poverty_cause, [
      { code: '14', label: '因疫情', aliases: ['受疫情影响'] },
      { code: '01', label: '被改掉的因病' },
    ]);
    expect(findCode(t, '受疫情影响')?.code).toBe('14');
    expect(codeLabel(t, '01')).toBe('因病');
    expect(t.items.filter((i) => i.code === '01')).toHaveLength(1);
  });

  it('cover the ethnic groups of GB/T 3304', () => {
    expect(
      CODE_TABLES.ethnicity.items.filter((i) => /^\d\d$/.test(i.code) && Number(i.code) <= 56),
    ).toHaveLength(56);
    expect(codeLabel(CODE_TABLES.ethnicity, '56')).toBe('基诺族');
  });

  it('are the only source of values for every coded field', () => {
    for (const f of [...HOUSEHOLD_FIELDS, ...PERSON_FIELDS]) {
      if (f.type === 'code' || f.type === 'codes') {
        expect(f.codeTable, f.label).toBeDefined();
        expect(CODE_TABLE_KEYS, f.label).toContain(f.codeTable);
      }
    }
    const columns = HOUSEHOLD_FIELDS.map((f) => f.column);
    expect(new Set(columns).size).toBe(columns.length);
  });
});
