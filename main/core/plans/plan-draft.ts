// The 一户一策 a clerk starts from: 劳动力 and 致贫原因 from the register, 致贫/返贫风险 and the monitoring's
// own measures from 返贫监测, the 帮扶责任人 and 驻村第一书记 from 帮扶责任人与驻村工作队, and one 帮扶措施 for
// every benefit the ledgers record (household-benefits.ts) — plus, for each member able to work who has
// no measure of his own yet, an open 一人一措施 line to fill in. Nothing here writes.
import { CODE_TABLES, codeLabel } from '../../../shared/code-tables/index.ts';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { PLAN_MEASURE } from '../../../shared/ledgers/defs/household-plans.ts';
import { ledgerDef } from '../../../shared/ledgers/index.ts';
import { AID_COLUMNS } from '../../../shared/ledgers/defs/relapse-monitoring.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { householdBenefits, type HouseholdBenefit } from './household-benefits.ts';
import { householdHelper, residentSecretary } from './household-helper.ts';

/** 劳动技能 codes of a member able to work: 普通, 技能, 弱劳动力或半劳动力. */
export const ABLE_TO_WORK = ['01', '02', '03'] as const;

/** Only money the household itself takes in counts as 预期收益 (not a loan, not a 医保 subsidy). */
const INCOME_LEDGERS: readonly string[] = ['public_welfare_jobs', 'temporary_relief', 'relocation'];

/** '公益性岗位：生态护林员（岗位补贴 8000 元，聘用 10 个月）', with the members it is for after the item. */
function benefitText(b: HouseholdBenefit, names: readonly string[] = []): string {
  const amount = b.amount !== null && b.amountLabel !== '' ? `${b.amountLabel} ${b.amount} 元` : '';
  const detail = [amount, b.detail].filter((s) => s !== '').join('，');
  const who = names.length > 0 ? `：${names.join('、')}` : '';
  return `${b.item}${who}${detail === '' ? '' : `（${detail}）`}`;
}

/** Measures that give a member able to work an income of his own (his 一人一措施). */
const INCOME_MEASURES: readonly string[] = [
  PLAN_MEASURE.industry,
  PLAN_MEASURE.employment,
  PLAN_MEASURE.publicJob,
];

/** Who usually answers for each kind of measure; the plan's 帮扶责任人 is added after the unit. */
const RESPONSIBLE: Record<string, string> = {
  [PLAN_MEASURE.industry]: '县农业农村局',
  [PLAN_MEASURE.employment]: '县人社局',
  [PLAN_MEASURE.publicJob]: '村委会',
  [PLAN_MEASURE.health]: '县医保局、乡镇卫生院',
  [PLAN_MEASURE.education]: '县教育局',
  [PLAN_MEASURE.housing]: '县住建局',
  [PLAN_MEASURE.water]: '县水利局',
  [PLAN_MEASURE.social]: '县民政局',
  [PLAN_MEASURE.finance]: '县扶贫办、合作银行',
  [PLAN_MEASURE.relocation]: '县发改局',
  [PLAN_MEASURE.socialHelp]: '乡镇人民政府',
  [PLAN_MEASURE.other]: '乡镇人民政府',
};

/** 返贫监测's measure columns as 帮扶措施类别, with the code table of the coded ones. */
const MONITOR_AID: Record<(typeof AID_COLUMNS)[number], { category: string; table?: string }> = {
  aid_industry: { category: PLAN_MEASURE.industry },
  aid_employment: { category: PLAN_MEASURE.employment, table: 'monitor_aid_employment' },
  aid_public_job: { category: PLAN_MEASURE.publicJob },
  aid_health: { category: PLAN_MEASURE.health, table: 'monitor_aid_health' },
  aid_education: { category: PLAN_MEASURE.education, table: 'monitor_aid_education' },
  aid_housing_water: { category: PLAN_MEASURE.housing },
  aid_social: { category: PLAN_MEASURE.social, table: 'monitor_aid_social' },
  aid_finance: { category: PLAN_MEASURE.finance, table: 'monitor_aid_finance' },
  aid_social_help: { category: PLAN_MEASURE.socialHelp },
  aid_other: { category: PLAN_MEASURE.other },
};

export interface PlanDraft {
  plan: LedgerValues;
  measures: LedgerValues[];
}

interface Member {
  name: string;
  labor_skill: string | null;
}

/** The household's active members, 户主 first. */
function members(ledger: Ledger, householdId: number): Member[] {
  return ledger
    .prepare(
      `SELECT name, labor_skill FROM persons WHERE household_id = ? AND status = 'active'
       ORDER BY CASE relation WHEN '01' THEN 0 ELSE 1 END, id`,
    )
    .all(householdId) as Member[];
}

