// 务工 and 公益岗 (domain.md 5.3 rules 19–24): the 外出务工 and 公益性岗位 ledgers against the register.
import { codeText } from './labels.ts';
import { defineRule } from './rule.ts';
import { age, hasCode, householdRecordSql, personRecordSql } from './sql-parts.ts';

const who = (r: Readonly<Record<string, unknown>>) => `户 ${r.household_no} 成员 ${r.name}`;
const DEPARTED = `r.status IN ('01', '02')`;
const AGE = age('p.birth_date');
const label = (code: unknown): string => codeText('pwj_job_type', code);

export const workPostRules = [
  defineRule({
    id: 'W-MIG-01',
    level: '错误',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '已外出但无务工地点',
    description: '外出务工台账中务工状态为已外出或已返岗，务工所在地未填。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.status, r.work_place',
      `${DEPARTED} AND COALESCE(trim(r.work_place), '') = ''`,
    ),
    message: (r) => `${who(r)}：${r.year ?? ''}年外出务工记录为“已外出”，务工所在地未填`,
  }),
  defineRule({
    id: 'W-MIG-02',
    level: '疑点',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '计划外出但无去向',
    description: '是否计划外出务工为“是”，计划务工地点和计划去向类别都未填。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.planned, r.planned_place, r.planned_destination',
      `r.planned = 1 AND COALESCE(trim(r.planned_place), '') = '' AND r.planned_destination IS NULL AND COALESCE(r.status, '') NOT IN ('01', '02')`,
    ),
    message: (r) => `${who(r)}：${r.year ?? ''}年计划外出务工，计划务工地点和计划去向类别都未填`,
  }),
  defineRule({
    id: 'W-MIG-03',
    level: '疑点',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '点对点输送未发交通补贴',
    description: '已外出且为点对点输送，交通补贴金额未填或为 0。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.point_to_point, r.transport_subsidy',
      `${DEPARTED} AND r.point_to_point = 1 AND COALESCE(r.transport_subsidy, 0) = 0`,
    ),
    message: (r) =>
      `${who(r)}：${r.year ?? ''}年点对点输送外出务工，交通补贴金额${r.transport_subsidy === null ? '未填' : '为 0'}`,
  }),
  defineRule({
    id: 'W-MIG-04',
    level: '疑点',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '务工',
    title: '外出务工补贴未见发放',
    description: '监测户的就业帮扶含“外出务工补贴”，本户外出务工记录中没有一笔交通补贴。',
    sql: householdRecordSql(
      'relapse_monitoring',
      'r.aid_employment',
      `${hasCode('r.aid_employment', '03')} AND NOT EXISTS (SELECT 1 FROM ledger_migrant_work mw JOIN persons pm ON pm.id = mw.person_id
         WHERE pm.household_id = h.id AND mw.transport_subsidy > 0)`,
    ),
    message: (r) => `户 ${r.household_no}：监测帮扶措施有“外出务工补贴”，外出务工台账中本户没有交通补贴发放`,
  }),
  defineRule({
    id: 'W-MIG-05',
    level: '疑点',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '务工月收入异常',
    description: '已外出务工，月收入低于 400 元或高于 30000 元。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.monthly_income',
      `${DEPARTED} AND r.monthly_income IS NOT NULL AND (r.monthly_income < 400 OR r.monthly_income > 30000)`,
    ),
    message: (r) =>
      `${who(r)}：${r.year ?? ''}年务工月收入 ${r.monthly_income} 元，明显偏${Number(r.monthly_income) < 400 ? '低' : '高'}`,
  }),
  defineRule({
    id: 'W-MIG-06',
    level: '错误',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '未满 16 岁或在校生外出务工',
    description: '外出务工台账中已外出或计划外出的人未满 16 周岁，或是小学至高中阶段在校生。',
    sql: personRecordSql(
      'migrant_work',
      `r.year, r.status, r.planned, ${AGE} AS age, p.school_status`,
      `(${DEPARTED} OR r.planned = 1) AND ((p.birth_date IS NOT NULL AND ${AGE} < 16)
         OR p.school_status IN ('03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))`,
    ),
    message: (r) =>
      `${who(r)}：${r.age ?? '?'} 岁，在校生状况“${codeText('school_status', r.school_status)}”，却登记了${r.planned === 1 && r.status !== '01' ? '计划' : ''}外出务工`,
  }),
  defineRule({
    id: 'W-MIG-07',
    level: '疑点',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '务工',
    title: '已外出但户籍台账务工时间为 0',
    description: '外出务工台账为已外出，户籍台账中此人务工时间为 0 或未填。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.status, p.work_months',
      `r.status = '01' AND COALESCE(p.work_months, 0) = 0 AND r.year = @year`,
    ),
    message: (r) =>
      `${who(r)}：外出务工台账为已外出，户籍台账中务工时间为${r.work_months === null ? '空' : ' 0 个月'}`,
  }),
  defineRule({
    id: 'J-PWJ-01',
    level: '错误',
    scope: 'public_welfare_jobs',
    ledger: 'public_welfare_jobs',
    family: '公益岗',
    title: '公益岗人员年龄不符',
    description: '公益性岗位人员未满 16 周岁或已满 70 周岁。',
    sql: personRecordSql(
      'public_welfare_jobs',
      `r.job_type, p.birth_date, ${AGE} AS age`,
      `p.status = 'active' AND p.birth_date IS NOT NULL AND (${AGE} < 16 OR ${AGE} >= 70) AND (r.end_date IS NULL OR r.end_date >= @asof)`,
    ),
    message: (r) => `${who(r)}：${r.age} 岁，在公益性岗位“${label(r.job_type)}”上（应满 16 岁、不满 70 岁）`,
  }),
  defineRule({
    id: 'J-PWJ-02',
    level: '错误',
    scope: '人',
    family: '公益岗',
    title: '一人三个及以上公益岗',
    description: '同一人在岗的公益性岗位有三个或更多。',
    sql: `SELECT h.id AS household_id, p.id AS person_id, NULL AS record_id, h.village_code AS region_code, h.household_no, p.name,
        COUNT(*) AS posts, group_concat(r.job_type, ',') AS job_types
      FROM ledger_public_welfare_jobs r JOIN persons p ON p.id = r.person_id JOIN households h ON h.id = p.household_id
      WHERE h.status = 'active' AND h.id IN (SELECT id FROM temp.quality_scope) AND (r.end_date IS NULL OR r.end_date >= @asof)
      GROUP BY p.id HAVING COUNT(*) >= 3`,
    message: (r) =>
      `${who(r)}：同时在 ${r.posts} 个公益性岗位上（${String(r.job_types).split(',').map(label).join('、')}）`,
  }),
  defineRule({
    id: 'J-PWJ-03',
    level: '错误',
    scope: 'public_welfare_jobs',
    ledger: 'public_welfare_jobs',
    family: '公益岗',
    title: '已注销人员仍在公益岗',
    description: '户籍台账中已注销（死亡、迁出等）的人，公益性岗位记录未结束或注销后仍发放补贴。',
    sql: personRecordSql(
      'public_welfare_jobs',
      'p.cancel_date, r.job_type, r.end_date, r.annual_paid',
      `p.status = 'cancelled' AND (r.end_date IS NULL OR r.end_date > COALESCE(p.cancel_date, '0000'))`,
    ),
    message: (r) =>
      `${who(r)}：已于 ${r.cancel_date ?? '（日期未填）'} 注销，公益性岗位“${label(r.job_type)}”${r.end_date ? `到 ${r.end_date} 才结束` : '仍在岗'}`,
  }),
];
