// 防返贫监测 (domain.md 5.3 rules 30–33) and 疫情防控 (隔离, 包保, 物资库存).
import { defineRule } from './rule.ts';
import { codeText } from './labels.ts';
import { hasCode, householdRecordSql, personRecordSql, regionRecordSql } from './sql-parts.ts';

const blank = (column: string) => `COALESCE(trim(${column}), '') = ''`;
/** Each risk and the measures that answer it (domain.md 5.3 rule 31); 社会帮扶 answers any of them. */
const RISK_MEASURES: readonly { code: string; measures: readonly string[] }[] = [
  { code: '01', measures: ['r.aid_health'] },
  { code: '02', measures: ['r.aid_education'] },
  { code: '03', measures: ['r.aid_social'] },
  { code: '10', measures: ['r.aid_housing_water'] },
  { code: '11', measures: ['r.aid_housing_water'] },
  { code: '07', measures: ['r.aid_employment', 'r.aid_public_job'] },
];
const ALL_AID = [
  'r.aid_industry',
  'r.aid_employment',
  'r.aid_public_job',
  'r.aid_health',
  'r.aid_education',
  'r.aid_housing_water',
  'r.aid_social',
  'r.aid_finance',
  'r.aid_social_help',
  'r.aid_other',
];
/** The risks of a record that lack their measure, comma-separated (NULL when none lacks one). */
const UNANSWERED = `NULLIF(${RISK_MEASURES.map(
  (m) =>
    `CASE WHEN ${hasCode('r.risks', m.code)} AND ${m.measures.map(blank).join(' AND ')} AND ${blank('r.aid_social_help')} THEN '${m.code},' ELSE '' END`,
).join(' || ')}, '')`;

const memberHas = (condition: string) =>
  `EXISTS (SELECT 1 FROM persons pm WHERE pm.household_id = h.id AND pm.status = 'active' AND ${condition})`;

