// 时限 (records past their deadline and not done) and 跨台账 (the register against the thematic ledgers:
// 注销 people still on lists, 监测户 missing on either side, 返乡 people registered elsewhere).
import { defineRule } from './rule.ts';
import { codeText } from './labels.ts';
import {
  householdRecordSql,
  HOUSEHOLD_COLUMNS,
  personRecordSql,
  regionRecordSql,
  SCOPE,
} from './sql-parts.ts';

/** A village's name as addresses write it: 东坡村委会 → 东坡村, 城南社区居委会 → 城南社区. */
const SHORT_NAME = (name: string) =>
  `CASE WHEN ${name} LIKE '%村民委员会' THEN substr(${name}, 1, length(${name}) - 4)
     WHEN ${name} LIKE '%居民委员会' THEN substr(${name}, 1, length(${name}) - 5)
     WHEN ${name} LIKE '%村委会' THEN substr(${name}, 1, length(${name}) - 2)
     WHEN ${name} LIKE '%居委会' THEN substr(${name}, 1, length(${name}) - 3) ELSE ${name} END`;
/** The register says the household is monitored: 户类型 监测户, or a 监测对象类别 (边缘易致贫户 are 一般农户). */
const MONITORED = `(h.household_type = '3' OR h.monitor_category IS NOT NULL)`;

