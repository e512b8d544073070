// 首页: the key indicators of the seed documents, each a card over one report of the catalog. A card says
// which report it reads and which cells of that report's 合计 row (or of its 乡镇/村 rows, for a chart by
// region) each number and chart shows — nothing is counted a second way, so 首页 and 报表 cannot disagree.
// main/core/home runs the report for the selected region; the renderer draws the card from this definition.
import { CODE_TABLES } from '../code-tables/index.ts';
import { compulsoryEducation } from '../ledgers/defs/compulsory-education.ts';
import { publicWelfareJobs } from '../ledgers/defs/public-welfare-jobs.ts';
import { returneeScreening } from '../ledgers/defs/returnee-screening.ts';
import type { CodeTable } from '../code-tables/define.ts';
import { DIBAO_ATTRIBUTES } from '../reports/defs/register-basics.ts';

/** Where a number leads: the 报表 screen at the card's report, or the household list with a filter. */
export type HomeLink =
  | { readonly to: 'report' }
  | {
      readonly to: 'households';
      readonly filter: {
        readonly povertyStatus?: readonly string[];
        readonly monitorCategory?: readonly string[];
        readonly povertyAttribute?: readonly string[];
      };
    };

export type HomeUnit = '户' | '人' | '个' | '元' | '%';

export interface HomeFigure {
  readonly key: string;
  readonly label: string;
  readonly unit: HomeUnit;
  /** Report cells added up (one cell, or the codes of one classification); a rate is always one cell. */
  readonly cells: readonly string[];
  readonly link: HomeLink;
}

export interface HomeSeries {
  readonly label: string;
  /** One entry per category (bars) or per slice (pie); each a sum of report cells. */
  readonly cells: readonly (readonly string[])[];
}

export type HomeChart =
  /** Slices of the 合计 row. */
  | {
      readonly kind: 'pie';
      readonly title: string;
      readonly slices: readonly string[];
      readonly series: HomeSeries;
    }
  /** Bars of the 合计 row, one group per category, one bar per series. */
  | {
      readonly kind: 'bars';
      readonly title: string;
      readonly categories: readonly string[];
      readonly series: readonly HomeSeries[];
      readonly unit: HomeUnit;
      /** Also show the bars as a small table of clickable numbers (外出务工 by 去向). */
      readonly table?: boolean;
    }
  /** One bar per 乡镇 (county selected) or 村 (乡镇 selected), from those rows of the report. */
  | {
      readonly kind: 'regions';
      readonly title: string;
      readonly series: readonly { readonly label: string; readonly cells: readonly string[] }[];
      readonly unit: HomeUnit;
    };

export interface HomeCardDef {
  readonly id: string;
  readonly title: string;
  /** The report (shared/reports/defs) whose cells the card shows. */
  readonly report: string;
  readonly figures: readonly HomeFigure[];
  readonly chart: HomeChart;
  /** A figure that explains how two others relate (低保). */
  readonly explain?: 'dibao';
}

const report = { to: 'report' } as const;
const one = (cell: string): readonly string[] => [cell];
const codesOf = (table: CodeTable) => table.items.filter((i) => !i.retired);
const ledgerTable = (tables: readonly CodeTable[], key: string): CodeTable => {
  const found = tables.find((t) => t.key === key);
  if (!found) throw new Error(`no code table ${key}`);
  return found;
};
/** A pie over every code of a classification the report counts `<prefix>_<code>_<kind>`. */
const pieOf = (title: string, table: CodeTable, prefix: string, kind: string, label: string): HomeChart => ({
  kind: 'pie',
  title,
  slices: codesOf(table).map((i) => i.label),
  series: { label, cells: codesOf(table).map((i) => one(`${prefix}_${i.code}_${kind}`)) },
});

const MONITOR = codesOf(CODE_TABLES.monitor_category).map((i) => i.code);
const DESTINATIONS = [
  ['in_county', '县内'],
  ['in_city', '县外市内'],
  ['in_province', '市外省内'],
  ['out_province', '省外'],
] as const;
const byDestination = (prefix: string, kind: string) =>
  DESTINATIONS.map(([key]) => one(`${prefix}_${key}_${kind}`));

