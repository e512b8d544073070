// 年龄与就学、劳动: age at the data date (@asof) against 在校生状况, 文化程度, 劳动技能 and 务工时间
// (domain.md 5.3 rules 11–18; 义务教育适龄 is 6–15 周岁 as in the 2020 普查).
import { codeLabel, CODE_TABLES } from '../../../../shared/code-tables/index.ts';
import { defineRule } from './rule.ts';
import { age, IN_SCHOOL, personSql, schoolAge } from './sql-parts.ts';

const who = (r: Readonly<Record<string, unknown>>) => `户 ${r.household_no} 成员 ${r.name}`;
const AGE = age('p.birth_date');
const label = (table: 'school_status' | 'labor_skill' | 'education', code: unknown) =>
  code === null || code === undefined ? '未填' : codeLabel(CODE_TABLES[table], String(code));

/** 送教上门 and 残疾免学 in the 控辍保学 ledger are not dropouts. */
const NOT_DROPOUT = `EXISTS (SELECT 1 FROM ledger_compulsory_education ce WHERE ce.person_id = p.id AND ce.attendance IN ('01', '03', '04'))`;

export const ageSchoolLabourRules = [
  defineRule({
    id: 'P-AGE-01',
    level: '错误',
    scope: '人',
    family: '年龄与就学劳动',
    title: '义务教育适龄未在校（控辍保学）',
    description:
      '学年开始（9 月 1 日）时 6–15 周岁，在校生状况为非在校生、学前或未填，控辍保学台账中也没有在校、送教上门或残疾免学的记录。',
    sql: personSql(
      `p.birth_date, ${schoolAge('p.birth_date')} AS age, p.school_status, p.education`,
      `p.birth_date IS NOT NULL AND ${schoolAge('p.birth_date')} BETWEEN 6 AND 15 AND (p.school_status IS NULL OR p.school_status IN ('01', '02', '17')) AND NOT ${NOT_DROPOUT}`,
    ),
    message: (r) =>
      `${who(r)}：${r.age} 岁（义务教育适龄），在校生状况为“${label('school_status', r.school_status)}”，属控辍保学对象`,
  }),
  defineRule({
    id: 'P-AGE-02',
    level: '错误',
    scope: '人',
    family: '年龄与就学劳动',
    title: '7 岁以上仍为学龄前',
    description: '7 周岁及以上，在校生状况为学前教育或学龄前儿童（文化程度为学龄前儿童同样）。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.school_status, p.education`,
      `p.birth_date IS NOT NULL AND ${AGE} >= 7 AND (p.school_status IN ('02', '17') OR p.education = '06')`,
    ),
    message: (r) =>
      `${who(r)}：${r.age} 岁，${r.education === '06' ? '文化程度' : '在校生状况'}仍为“${r.education === '06' ? '学龄前儿童' : label('school_status', r.school_status)}”`,
  }),
  defineRule({
    id: 'P-AGE-03',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '年级与年龄不符',
    description:
      '小学 6–14 岁、七至九年级 11–17 岁、普通高中与中职 14–20 岁、高职高专/技师/本科 17 岁以上、研究生 20 岁以上之外。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.school_status`,
      `p.birth_date IS NOT NULL AND (
        (p.school_status = '03' AND ${AGE} NOT BETWEEN 6 AND 14)
        OR (p.school_status IN ('04', '05', '06') AND ${AGE} NOT BETWEEN 11 AND 17)
        OR (p.school_status IN ('07', '08', '09', '10', '11', '12') AND ${AGE} NOT BETWEEN 14 AND 20)
        OR (p.school_status IN ('13', '14', '15', '18', '19', '20', '21', '22', '23', '24', '25', '26') AND ${AGE} < 17)
        OR (p.school_status = '27' AND ${AGE} < 20))`,
    ),
    message: (r) =>
      `${who(r)}：${r.age} 岁，在校生状况为“${label('school_status', r.school_status)}”，年级与年龄不符`,
  }),
  defineRule({
    id: 'P-AGE-04',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '16–22 岁文化程度为小学及以下',
    description: '16–22 周岁、不在校，文化程度为文盲半文盲或小学。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.education`,
      `p.birth_date IS NOT NULL AND ${AGE} BETWEEN 16 AND 22 AND p.education IN ('01', '02') AND NOT ${IN_SCHOOL('p')}`,
    ),
    message: (r) => `${who(r)}：${r.age} 岁，文化程度为“${label('education', r.education)}”`,
  }),
  defineRule({
    id: 'P-LAB-01',
    level: '错误',
    scope: '人',
    family: '年龄与就学劳动',
    title: '未满 16 岁有劳动能力',
    description: '未满 16 周岁，劳动技能不是“无劳动力”。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.labor_skill`,
      `p.birth_date IS NOT NULL AND ${AGE} < 16 AND p.labor_skill IS NOT NULL AND p.labor_skill <> '05'`,
    ),
    message: (r) =>
      `${who(r)}：${r.age} 岁，劳动技能为“${label('labor_skill', r.labor_skill)}”，未满 16 岁应为无劳动力`,
  }),
  defineRule({
    id: 'P-LAB-02',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '65 岁以上为普通或技能劳动力',
    description: '65 周岁及以上，劳动技能为普通劳动力或技能劳动力。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.labor_skill`,
      `p.birth_date IS NOT NULL AND ${AGE} > 64 AND p.labor_skill IN ('01', '02')`,
    ),
    message: (r) => `${who(r)}：${r.age} 岁，劳动技能为“${label('labor_skill', r.labor_skill)}”`,
  }),
  defineRule({
    id: 'P-LAB-03',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '未满 16 岁或 65 岁以上有务工时间',
    description: '未满 16 周岁或 65 周岁及以上，务工时间大于 0。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.work_months`,
      `p.birth_date IS NOT NULL AND (${AGE} < 16 OR ${AGE} > 64) AND p.work_months > 0`,
    ),
    message: (r) => `${who(r)}：${r.age} 岁，务工时间 ${r.work_months} 个月`,
  }),
  defineRule({
    id: 'P-LAB-04',
    level: '错误',
    scope: '人',
    family: '年龄与就学劳动',
    title: '在校生有务工时间',
    description: '在校生（小学及以上在读）务工时间大于 0。',
    sql: personSql(`p.school_status, p.work_months`, `${IN_SCHOOL('p')} AND p.work_months > 0`),
    message: (r) =>
      `${who(r)}：在校生状况为“${label('school_status', r.school_status)}”，务工时间却有 ${r.work_months} 个月`,
  }),
  defineRule({
    id: 'P-LAB-05',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '在校生为普通或技能劳动力',
    description: '义务教育和高中阶段在校生，劳动技能为普通劳动力或技能劳动力（在校生应为无劳动力）。',
    sql: personSql(
      `p.school_status, p.labor_skill`,
      `p.school_status IN ('03', '04', '05', '06', '07', '08', '09', '10', '11', '12') AND p.labor_skill IN ('01', '02')`,
    ),
    message: (r) =>
      `${who(r)}：在校生状况为“${label('school_status', r.school_status)}”，劳动技能却是“${label('labor_skill', r.labor_skill)}”`,
  }),
  defineRule({
    id: 'P-LAB-06',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '青壮年健康却无劳动能力',
    description: '16–59 周岁、健康、不在校，劳动技能为弱劳动力、丧失劳动力或无劳动力。',
    sql: personSql(
      `p.birth_date, ${AGE} AS age, p.health, p.labor_skill`,
      `p.birth_date IS NOT NULL AND ${AGE} BETWEEN 16 AND 59 AND p.health = '01' AND NOT ${IN_SCHOOL('p')} AND p.labor_skill IN ('03', '04', '05')`,
    ),
    message: (r) =>
      `${who(r)}：${r.age} 岁、健康、不在校，劳动技能为“${label('labor_skill', r.labor_skill)}”`,
  }),
  defineRule({
    id: 'P-LAB-07',
    level: '疑点',
    scope: '人',
    family: '年龄与就学劳动',
    title: '一二级残疾为普通劳动力',
    description: '低保特困残疾人台账中为一级或二级残疾，户籍台账中劳动技能为普通劳动力或技能劳动力。',
    needsLedger: 'basic_assistance',
    sql: personSql(
      `ba.disability_grade, p.labor_skill`,
      `ba.disability_grade IN ('01', '02') AND p.labor_skill IN ('01', '02')`,
      'JOIN ledger_basic_assistance ba ON ba.person_id = p.id',
    ),
    message: (r) =>
      `${who(r)}：残疾等级为${r.disability_grade === '01' ? '一级' : '二级'}，劳动技能却是“${label('labor_skill', r.labor_skill)}”`,
  }),
];