export const monitoringEpidemicRules = [
  defineRule({
    id: 'M-RSK-01',
    level: '错误',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '防返贫监测',
    title: '风险没有对应帮扶措施',
    description:
      '未消除风险的监测户没有任何帮扶措施，或因病、因学、因残、因务工就业不稳、因安全住房/饮水风险缺少对应的健康、教育、综合保障、就业、住房饮水帮扶（社会帮扶可代替）。',
    sql: householdRecordSql(
      'relapse_monitoring',
      `r.risks, ${UNANSWERED} AS unanswered, ${ALL_AID.map((c) => `COALESCE(${c}, '')`).join(" || '|' || ")} AS aid`,
      `COALESCE(r.eliminated, 0) = 0 AND ((${ALL_AID.map(blank).join(' AND ')}) OR ${UNANSWERED} IS NOT NULL)`,
    ),
    message: (r) =>
      r.unanswered === null
        ? `户 ${r.household_no}：监测户风险为“${codeText('monitor_risk', r.risks)}”，未填任何帮扶措施`
        : `户 ${r.household_no}：监测户风险“${codeText('monitor_risk', String(r.unanswered).replace(/,$/, ''))}”没有对应的帮扶措施`,
  }),
  defineRule({
    id: 'M-RSK-02',
    level: '疑点',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '防返贫监测',
    title: '因病风险但无患病成员',
    description: '风险为因病，户籍台账中没有一名成员健康状况为长期慢性病或患有大病。',
    sql: householdRecordSql(
      'relapse_monitoring',
      'r.risks',
      `${hasCode('r.risks', '01')} AND NOT ${memberHas(`(instr(COALESCE(pm.health, ''), '02') > 0 OR instr(COALESCE(pm.health, ''), '03') > 0)`)}`,
    ),
    message: (r) => `户 ${r.household_no}：监测风险含“因病”，本户成员的健康状况中没有长期慢性病或患有大病`,
  }),
  defineRule({
    id: 'M-RSK-03',
    level: '疑点',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '防返贫监测',
    title: '因残风险但无残疾成员',
    description: '风险为因残，户籍台账中没有一名成员健康状况为残疾。',
    sql: householdRecordSql(
      'relapse_monitoring',
      'r.risks',
      `${hasCode('r.risks', '03')} AND NOT ${memberHas(`instr(COALESCE(pm.health, ''), '04') > 0`)}`,
    ),
    message: (r) => `户 ${r.household_no}：监测风险含“因残”，本户成员的健康状况中没有残疾`,
  }),
  defineRule({
    id: 'M-ELI-01',
    level: '疑点',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '防返贫监测',
    title: '识别不满六个月即消除风险',
    description: '风险消除时间距识别监测时间不满 6 个月。',
    sql: householdRecordSql(
      'relapse_monitoring',
      'r.identified_date, r.eliminated_date',
      `r.eliminated = 1 AND r.identified_date IS NOT NULL AND r.eliminated_date IS NOT NULL AND r.eliminated_date < date(r.identified_date, '+6 months')`,
    ),
    message: (r) =>
      `户 ${r.household_no}：${r.identified_date} 识别为监测户，${r.eliminated_date} 即消除风险，不满 6 个月`,
  }),
  defineRule({
    id: 'M-ELI-02',
    level: '疑点',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '防返贫监测',
    title: '整户无劳动力却已消除风险',
    description: '风险已消除的监测户，全户成员都是丧失劳动力或无劳动力，且无人享受低保或特困供养。',
    sql: householdRecordSql(
      'relapse_monitoring',
      'r.eliminated, r.eliminated_date',
      `r.eliminated = 1 AND NOT ${memberHas(`COALESCE(pm.labor_skill, '') NOT IN ('04', '05')`)}
        AND NOT ${memberHas('(pm.dibao = 1 OR pm.tekun = 1)')} AND ${memberHas('1 = 1')}`,
    ),
    message: (r) =>
      `户 ${r.household_no}：全户无劳动力、无低保特困兜底，监测风险却已于 ${r.eliminated_date ?? '（日期未填）'} 消除`,
  }),
  defineRule({
    id: 'E-ISO-01',
    level: '错误',
    scope: 'returnee_screening',
    ledger: 'returnee_screening',
    family: '疫情防控',
    title: '隔离期满未解除',
    description: '居家或集中隔离的期满日期已过，未填解除日期。',
    sql: personRecordSql(
      'returnee_screening',
      'r.control, r.control_start, r.control_end',
      `r.control IN ('01', '02') AND r.control_end IS NOT NULL AND r.control_end < @asof AND r.release_date IS NULL`,
    ),
    message: (r) =>
      `户 ${r.household_no} 成员 ${r.name}：${codeText('rs_control', r.control)}已于 ${r.control_end} 期满，未填解除日期`,
  }),
  defineRule({
    id: 'E-CASE-01',
    level: '错误',
    scope: 'returnee_screening',
    ledger: 'returnee_screening',
    family: '疫情防控',
    title: '确诊疑似无包保责任人',
    description: '确诊、疑似或无症状感染者没有填包保责任人。',
    sql: personRecordSql(
      'returnee_screening',
      'r.case_status, r.responsible',
      `r.case_status IN ('02', '03', '04') AND ${blank('r.responsible')}`,
    ),
    message: (r) =>
      `户 ${r.household_no} 成员 ${r.name}：${codeText('rs_case_status', r.case_status)}，未填包保责任人`,
  }),
  defineRule({
    id: 'E-STK-01',
    level: '错误',
    scope: 'epidemic_supplies',
    ledger: 'epidemic_supplies',
    family: '疫情防控',
    title: '物资出库超过库存',
    description: '一种防疫物资的出库数量合计大于入库数量合计（库存为负）。',
    byRegion: true,
    sql: regionRecordSql(
      'epidemic_supplies',
      `r.name, r.unit, (SELECT SUM(m.signed_quantity) FROM ledger_supply_movements m WHERE m.parent_id = r.id) AS stock`,
      `(SELECT SUM(m.signed_quantity) FROM ledger_supply_movements m WHERE m.parent_id = r.id) < 0`,
    ),
    message: (r) => `防疫物资“${r.name}”：出库比入库多 ${-Number(r.stock)}${r.unit ?? ''}，库存为负`,
  }),
];
