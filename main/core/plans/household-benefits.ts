// What one household receives, read from the thematic ledgers for one 年度: 公益性岗位, 外出务工 and 车间就业,
// 医保缴费资助, 危房改造, 小额信贷 and its 贴息, 低保/特困/残疾人补贴, 临时救助, 易地搬迁, 安全饮水 and 义务教育 —
// each with the member it is for, its amount and its year. The 政策明白卡 prints this list and the
// 一户一策 prefill turns it into 帮扶措施, so the card and the plan never disagree.
import { CODE_TABLES, codeLabel, type CodeTableKey } from '../../../shared/code-tables/index.ts';
import { PLAN_MEASURE } from '../../../shared/ledgers/defs/household-plans.ts';
import type { Ledger } from '../db/open-ledger.ts';

export interface HouseholdBenefit {
  ledgerId: string;
  /** A 帮扶措施类别 code (hpm_category). */
  category: string;
  /** The member it is for; null for the whole household. */
  member: string | null;
  /** What it is: '公益性岗位：生态护林员'. */
  item: string;
  /** How much / how long, in words: '聘用 12 个月，每月 800 元'. */
  detail: string;
  /** 元 received in the year (or the loan's amount); null when the ledger records none. */
  amount: number | null;
  /** What the amount is: '年度发放', '贷款金额', '缴费资助' … */
  amountLabel: string;
  /** The year it belongs to (a 年度, or the year of its date). */
  year: number | null;
  /** Received / in place (已落实), as opposed to planned or pending. */
  inPlace: boolean;
}

type Row = Record<string, string | number | null>;

const label = (table: string, code: unknown): string =>
  typeof code === 'string' ? codeLabel(CODE_TABLES[table as CodeTableKey], code) : '';