export const deadlineCrossRules = [
  defineRule({
    id: 'D-RCT-01',
    level: '错误',
    scope: 'rectification',
    ledger: 'rectification',
    family: '时限',
    title: '整改超过时限未销号',
    description: '问题整改的整改时限已过，状态不是已销号。',
    byRegion: true,
    sql: regionRecordSql(
      'rectification',
      'r.description, r.deadline, r.status',
      `r.deadline < @asof AND COALESCE(r.status, '01') <> '03'`,
    ),
    message: (r) =>
      `问题“${String(r.description).slice(0, 40)}”：整改时限 ${r.deadline} 已过，状态为“${codeText('rc_status', r.status ?? '01')}”`,
  }),
  defineRule({
    id: 'D-PRJ-01',
    level: '疑点',
    scope: 'poverty_projects',
    ledger: 'poverty_projects',
    family: '时限',
    title: '项目超过计划完工日期未完工',
    description: '扶贫项目的计划完工日期已过，状态仍为未开工或已开工。',
    byRegion: true,
    sql: regionRecordSql(
      'poverty_projects',
      'r.name, r.planned_end, r.status',
      `r.planned_end < @asof AND COALESCE(r.status, '01') IN ('01', '02') AND r.actual_end IS NULL`,
    ),
    message: (r) =>
      `项目“${r.name}”：计划 ${r.planned_end} 完工，状态仍为“${codeText('project_status', r.status ?? '01')}”`,
  }),
  defineRule({
    id: 'D-LOAN-01',
    level: '疑点',
    scope: 'micro_credit',
    ledger: 'micro_credit',
    family: '时限',
    title: '小额信贷到期未还清',
    description: '贷款（或续贷展期后的新）到期日期已过，余额大于 0。',
    sql: householdRecordSql(
      'micro_credit',
      'r.contract_no, COALESCE(r.extension_due_date, r.due_date) AS due, r.balance',
      `COALESCE(r.extension_due_date, r.due_date) < @asof AND r.balance > 0`,
    ),
    message: (r) =>
      `户 ${r.household_no}：小额信贷 ${r.contract_no ?? ''} 已于 ${r.due} 到期，余额 ${r.balance} 元未还`,
  }),
  defineRule({
    id: 'D-EDU-01',
    level: '错误',
    scope: 'compulsory_education',
    ledger: 'compulsory_education',
    family: '时限',
    title: '辍学超过 30 天无劝返记录',
    description: '就学状态为辍学、未复学，辍学日期已过 30 天，没有一次劝返记录。',
    sql: personRecordSql(
      'compulsory_education',
      'r.attendance, r.dropout_date, r.return_date',
      `r.attendance = '02' AND r.return_date IS NULL AND COALESCE(r.dropout_date, '0000') <= date(@asof, '-30 days')
        AND NOT EXISTS (SELECT 1 FROM ledger_dropout_persuasion dp WHERE dp.parent_id = r.id)`,
    ),
    message: (r) =>
      `户 ${r.household_no} 成员 ${r.name}：${r.dropout_date ? `${r.dropout_date} 辍学` : '辍学'}，超过 30 天没有劝返记录`,
  }),
  defineRule({
    id: 'X-CAN-01',
    level: '错误',
    scope: 'migrant_work',
    ledger: 'migrant_work',
    family: '跨台账',
    title: '已注销人员仍在务工名单',
    description: '户籍台账中已注销的人，在注销年度或以后的外出务工记录中为已外出或计划外出。',
    sql: personRecordSql(
      'migrant_work',
      'p.cancel_date, r.year, r.status, r.planned',
      `p.status = 'cancelled' AND (r.status = '01' OR r.planned = 1) AND r.year >= CAST(substr(COALESCE(p.cancel_date, '0000'), 1, 4) AS INTEGER)`,
    ),
    message: (r) =>
      `户 ${r.household_no} 成员 ${r.name}：已于 ${r.cancel_date ?? '（日期未填）'} 注销，仍在${r.year}年外出务工名单上（${r.status === '01' ? '已外出' : '计划外出'}）`,
  }),
  defineRule({
    id: 'X-MON-01',
    level: '错误',
    scope: '户',
    family: '跨台账',
    title: '监测户未录入监测台账',
    description: '户籍台账中户类型为监测户或填了监测对象类别，防返贫监测台账中没有本户的记录。',
    needsLedger: 'relapse_monitoring',
    sql: `SELECT ${HOUSEHOLD_COLUMNS}, h.household_type, h.monitor_category FROM households h
      WHERE h.status = 'active' AND ${SCOPE} AND ${MONITORED}
        AND NOT EXISTS (SELECT 1 FROM ledger_relapse_monitoring r WHERE r.household_id = h.id)`,
    message: (r) =>
      `户 ${r.household_no}：户籍台账中为监测对象（${r.household_type === '3' ? '户类型 监测户' : `监测对象类别 ${codeText('monitor_category', r.monitor_category)}`}），防返贫监测台账中没有本户`,
  }),
  defineRule({
    id: 'X-MON-02',
    level: '错误',
    scope: 'relapse_monitoring',
    ledger: 'relapse_monitoring',
    family: '跨台账',
    title: '监测台账的户在户籍台账中不是监测对象',
    description: '防返贫监测台账中风险未消除的户，在户籍台账中已注销，或既不是监测户也没有监测对象类别。',
    sql: `SELECT h.id AS household_id, NULL AS person_id, r.id AS record_id, h.village_code AS region_code, h.household_no, h.head_name AS name,
        h.status, h.household_type, h.monitor_category
      FROM ledger_relapse_monitoring r JOIN households h ON h.id = r.household_id
      WHERE ${SCOPE} AND COALESCE(r.eliminated, 0) = 0 AND (h.status = 'cancelled' OR NOT ${MONITORED})`,
    message: (r) =>
      `户 ${r.household_no}：在防返贫监测台账中（风险未消除），户籍台账中${r.status === 'cancelled' ? '已注销' : `户类型为“${codeText('household_type', r.household_type)}”、未填监测对象类别`}`,
  }),
  defineRule({
    id: 'X-RET-01',
    level: '疑点',
    scope: 'returnee_screening',
    ledger: 'returnee_screening',
    family: '跨台账',
    title: '返乡人员登记的住址不在本户所在村',
    description: '返乡人员排查中的在册人员，现住址没有写到本户所在村的名称。',
    sql: personRecordSql(
      'returnee_screening',
      'r.address, v.name AS village_name',
      `p.status = 'active' AND COALESCE(trim(r.address), '') <> '' AND instr(r.address, ${SHORT_NAME('v.name')}) = 0`,
      'JOIN regions v ON v.code = h.village_code',
    ),
    message: (r) =>
      `户 ${r.household_no} 成员 ${r.name}：返乡登记的现住址“${r.address}”，户籍台账中本户在${r.village_name}`,
  }),
];
