import { describe, expect, it } from 'vitest';
import { PERSON_ENTRY_FIELDS } from '../../shared/fields/entry-fields.ts';
import {
  draftFromEntry,
  draftToEntry,
  emptyDraft,
  entryPatch,
  parseDraftValue,
} from '../../renderer/src/lib/draft.ts';
import { PERSON_FORM_FIELDS } from '../../renderer/src/forms/form-fields.ts';
import {
  activeFilterCount,
  buildHouseholdQuery,
  DEFAULT_VIEW,
  nextSort,
} from '../../renderer/src/lib/household-query.ts';
import { relationSexMismatch, suggestFormerHeadRelation } from '../../renderer/src/lib/relations.ts';
import { conflictMessage, errorConflict, errorIssues } from '../../renderer/src/lib/api-errors.ts';

const field = (column: string) => {
  const f = PERSON_FORM_FIELDS.find((x) => x.column === column);
  if (f === undefined) throw new Error(column);
  return f;
};

describe('form drafts', () => {
  it('reads dates as clerks type them and says what is wrong in Chinese', () => {
    for (const typed of ['19850307', '1985.3.7', '1985-03-07', '1985/3/7', '1985年3月7日']) {
      expect(parseDraftValue(field('birth_date'), typed).value).toBe('1985-03-07');
    }
    const bad = parseDraftValue(field('birth_date'), '1985.2.30');
    expect(bad.value).toBeNull();
    expect(bad.issue?.message).toContain('不是有效日期');
  });

  it('turns text into numbers, 是/否 and comma-joined codes', () => {
    expect(parseDraftValue(field('work_months'), ' 6 ').value).toBe(6);
    expect(parseDraftValue(field('work_months'), '六').issue?.message).toBe('务工时间（月）应为整数');
    expect(parseDraftValue(field('dibao'), '1').value).toBe(1);
    expect(parseDraftValue(field('health'), '02,04').value).toBe('02,04');
    expect(parseDraftValue(field('name'), '  张三 ').value).toBe('张三');
    expect(parseDraftValue(field('phone'), '').value).toBeNull();
  });

  it('has every entry field in the form, in the order a clerk fills them', () => {
    expect(new Set(PERSON_FORM_FIELDS.map((f) => f.column))).toEqual(
      new Set(PERSON_ENTRY_FIELDS.map((f) => f.column)),
    );
    expect(PERSON_FORM_FIELDS.slice(0, 5).map((f) => f.column)).toEqual([
      'name',
      'id_number',
      'sex',
      'birth_date',
      'relation',
    ]);
  });

  it('round-trips a record and patches only what changed', () => {
    const draft = emptyDraft(PERSON_FORM_FIELDS, { id_type: '01' });
    const { entry } = draftToEntry(PERSON_FORM_FIELDS, {
      ...draft,
      name: '李四',
      relation: '03',
      work_months: '3',
    });
    expect(entry).toMatchObject({ name: '李四', relation: '03', work_months: 3, id_type: '01', phone: null });
    const again = draftToEntry(PERSON_FORM_FIELDS, draftFromEntry(PERSON_FORM_FIELDS, entry)).entry;
    expect(again).toEqual(entry);
    expect(entryPatch(PERSON_FORM_FIELDS, entry, { ...entry, phone: '13912345678' })).toEqual({
      phone: '13912345678',
    });
  });
});

describe('the household list query', () => {
  it('leaves out empty filters and keeps the region and sort', () => {
    expect(buildHouseholdQuery(DEFAULT_VIEW, null)).toEqual({ regionCode: null, status: 'active' });
    const view = {
      ...DEFAULT_VIEW,
      search: '  张三 ',
      povertyAttribute: ['2'],
      memberCountMin: 3,
      sort: { column: 'member_count' as const, order: 'desc' as const },
    };
    expect(buildHouseholdQuery(view, '420626100201')).toEqual({
      regionCode: '420626100201',
      status: 'active',
      povertyAttribute: ['2'],
      memberCountMin: 3,
      search: '张三',
      sort: { column: 'member_count', order: 'desc' },
    });
    expect(activeFilterCount(view)).toBe(2);
  });

  it('cycles a column through ascending, descending and the default order', () => {
    const asc = nextSort(null, 'head_name');
    expect(asc).toEqual({ column: 'head_name', order: 'asc' });
    const desc = nextSort(asc, 'head_name');
    expect(desc).toEqual({ column: 'head_name', order: 'desc' });
    expect(nextSort(desc, 'head_name')).toBeNull();
    expect(nextSort(desc, 'member_count')).toEqual({ column: 'member_count', order: 'asc' });
  });
});

describe('relations and refusals', () => {
  it('suggests what the former 户主 becomes', () => {
    expect(suggestFormerHeadRelation('02', '1')).toBe('02');
    expect(suggestFormerHeadRelation('03', '2')).toBe('12'); // the son's mother
    expect(suggestFormerHeadRelation('05', '1')).toBe('15'); // the daughter-in-law's father-in-law
    expect(suggestFormerHeadRelation('99', '1')).toBeNull();
    expect(relationSexMismatch('03', '2')).toBe('1');
    expect(relationSexMismatch('03', '1')).toBeNull();
  });

  it('reads the Issue[] of a validation error and the household of a conflict', () => {
    const issues = [{ field: 'id_number', level: 'error', message: '身份证号未通过校验' }];
    expect(errorIssues({ code: 'validation', message: 'x', details: issues })).toEqual(issues);
    expect(errorIssues({ code: 'validation', message: 'x', details: 'nonsense' })).toEqual([]);
    const conflict = {
      personId: 5,
      name: '郭龙涵',
      idNumber: '420626198512311234',
      householdId: 9,
      householdNo: '4206261012050014',
      villageName: '雷家岭村委会',
      townshipName: '黄堡镇',
      status: 'active' as const,
    };
    expect(errorConflict({ code: 'conflict', message: 'x', details: conflict })).toEqual(conflict);
    expect(conflictMessage(conflict)).toContain('黄堡镇雷家岭村委会 4206261012050014 户（郭龙涵）');
    expect(conflictMessage(conflict, '420626198512311234')).toContain('同一证件号码在全县只能登记一次');
    // A 残疾人证号 on a registered 身份证号: the same person, named with household and village; masked.
    const twin = conflictMessage(conflict, '42062619851231123441');
    expect(twin).toContain('黄堡镇雷家岭村委会 4206261012050014 户（郭龙涵）');
    expect(twin).toContain('前 18 位相同');
    expect(twin).not.toContain('420626198512311234');
  });
});
