// 三保障 and 兜底 (domain.md 5.3 rules 18, 24–29): 医保 for every poor person, 危房, 饮水, households without
// labour and without 低保/特困, 残疾 without a 残疾人证, 特困 who could work.
import { maskIdNumber } from '../../../../shared/mask.ts';
import { defineRule } from './rule.ts';
import { codeText } from './labels.ts';
import {
  age,
  HOUSEHOLD_COLUMNS,
  householdRecordSql,
  IN_SCHOOL,
  personRecordSql,
  personSql,
  SCOPE,
} from './sql-parts.ts';

const who = (r: Readonly<Record<string, unknown>>) => `户 ${r.household_no} 成员 ${r.name}`;
const AGE = age('p.birth_date');
/** 贫困户、脱贫户、监测户: the people the 三保障 rules are about. */
const POOR = `h.household_type IN ('1', '2', '3')`;
/** The newest 年度 of the 医保 ledger: the year its 参保 is checked for. */
const MEDICAL_YEAR = '(SELECT MAX(year) FROM ledger_medical_insurance)';

export const guaranteeRules = [
  defineRule({
    id: 'S-MED-01',
    level: '错误',
    scope: '人',
    family: '三保障',
    title: '贫困人口未参保且无原因',
    description:
      '贫困户、脱贫户、监测户成员在医保台账最新年度没有参保记录（城乡居民或职工医保），也没有填不参保原因。',
    needsLedger: 'medical_insurance',
    sql: personSql(
      `${MEDICAL_YEAR} AS year, (SELECT group_concat(COALESCE(mi.insured, '') || '/' || COALESCE(mi.employee_insured, '') || '/' || COALESCE(mi.not_insured_reason, ''))
         FROM ledger_medical_insurance mi WHERE mi.person_id = p.id AND mi.year = ${MEDICAL_YEAR}) AS records`,
      `${POOR} AND NOT EXISTS (SELECT 1 FROM ledger_medical_insurance mi WHERE mi.person_id = p.id AND mi.year = ${MEDICAL_YEAR}
         AND (mi.insured = 1 OR mi.employee_insured = 1 OR mi.not_insured_reason IS NOT NULL))`,
    ),
    message: (r) =>
      `${who(r)}：${r.year}年${r.records ? '医保记录为未参保，且未填不参保原因' : '在医保台账中没有参保记录'}`,
  }),
  defineRule({
    id: 'S-MED-02',
    level: '错误',
    scope: 'medical_insurance',
    ledger: 'medical_insurance',
    family: '三保障',
    title: '居民医保与职工医保重复参保',
    description: '同一年度既参加城乡居民医保又参加城镇职工医保。',
    sql: personRecordSql(
      'medical_insurance',
      'r.year, r.insured, r.employee_insured',
      'r.insured = 1 AND r.employee_insured = 1',
    ),
    message: (r) => `${who(r)}：${r.year}年同时参加城乡居民医保和城镇职工医保`,
  }),
  defineRule({
    id: 'S-MED-03',
    level: '错误',
    scope: 'medical_insurance',
    ledger: 'medical_insurance',
    family: '三保障',
    title: '未参保却享受医疗救助',
    description: '未参加任何基本医疗保险，却填了享受医疗救助。',
    sql: personRecordSql(
      'medical_insurance',
      'r.year, r.insured, r.employee_insured, r.medical_assistance',
      `r.insured = 0 AND COALESCE(r.employee_insured, 0) = 0 AND r.medical_assistance = 1`,
    ),
    message: (r) => `${who(r)}：${r.year}年未参加基本医保，“是否享受医疗救助”却为是`,
  }),
  defineRule({
    id: 'S-HOU-01',
    level: '错误',
    scope: 'housing_renovation',
    ledger: 'housing_renovation',
    family: '三保障',
    title: '危房鉴定一年未改造完成',
    description: 'C/D 级危房或无房户鉴定满一年，改造仍未竣工。',
    sql: householdRecordSql(
      'housing_renovation',
      'r.danger_level, r.appraisal_date, r.progress',
      `r.appraisal_date IS NOT NULL AND r.appraisal_date <= date(@asof, '-1 year') AND COALESCE(r.progress, '01') IN ('01', '02')`,
    ),
    message: (r) =>
      `户 ${r.household_no}：${codeText('housing_danger_level', r.danger_level)}于 ${r.appraisal_date} 鉴定，改造进度仍为“${codeText('housing_progress', r.progress ?? '01')}”`,
  }),
  defineRule({
    id: 'S-HOU-02',
    level: '疑点',
    scope: 'housing_renovation',
    ledger: 'housing_renovation',
    family: '三保障',
    title: '危改竣工未拨付补助',
    description: '危房改造已竣工或已验收，拨付金额未填或为 0。',
    sql: householdRecordSql(
      'housing_renovation',
      'r.progress, r.completion_date, r.paid_amount',
      `r.progress IN ('03', '04') AND COALESCE(r.paid_amount, 0) = 0`,
    ),
    message: (r) =>
      `户 ${r.household_no}：危房改造已于 ${r.completion_date ?? '（日期未填）'} 竣工，补助拨付金额${r.paid_amount === null ? '未填' : '为 0'}`,
  }),
  defineRule({
    id: 'S-WAT-01',
    level: '错误',
    scope: 'drinking_water',
    ledger: 'drinking_water',
    family: '三保障',
    title: '饮水安全未解决',
    description: '安全饮水台账中饮水安全未解决，且没有填解决措施。',
    sql: householdRecordSql(
      'drinking_water',
      'r.solved, r.problems, r.measure',
      `r.solved = 0 AND r.measure IS NULL`,
    ),
    message: (r) =>
      `户 ${r.household_no}：饮水安全未解决（${codeText('water_problem', r.problems)}），未填解决措施`,
  }),
  defineRule({
    id: 'B-DIB-01',
    level: '疑点',
    scope: '户',
    family: '兜底',
    title: '整户无劳动力且未享受低保特困',
    description: '贫困户、脱贫户、监测户全户都是丧失劳动力或无劳动力，却没有一人享受低保或特困供养。',
    sql: `SELECT ${HOUSEHOLD_COLUMNS}, group_concat(COALESCE(p.labor_skill, ''), ',') AS skills, SUM(COALESCE(p.dibao, 0) + COALESCE(p.tekun, 0)) AS covered
      FROM households h JOIN persons p ON p.household_id = h.id AND p.status = 'active'
      WHERE h.status = 'active' AND ${SCOPE} AND ${POOR}
      GROUP BY h.id
      HAVING SUM(COALESCE(p.labor_skill, '') NOT IN ('04', '05')) = 0 AND SUM(COALESCE(p.dibao, 0) + COALESCE(p.tekun, 0)) = 0`,
    message: (r) => `户 ${r.household_no}：全户无劳动力，户籍台账中无人享受低保或特困供养`,
  }),
  defineRule({
    id: 'B-DIS-01',
    level: '错误',
    scope: '人',
    family: '兜底',
    title: '残疾未办残疾人证',
    description:
      '健康状况为残疾，证件不是残疾人证，低保特困残疾人台账中也没有持证记录或残疾人证号（台账未建时不查）。',
    needsLedger: 'basic_assistance',
    sql: personSql(
      `p.health, p.id_type, p.id_number`,
      `${hasHealth('04')} AND p.id_type <> '09' AND length(p.id_number) < 20 AND NOT EXISTS (
        SELECT 1 FROM ledger_basic_assistance ba WHERE ba.person_id = p.id AND (ba.disabled = 1 OR ba.disability_card_no IS NOT NULL))`,
    ),
    message: (r) =>
      `${who(r)}：健康状况为残疾，没有残疾人证（证件号码 ${maskIdNumber(String(r.id_number))}，低保特困残疾人台账无持证记录）`,
  }),
  defineRule({
    id: 'B-TEK-01',
    level: '疑点',
    scope: '人',
    family: '兜底',
    title: '青壮年健康却享受特困供养',
    description: '18–59 周岁、健康、不在校，享受特困供养。',
    sql: personSql(
      `${AGE} AS age, p.health, p.school_status, p.tekun`,
      `p.tekun = 1 AND p.birth_date IS NOT NULL AND ${AGE} BETWEEN 18 AND 59 AND p.health = '01' AND NOT ${IN_SCHOOL('p')}`,
    ),
    message: (r) => `${who(r)}：${r.age} 岁、健康，享受特困供养`,
  }),
  defineRule({
    id: 'B-TEK-02',
    level: '疑点',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '兜底',
    title: '特困供养人员外出务工',
    description: '享受特困供养的人在外出务工台账中为已外出。',
    sql: personRecordSql(
      'migrant_work',
      'r.year, r.status, p.tekun',
      `p.tekun = 1 AND r.status = '01' AND p.status = 'active'`,
    ),
    message: (r) => `${who(r)}：享受特困供养，${r.year ?? ''}年外出务工台账中为已外出`,
  }),
];

function hasHealth(code: string): string {
  return `instr(COALESCE(p.health, ''), '${code}') > 0`;
}