export const HOME_CARDS = [
  {
    id: 'register',
    title: '建档立卡',
    report: 'register_basics',
    figures: [
      { key: 'households', label: '建档立卡户', unit: '户', cells: one('households'), link: { to: 'households', filter: {} } },
      { key: 'persons', label: '建档立卡人口', unit: '人', cells: one('persons'), link: report },
      { key: 'not_out', label: '未脱贫户', unit: '户', cells: one('status_0_households'), link: { to: 'households', filter: { povertyStatus: ['0'] } } },
      { key: 'not_out_persons', label: '未脱贫人口', unit: '人', cells: one('status_0_persons'), link: report },
      { key: 'monitored', label: '监测户', unit: '户', cells: MONITOR.map((c) => `monitor_${c}_households`), link: { to: 'households', filter: { monitorCategory: MONITOR } } },
    ],
    chart: {
      kind: 'regions',
      title: '各地户数',
      unit: '户',
      series: [
        { label: '建档立卡户', cells: one('households') },
        { label: '未脱贫户', cells: one('status_0_households') },
        { label: '监测户', cells: MONITOR.map((c) => `monitor_${c}_households`) },
      ],
    },
  },
  {
    id: 'dibao',
    title: '低保',
    report: 'register_basics',
    figures: [
      { key: 'households', label: '低保贫困户', unit: '户', cells: DIBAO_ATTRIBUTES.map((c) => `attribute_${c}_households`), link: { to: 'households', filter: { povertyAttribute: DIBAO_ATTRIBUTES } } },
      { key: 'members', label: '低保贫困户人口', unit: '人', cells: DIBAO_ATTRIBUTES.map((c) => `attribute_${c}_persons`), link: report },
      { key: 'dibao', label: '享受低保人数', unit: '人', cells: one('dibao_persons'), link: report },
      { key: 'both', label: '其中在低保贫困户', unit: '人', cells: one('dibao_in_attribute'), link: report },
    ],
    chart: {
      kind: 'bars',
      title: '两种口径（人）',
      unit: '人',
      categories: ['低保贫困户人口', '享受低保人数', '两者重合'],
      series: [{ label: '人数', cells: [DIBAO_ATTRIBUTES.map((c) => `attribute_${c}_persons`), one('dibao_persons'), one('dibao_in_attribute')] }],
    },
    explain: 'dibao',
  },
  {
    id: 'migrant',
    title: '外出务工',
    report: 'migrant_work',
    figures: [
      { key: 'planned_households', label: '计划外出户', unit: '户', cells: one('planned_total_households'), link: report },
      { key: 'planned_persons', label: '计划外出人', unit: '人', cells: one('planned_total_persons'), link: report },
      { key: 'out_households', label: '已外出户', unit: '户', cells: one('out_total_households'), link: report },
      { key: 'out_persons', label: '已外出人', unit: '人', cells: one('out_total_persons'), link: report },
    ],
    chart: {
      kind: 'bars',
      title: '按去向',
      unit: '人',
      categories: DESTINATIONS.map(([, label]) => label),
      table: true,
      series: [
        { label: '计划外出户数', cells: byDestination('planned', 'households') },
        { label: '计划外出人数', cells: byDestination('planned', 'persons') },
        { label: '已外出户数', cells: byDestination('out', 'households') },
        { label: '已外出人数', cells: byDestination('out', 'persons') },
      ],
    },
  },
  {
    id: 'jobs',
    title: '公益性岗位',
    report: 'public_welfare_jobs',
    figures: [
      { key: 'persons', label: '安置人数', unit: '人', cells: one('persons'), link: report },
      { key: 'households', label: '涉及户数', unit: '户', cells: one('households'), link: report },
      { key: 'posts', label: '岗位数', unit: '个', cells: one('posts'), link: report },
      { key: 'paid', label: '年度发放', unit: '元', cells: one('paid'), link: report },
    ],
    chart: pieOf('按资金来源（人数）', ledgerTable(publicWelfareJobs.codeTables, 'pwj_fund_source'), 'fund', 'persons', '人数'),
  },
  {
    id: 'housing',
    title: '危房改造进度',
    report: 'housing_renovation',
    figures: [
      { key: 'households', label: '改造户数', unit: '户', cells: one('households'), link: report },
      { key: 'started_rate', label: '开工率', unit: '%', cells: one('started_rate'), link: report },
      { key: 'completed_rate', label: '竣工率', unit: '%', cells: one('completed_rate'), link: report },
      { key: 'accepted', label: '已验收', unit: '户', cells: one('accepted'), link: report },
    ],
    chart: {
      kind: 'bars',
      title: '截至今日进度（户）',
      unit: '户',
      categories: ['改造户数', '已鉴定', '已开工', '已竣工', '已验收'],
      series: [{ label: '户数', cells: ['households', 'appraised', 'started', 'completed', 'accepted'].map(one) }],
    },
  },
  {
    id: 'medical',
    title: '基本医疗参保',
    report: 'medical_insurance',
    figures: [
      { key: 'should', label: '应参保', unit: '人', cells: one('should'), link: report },
      { key: 'insured', label: '已参保', unit: '人', cells: one('insured'), link: report },
      { key: 'insured_rate', label: '参保率', unit: '%', cells: one('insured_rate'), link: report },
      { key: 'not_insured', label: '未参保', unit: '人', cells: one('not_insured'), link: report },
    ],
    chart: { kind: 'regions', title: '各地参保率', unit: '%', series: [{ label: '参保率', cells: one('insured_rate') }] },
  },
  {
    id: 'education',
    title: '控辍保学',
    report: 'compulsory_education',
    figures: [
      { key: 'persons', label: '适龄儿童少年', unit: '人', cells: one('persons'), link: report },
      { key: 'dropped', label: '辍学', unit: '人', cells: one('attendance_02_persons'), link: report },
      { key: 'returned', label: '劝返复学', unit: '人', cells: one('returned'), link: report },
      { key: 'in_school_rate', label: '在校率', unit: '%', cells: one('in_school_rate'), link: report },
    ],
    chart: pieOf('按就学状态（人数）', ledgerTable(compulsoryEducation.codeTables, 'education_attendance'), 'attendance', 'persons', '人数'),
  },
  {
    id: 'projects',
    title: '扶贫项目',
    report: 'poverty_projects',
    figures: [
      { key: 'projects', label: '项目数', unit: '个', cells: one('projects'), link: report },
      { key: 'started_rate', label: '开工率', unit: '%', cells: one('started_rate'), link: report },
      { key: 'paid_rate', label: '资金拨付率', unit: '%', cells: one('paid_rate'), link: report },
      { key: 'fund_total', label: '资金规模', unit: '元', cells: one('fund_total'), link: report },
    ],
    chart: {
      kind: 'regions',
      title: '各地开工率与拨付率',
      unit: '%',
      series: [
        { label: '开工率', cells: one('started_rate') },
        { label: '拨付率', cells: one('paid_rate') },
      ],
    },
  },
  {
    id: 'credit',
    title: '小额信贷逾期',
    report: 'micro_credit',
    figures: [
      { key: 'overdue_households', label: '逾期户数', unit: '户', cells: one('overdue_households'), link: report },
      { key: 'overdue', label: '逾期金额', unit: '元', cells: one('overdue'), link: report },
      { key: 'overdue_rate', label: '逾期率', unit: '%', cells: one('overdue_rate'), link: report },
      { key: 'balance_households', label: '有余额户数', unit: '户', cells: one('balance_households'), link: report },
    ],
    chart: { kind: 'regions', title: '各地逾期户数', unit: '户', series: [{ label: '逾期户数', cells: one('overdue_households') }] },
  },
  {
    id: 'returnees',
    title: '返乡人员隔离',
    report: 'returnee_screening',
    figures: [
      { key: 'persons', label: '排查人数', unit: '人', cells: one('persons'), link: report },
      { key: 'isolated', label: '隔离人数', unit: '人', cells: ['control_01_persons', 'control_02_persons'], link: report },
      { key: 'central', label: '其中集中隔离', unit: '人', cells: one('control_02_persons'), link: report },
      { key: 'isolating', label: '隔离未解除', unit: '人', cells: one('isolating'), link: report },
    ],
    chart: pieOf('按管控措施（人数）', ledgerTable(returneeScreening.codeTables, 'rs_control'), 'control', 'persons', '人数'),
  },
  {
    id: 'rectification',
    title: '问题整改',
    report: 'rectification',
    figures: [
      { key: 'total', label: '问题总数', unit: '个', cells: one('total'), link: report },
      { key: 'closed', label: '已销号', unit: '个', cells: one('closed'), link: report },
      { key: 'closed_rate', label: '销号率', unit: '%', cells: one('closed_rate'), link: report },
      { key: 'overdue', label: '逾期未改', unit: '个', cells: one('overdue'), link: report },
    ],
    chart: {
      kind: 'pie',
      title: '整改情况（个）',
      slices: ['待整改', '整改中', '已销号'],
      series: { label: '问题数', cells: ['pending', 'in_progress', 'closed'].map(one) },
    },
  },
] as const satisfies readonly HomeCardDef[]; // prettier-ignore