export function planDraft(ledger: Ledger, householdId: number, year: number): PlanDraft {
  const household = ledger
    .prepare('SELECT village_code, main_cause, other_causes FROM households WHERE id = ?')
    .get(householdId) as { village_code: string; main_cause: string | null; other_causes: string | null };
  const people = members(ledger, householdId);
  const able = people.filter((p) => (ABLE_TO_WORK as readonly string[]).includes(p.labor_skill ?? ''));
  const causes = [household.main_cause, ...(household.other_causes ?? '').split(',')]
    .filter((c): c is string => typeof c === 'string' && c !== '')
    .filter((c, i, all) => all.indexOf(c) === i)
    .slice(0, 3);
  const monitor = ledger
    .prepare('SELECT * FROM ledger_relapse_monitoring WHERE household_id = ? ORDER BY id DESC LIMIT 1')
    .get(householdId) as Record<string, string | number | null> | undefined;
  const eliminatedBefore =
    monitor?.eliminated === 1 && typeof monitor.eliminated_date === 'string'
      ? Number(monitor.eliminated_date.slice(0, 4)) < year
      : false;
  const atRisk = monitor !== undefined && !eliminatedBefore;
  const who = householdHelper(ledger, householdId);
  const helper = who?.name ?? null;

  const plan: LedgerValues = {
    year,
    labor_count: able.length,
    causes: causes.length > 0 ? causes.join(',') : null,
    risks: atRisk ? (monitor.risks ?? null) : null,
    risk_note: atRisk ? (monitor.risk_note ?? null) : null,
    income_base: atRisk ? (monitor.income_at_elimination ?? monitor.income_at_identification ?? null) : null,
    goal: atRisk ? '消除返贫致贫风险，巩固“两不愁三保障”成果' : '巩固“两不愁三保障”成果，稳定增加家庭收入',
    helper,
    helper_unit: who?.unit ?? null,
    resident_team: residentSecretary(ledger, household.village_code),
  };

  const measures: LedgerValues[] = [];
  const seen = new Set<string>();
  const responsible = (category: string) =>
    [RESPONSIBLE[category] ?? null, helper].filter((s) => s !== null).join('/');
  const push = (m: {
    category: string;
    measure: string;
    member: string | null;
    amount: number | null;
    done: boolean;
    source: string;
  }) => {
    const key = `${m.category}|${m.member ?? ''}|${m.measure}`;
    if (seen.has(key)) return;
    seen.add(key);
    measures.push({
      category: m.category,
      measure: m.measure,
      member: m.member,
      responsible: responsible(m.category),
      deadline: `${year}-12-31`,
      expected_income: m.amount,
      progress: m.done ? '03' : '01',
      source: m.source,
    });
  };

  // An income measure of a member able to work is his 一人一措施; every other benefit is the household's,
  // one line for the members it is alike for (医保 of five members is one line naming the five).
  const ableNames = new Set(able.map((p) => p.name));
  const groups = new Map<string, { b: HouseholdBenefit; names: string[]; amount: number | null }>();
  for (const b of householdBenefits(ledger, householdId, year)) {
    const text = benefitText(b);
    const income = INCOME_LEDGERS.includes(b.ledgerId) ? b.amount : null;
    const source = ledgerDef(b.ledgerId)?.name ?? b.ledgerId;
    if (b.member !== null && ableNames.has(b.member) && INCOME_MEASURES.includes(b.category)) {
      push({
        category: b.category,
        measure: text,
        member: b.member,
        amount: income,
        done: b.inPlace,
        source,
      });
      continue;
    }
    const key = `${b.category}|${text}|${b.inPlace}`;
    const g = groups.get(key) ?? { b, names: [], amount: null };
    if (b.member !== null && people.some((p) => p.name === b.member)) g.names.push(b.member);
    if (income !== null) g.amount = (g.amount ?? 0) + income;
    groups.set(key, g);
  }
  for (const g of groups.values())
    push({
      category: g.b.category,
      measure: benefitText(g.b, g.names),
      member: null,
      amount: g.amount,
      done: g.b.inPlace,
      source: ledgerDef(g.b.ledgerId)?.name ?? g.b.ledgerId,
    });

  if (atRisk) {
    const covered = new Set(measures.map((m) => m.category));
    for (const column of AID_COLUMNS) {
      const v = monitor[column];
      if (typeof v !== 'string' || v === '') continue;
      const { category, table } = MONITOR_AID[column];
      if (covered.has(category)) continue;
      const words = table
        ? v
            .split(',')
            .filter((c) => c !== '99')
            .map((c) => codeLabel(CODE_TABLES[table as keyof typeof CODE_TABLES], c))
            .join('、')
        : v;
      if (words === '') continue;
      push({ category, measure: words, member: null, amount: null, done: false, source: '返贫监测' });
    }
  }

  for (const p of able)
    if (!measures.some((m) => m.member === p.name && INCOME_MEASURES.includes(String(m.category))))
      push({
        category: PLAN_MEASURE.employment,
        measure: '技能培训或转移就业（待定）',
        member: p.name,
        amount: null,
        done: false,
        source: '户籍台账（劳动力）',
      });
  return { plan, measures };
}
