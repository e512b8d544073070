import { describe, expect, it } from 'vitest';
import { targetsFor } from '../../shared/import/ledger-targets.ts';
import { IMPORT_TARGETS } from '../../shared/import/targets.ts';
import { LEDGER_DEFS, type LedgerDef } from '../../shared/ledgers/index.ts';
import {
  confidenceTag,
  constantChoices,
  NOT_IMPORTED,
  targetOptions,
  targetText,
  type TargetGroup,
  type TargetOption,
} from '../../renderer/src/pages/import/import-targets.ts';

const isGroup = (o: TargetOption | TargetGroup): o is TargetGroup => 'options' in o;

describe('the mapping table’s choices', () => {
  const options = targetOptions();

  it('starts with 不导入, then 户, 人 and 地点', () => {
    expect(options[0]).toEqual({ value: NOT_IMPORTED, label: '不导入' });
    expect(options.slice(1).map((o) => o.label)).toEqual(['户', '人', '地点']);
  });

  it('offers every importable target once, in its own group', () => {
    const groups = options.filter(isGroup);
    const keys = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('household.poverty_attribute');
    expect(keys).toContain('person.id_number');
    expect(keys).toContain('place.village');
    expect(keys).not.toContain('person.year'); // derived, never imported
    expect(keys.length).toBe(IMPORT_TARGETS.length - 1);
    const person = groups.find((g) => g.label === '人');
    expect(person?.options.find((o) => o.value === 'person.id_number')?.label).toBe('证件号码');
  });

  it('names a target with its kind', () => {
    expect(targetText('household.poverty_attribute')).toBe('户 · 贫困户属性');
    expect(targetText('person.name')).toBe('人 · 姓名');
    expect(targetText('place.group')).toBe('地点 · 组');
    expect(targetText(null)).toBe('不导入');
    expect(targetText('household.nonexistent')).toBe('household.nonexistent');
  });
});

describe('the choices of an import into a thematic ledger', () => {
  const options = targetOptions('migrant_work');
  const groups = options.filter(isGroup);

  it('offers 关联, then 字段 (the record’s fields), never the derived ones', () => {
    expect(options[0]).toEqual({ value: NOT_IMPORTED, label: '不导入' });
    expect(groups.map((g) => g.label)).toEqual(['关联', '字段']);
    const link = groups.find((g) => g.label === '关联');
    expect(link?.options.map((o) => o.value)).toEqual(['link.id_number', 'link.name']);
    const record = groups.find((g) => g.label === '字段');
    expect(record?.options.find((o) => o.value === 'record.status')?.label).toBe('务工状态');
    const keys = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(targetsFor('migrant_work').map((t) => t.key));
  });

  it('offers 地点 for ledgers placed in a region and 所属记录 for child ledgers', () => {
    const labels = (into: string) =>
      targetOptions(into)
        .filter(isGroup)
        .map((g) => g.label);
    const placed = (LEDGER_DEFS as readonly LedgerDef[]).find((d) => d.subject === 'region');
    if (placed !== undefined) expect(labels(placed.id)).toContain('地点');
    const child = (LEDGER_DEFS as readonly LedgerDef[]).find(
      (d) => d.parent !== undefined && d.parent.key !== 'subject',
    );
    if (child !== undefined) expect(labels(child.id)).toContain('所属记录');
  });

  it('names a ledger target with its kind', () => {
    expect(targetText('record.status', 'migrant_work')).toBe('字段 · 务工状态');
    expect(targetText('link.id_number', 'migrant_work')).toBe('关联 · 证件号码');
    expect(targetText('household.poverty_attribute', 'migrant_work')).toBe('household.poverty_attribute');
    expect(targetText(null, 'migrant_work')).toBe('不导入');
  });

  it('offers nothing but 不导入 for an unknown ledger', () => {
    expect(targetOptions('no_such_ledger')).toEqual([{ value: NOT_IMPORTED, label: '不导入' }]);
  });
});

describe('how sure the automatic mapping was', () => {
  it('reads the core’s confidence in the clerk’s words', () => {
    expect(confidenceTag('person.name', 1).text).toBe('按列名');
    expect(confidenceTag('person.name', 0.95).text).toBe('按常用叫法');
    expect(confidenceTag('person.name', 0.9).text).toBe('按常用叫法');
    expect(confidenceTag('person.name', 0.85).text).toBe('按常用叫法');
    expect(confidenceTag('person.name', 0.6).text).toBe('按名称推测');
    expect(confidenceTag(null, 0).text).toBe('未对应');
    expect(confidenceTag(null, 0.9).text).toBe('未对应');
  });
});

describe('整列填同一个值: the fields offered', () => {
  it('are those no column feeds and no value is given for, required ones first; never what identifies a row', () => {
    const mapping = [{ target: 'link.id_number' }, { target: 'record.work_place' }, { target: null }];
    const choices = constantChoices('migrant_work', mapping, { 'record.channel': '自主外出' });
    expect(choices[0]).toMatchObject({ value: 'record.status', label: '务工状态（必填）' });
    const keys = choices.map((c) => c.value);
    expect(keys).not.toContain('record.work_place');
    expect(keys).not.toContain('record.channel');
    expect(keys.some((k) => k.startsWith('link.') || k.startsWith('place.'))).toBe(false);
    const register = constantChoices(null, [], {}).map((c) => c.value);
    expect(register).toContain('household.poverty_attribute');
    expect(register).not.toContain('person.id_number');
    expect(register).not.toContain('household.household_no');
  });
});