export type HomeCardId = (typeof HOME_CARDS)[number]['id'];
export const HOME_CARD_IDS = HOME_CARDS.map((c) => c.id) as [HomeCardId, ...HomeCardId[]];

export const homeCard = (id: string): HomeCardDef | undefined => HOME_CARDS.find((c) => c.id === id);

/** Every report cell a card reads (its numbers and its chart). */
export function homeCardCells(card: HomeCardDef): string[] {
  const cells = new Set<string>();
  for (const f of card.figures) f.cells.forEach((c) => cells.add(c));
  const series = card.chart.kind === 'pie' ? [card.chart.series] : card.chart.series;
  for (const s of series) for (const entry of s.cells) (typeof entry === 'string' ? [entry] : entry).forEach((c) => cells.add(c));
  return [...cells];
} // prettier-ignore

/**
 * The value of report cells added up from one row's values; a rate (one cell) as it is, null when the
 * report has none (a rate over 0). The one way a 首页 number is made from a report row.
 */
export function cellsValue(cells: readonly string[], values: Readonly<Record<string, number | null>>): number | null {
  if (cells.length === 1) return values[cells[0] as string] ?? null;
  let sum = 0;
  for (const c of cells) sum += values[c] ?? 0;
  return Math.round(sum * 100) / 100;
} // prettier-ignore
