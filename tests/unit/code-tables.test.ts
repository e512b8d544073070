import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  CODE_TABLE_KEYS,
  codeLabel,
  extendTable,
  findCode,
} from '../../shared/code-tables/index.ts';
import type { FieldDef } from '../../shared/fields/define.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../shared/fields/person-fields.ts';
import { normalizeValue } from '../../shared/import/normalize.ts';
import { migrantWork } from '../../shared/ledgers/defs/migrant-work.ts';

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

// What an imported cell becomes (the import's own normaliser): a value no one would misread, or a refusal.
function fieldOf(fields: readonly FieldDef[], column: string): FieldDef {
  const f = fields.find((x) => x.column === column);
  if (!f) throw new Error(`no field ${column}`);
  return f;
}
const read = (field: FieldDef, text: string) => normalizeValue(field, text);
function refusal(field: FieldDef, text: string): string {
  const n = read(field, text);
  if (n.ok) throw new Error(`${field.label} "${text}" was read as ${String(n.value)}`);
  return n.message;
}

describe('code tables do not map a cell to a meaning it may not have', () => {
  const labor = fieldOf(PERSON_FIELDS, 'labor_skill');
  const relation = fieldOf(PERSON_FIELDS, 'relation');
  const ethnicity = fieldOf(PERSON_FIELDS, 'ethnicity');
  const attribute = fieldOf(HOUSEHOLD_FIELDS, 'poverty_attribute');
  const destination = fieldOf(migrantWork.fields as readonly FieldDef[], 'destination');

  it('劳动技能: bare codes are the national export’s (01 普通 02 技能 03 丧失 04 无), labels are ours', () => {
    expect(read(labor, '01')).toEqual({ ok: true, value: '01' });
    expect(read(labor, '02')).toEqual({ ok: true, value: '02' });
    expect(read(labor, '03')).toEqual({ ok: true, value: '04' });
    expect(codeLabel(CODE_TABLES.labor_skill, '04')).toBe('丧失劳动力');
    expect(read(labor, '04')).toEqual({ ok: true, value: '05' });
    expect(codeLabel(CODE_TABLES.labor_skill, '05')).toBe('无劳动力');
    expect(refusal(labor, '05')).toContain('不是国家系统的劳动技能代码');
    expect(read(labor, '弱劳动力或半劳动力')).toEqual({ ok: true, value: '03' });
    expect(read(labor, '丧失劳动力')).toEqual({ ok: true, value: '04' });
    expect(read(labor, '无劳动力')).toEqual({ ok: true, value: '05' });
  });

  it('与户主关系: 媳妇 is refused (the wife or the son’s wife), 儿媳妇 is 之儿媳', () => {
    const msg = refusal(relation, '媳妇');
    expect(msg).toContain('配偶');
    expect(msg).toContain('之儿媳');
    expect(read(relation, '儿媳妇')).toEqual({ ok: true, value: '05' });
    expect(read(relation, '儿媳')).toEqual({ ok: true, value: '05' });
  });

  it('贫困户属性: labels of non-poor households are refused, not made poor', () => {
    for (const [text, write] of [
      ['一般户', '一般贫困户'],
      ['低保户', '低保贫困户'],
      ['特困供养户', '特困供养贫困户'],
      ['五保户', '特困供养贫困户'],
    ] as const) {
      const msg = refusal(attribute, text);
      expect(msg, text).toContain(write);
      expect(msg, text).toContain('非贫困户不填贫困户属性');
    }
    expect(read(attribute, '低保贫困户')).toEqual({ ok: true, value: '2' });
    expect(read(attribute, '五保贫困户')).toEqual({ ok: true, value: '3' });
  });

  it('去向类别: 省内 and the old 县外省内 span two classes and are refused saying why', () => {
    const inProvince = refusal(destination, '省内');
    expect(inProvince).toContain('县外市内');
    expect(inProvince).toContain('市外省内');
    for (const old of ['县外省内务工', '县外省内', '03']) {
      const msg = refusal(destination, old);
      expect(msg, old).toContain('县外省内');
      expect(msg, old).toContain('两类');
    }
    expect(refusal(destination, '05')).toContain('不是境外');
    expect(read(destination, '省内市外')).toEqual({ ok: true, value: '03' });
    expect(read(destination, '市外省内')).toEqual({ ok: true, value: '03' });
  });

  it('去向类别: the old 乡（镇）内务工 / 乡（镇）外县内务工 and their codes 01/02 are 县内', () => {
    for (const old of ['乡（镇）内务工', '乡（镇）外县内务工', '乡(镇)内务工', '乡镇外县内务工', '01', '02'])
      expect(read(destination, old), old).toEqual({ ok: true, value: '01' });
    expect(read(destination, '04')).toEqual({ ok: true, value: '04' });
    expect(read(destination, '县外市内')).toEqual({ ok: true, value: '02' });
  });

  it('民族: the national 99 其他 and 穿青人 are accepted as 其他', () => {
    expect(read(ethnicity, '99')).toEqual({ ok: true, value: '97' });
    expect(read(ethnicity, '穿青人')).toEqual({ ok: true, value: '97' });
    expect(read(ethnicity, '97')).toEqual({ ok: true, value: '97' });
    expect(read(ethnicity, '98')).toEqual({ ok: true, value: '98' });
  });

  it('every refused word is refused, every file code names a real code', () => {
    for (const key of CODE_TABLE_KEYS) {
      const table = CODE_TABLES[key];
      for (const a of table.ambiguous ?? [])
        for (const label of a.labels) expect(findCode(table, label), `${key}: ${label}`).toBeUndefined();
      for (const code of Object.values(table.fileCodes ?? {}))
        expect(
          table.items.map((i) => i.code),
          key,
        ).toContain(code);
    }
  });
});