const yearOf = (date: unknown): number | null =>
  typeof date === 'string' && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const yuan = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(2)} 元`;
const join = (parts: readonly (string | false | null)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join('，');
/** A record dated in year y or before (undated ones count: the ledger says it is so). */
const upTo = (y: number | null, year: number): boolean => y === null || y <= year;

/**
 * The statement for a person ledger's rows of one household's members. CROSS JOIN keeps the members first:
 * without statistics SQLite otherwise took `r.year = ?` to the reports' (年度, …) indexes (migration 0013)
 * and read every record of the 年度 for each household — the sample county's fill spent most of its time
 * here (4,000 households: 8 s; 100,000: hours).
 */
export const personRowsSql = (table: string, extra = ''): string =>
  `SELECT r.*, p.name AS member FROM persons p CROSS JOIN ${table} r ON r.person_id = p.id
   WHERE p.household_id = ? ${extra} ORDER BY p.id, r.id`;

/** Rows of a person ledger for the household's members (active or not: a benefit stays a benefit). */
function personRows(
  ledger: Ledger,
  table: string,
  householdId: number,
  extra = '',
  ...params: (string | number)[]
): (Row & { member: string })[] {
  return ledger.prepare(personRowsSql(table, extra)).all(householdId, ...params) as (Row & {
    member: string;
  })[];
}

const householdRows = (ledger: Ledger, table: string, householdId: number): Row[] =>
  ledger.prepare(`SELECT * FROM ${table} WHERE household_id = ? ORDER BY id`).all(householdId) as Row[];

/** Every benefit of the household in `year`, grouped by ledger in a fixed order. */
export function householdBenefits(ledger: Ledger, householdId: number, year: number): HouseholdBenefit[] {
  const out: HouseholdBenefit[] = [];
  const add = (b: Omit<HouseholdBenefit, 'amountLabel'> & { amountLabel?: string }) =>
    out.push({ amountLabel: '', ...b });

  for (const r of personRows(ledger, 'ledger_public_welfare_jobs', householdId)) {
    const start = yearOf(r.start_date);
    const end = yearOf(r.end_date);
    if (!upTo(start, year) || (end !== null && end < year)) continue;
    const monthly = num(r.monthly_subsidy);
    const months = num(r.months);
    const paid = num(r.annual_paid) ?? (monthly !== null && months !== null ? monthly * months : null);
    const job = r.job_type === '99' ? text(r.job_type_note) || '其他岗位' : label('pwj_job_type', r.job_type);
    add({
      ledgerId: 'public_welfare_jobs',
      category: PLAN_MEASURE.publicJob,
      member: r.member,
      item: `公益性岗位：${job}`,
      detail: join([
        text(r.employer),
        months !== null && `聘用 ${months} 个月`,
        monthly !== null && `每月 ${yuan(monthly)}`,
      ]),
      amount: paid,
      amountLabel: '岗位补贴',
      year: start ?? year,
      inPlace: true,
    });
  }

  for (const r of personRows(ledger, 'ledger_migrant_work', householdId, 'AND r.year = ?', year)) {
    const departed = r.status === '01' || r.status === '02';
    const subsidy = num(r.transport_subsidy);
    if (!departed && subsidy === null) continue;
    const monthly = num(r.monthly_income);
    add({
      ledgerId: 'migrant_work',
      category: PLAN_MEASURE.employment,
      member: r.member,
      item: r.point_to_point === 1 ? '外出务工（点对点输送）' : '外出务工',
      detail: join([text(r.work_place), text(r.employer), monthly !== null && `月收入约 ${yuan(monthly)}`]),
      amount: subsidy,
      amountLabel: subsidy === null ? '' : '交通补贴',
      year,
      inPlace: departed,
    });
  }

  for (const r of personRows(ledger, 'ledger_enterprise_workers', householdId, `AND r.status = '01'`)) {
    const monthly = num(r.monthly_wage);
    const enterprise = ledger
      .prepare('SELECT name FROM ledger_enterprises WHERE id = ?')
      .pluck()
      .get(r.parent_id) as string | undefined;
    if (!upTo(yearOf(r.hire_date), year)) continue;
    add({
      ledgerId: 'enterprise_workers',
      category: PLAN_MEASURE.employment,
      member: r.member,
      item: `就近就业：${enterprise ?? '扶贫车间'}`,
      detail: join([text(r.post), monthly !== null && `月工资 ${yuan(monthly)}`]),
      amount: null,
      year: yearOf(r.hire_date) ?? year,
      inPlace: true,
    });
  }

  for (const r of personRows(ledger, 'ledger_medical_insurance', householdId, 'AND r.year = ?', year)) {
    if (r.insured !== 1) continue;
    const subsidy = num(r.subsidy_amount);
    add({
      ledgerId: 'medical_insurance',
      category: PLAN_MEASURE.health,
      member: r.member,
      item: '城乡居民基本医疗保险',
      detail: join([
        label('medical_subsidy_category', r.subsidy_category),
        r.critical_illness === 1 && '大病保险',
        r.chronic_card === 1 &&
          `门诊慢特病${text(r.chronic_disease) ? `（${text(r.chronic_disease)}）` : ''}`,
        r.family_doctor === 1 && '家庭医生签约',
        r.medical_assistance === 1 && '医疗救助',
      ]),
      amount: subsidy,
      amountLabel: subsidy === null ? '' : '缴费资助',
      year,
      inPlace: true,
    });
  }

  for (const r of personRows(ledger, 'ledger_basic_assistance', householdId)) {
    if (!upTo(yearOf(r.dibao_start), year)) continue;
    if (r.dibao === 1)
      add({
        ledgerId: 'basic_assistance',
        category: PLAN_MEASURE.social,
        member: r.member,
        item: '农村低保',
        detail: label('sa_dibao_category', r.dibao_category),
        amount: num(r.dibao_monthly),
        amountLabel: num(r.dibao_monthly) === null ? '' : '每月',
        year: yearOf(r.dibao_start) ?? year,
        inPlace: true,
      });
    if (r.tekun === 1)
      add({
        ledgerId: 'basic_assistance',
        category: PLAN_MEASURE.social,
        member: r.member,
        item: '特困人员供养',
        detail: label('sa_support_mode', r.tekun_mode),
        amount: num(r.tekun_monthly),
        amountLabel: num(r.tekun_monthly) === null ? '' : '每月',
        year,
        inPlace: true,
      });
    if (r.living_subsidy === 1 || r.nursing_subsidy === 1)
      add({
        ledgerId: 'basic_assistance',
        category: PLAN_MEASURE.social,
        member: r.member,
        item: '残疾人两项补贴',
        detail: join([
          r.living_subsidy === 1 && '困难残疾人生活补贴',
          r.nursing_subsidy === 1 && '重度残疾人护理补贴',
          label('sa_disability_grade', r.disability_grade),
        ]),
        amount: null,
        year,
        inPlace: true,
      });
  }

  for (const r of personRows(ledger, 'ledger_compulsory_education', householdId)) {
    const attending = r.attendance === '01' || r.attendance === '03';
    add({
      ledgerId: 'compulsory_education',
      category: PLAN_MEASURE.education,
      member: r.member,
      item: attending ? '义务教育保障' : '控辍保学劝返',
      detail: join([
        text(r.school),
        label('education_grade', r.grade),
        label('education_attendance', r.attendance),
      ]),
      amount: null,
      year,
      inPlace: attending,
    });
  }

  for (const r of householdRows(ledger, 'ledger_housing_renovation', householdId)) {
    const y = yearOf(r.paid_date) ?? yearOf(r.completion_date) ?? yearOf(r.start_date);
    if (!upTo(y, year)) continue;
    const paid = num(r.paid_amount);
    add({
      ledgerId: 'housing_renovation',
      category: PLAN_MEASURE.housing,
      member: null,
      item: `危房改造（${label('housing_danger_level', r.danger_level) || '危房'}）`,
      detail: join([label('housing_renovation_method', r.method), label('housing_progress', r.progress)]),
      amount: paid ?? num(r.subsidy_standard),
      amountLabel: paid !== null ? '已拨付补助' : num(r.subsidy_standard) !== null ? '补助标准' : '',
      year: y,
      inPlace: r.progress === '03' || r.progress === '04',
    });
  }

  for (const r of householdRows(ledger, 'ledger_micro_credit', householdId)) {
    const y = yearOf(r.loan_date);
    const settled = yearOf(r.repaid_date);
    if (!upTo(y, year) || (r.status === '02' && settled !== null && settled < year)) continue;
    add({
      ledgerId: 'micro_credit',
      category: PLAN_MEASURE.finance,
      member: text(r.borrower_name) || null,
      item: '扶贫小额信贷',
      detail: join([
        text(r.bank),
        text(r.purpose),
        num(r.term_months) !== null && `期限 ${num(r.term_months)} 个月`,
        label('loan_status', r.status),
        num(r.interest_subsidy) !== null && `贴息 ${yuan(num(r.interest_subsidy) ?? 0)}`,
      ]),
      amount: num(r.amount),
      amountLabel: '贷款金额',
      year: y,
      inPlace: true,
    });
  }

  for (const r of householdRows(ledger, 'ledger_temporary_relief', householdId)) {
    if (yearOf(r.relief_date) !== year) continue;
    const cash = num(r.cash);
    const goods = num(r.goods_value);
    add({
      ledgerId: 'temporary_relief',
      category: PLAN_MEASURE.social,
      member: null,
      item: `临时救助（${label('tr_reason', r.reason)}）`,
      detail: join([text(r.relief_date), goods !== null && `实物折价 ${yuan(goods)}`, text(r.other_goods)]),
      amount: cash === null && goods === null ? null : (cash ?? 0) + (goods ?? 0),
      amountLabel: '救助金额',
      year,
      inPlace: true,
    });
  }

  for (const r of householdRows(ledger, 'ledger_relocation', householdId)) {
    const y = num(r.relocation_year);
    if (!upTo(y, year)) continue;
    add({
      ledgerId: 'relocation',
      category: PLAN_MEASURE.relocation,
      member: null,
      item: '易地扶贫搬迁',
      detail: join([
        text(r.site_name),
        label('rl_settlement_mode', r.settlement_mode),
        r.moved_in === 1 && '已入住',
      ]),
      amount: num(r.subsidy),
      amountLabel: num(r.subsidy) === null ? '' : '建房补助',
      year: y,
      inPlace: r.moved_in === 1,
    });
  }

  for (const r of householdRows(ledger, 'ledger_drinking_water', householdId)) {
    add({
      ledgerId: 'drinking_water',
      category: PLAN_MEASURE.water,
      member: null,
      item: r.solved === 1 ? '安全饮水已保障' : '安全饮水待解决',
      detail: join([label('water_source_type', r.source_type), label('water_measure', r.measure)]),
      amount: null,
      year: yearOf(r.solved_date),
      inPlace: r.solved === 1,
    });
  }
  return out;
}
