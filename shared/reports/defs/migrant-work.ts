// 贫困劳动力外出务工情况统计表 (domain.md §3.2 A): 建档立卡 户数/人数 and 贫困劳动力 from the register; the
// planned and the departed of one 年度 from 外出务工, 合计 and by 去向类别, each as 户数 and 人数.
import { defineReport, type ReportColumn, type ReportWhere } from '../define.ts';

const DESTINATIONS = [
  { code: '01', key: 'in_county', label: '县内' },
  { code: '02', key: 'in_city', label: '县外市内' },
  { code: '03', key: 'in_province', label: '市外省内' },
  { code: '04', key: 'out_province', label: '省外' },
] as const;

/** 户数 and 人数 of one group (合计 or a 去向): a household once per column, a person once. */
const pair = (key: string, label: string, where: readonly ReportWhere[]): ReportColumn => ({
  label,
  children: [
    { key: `${key}_households`, label: '户数', kind: 'households', where },
    { key: `${key}_persons`, label: '人数', kind: 'persons', where },
  ],
});

/** 合计 and the four 去向 of the planned (by 计划去向类别) or the departed (已外出/已返岗, by 去向类别). */
const byDestination = (
  prefix: string,
  label: string,
  base: ReportWhere,
  column: 'planned_destination' | 'destination',
): ReportColumn => ({
  label,
  children: [
    pair(`${prefix}_total`, '合计', [base]),
    ...DESTINATIONS.map((d) => pair(`${prefix}_${d.key}`, d.label, [base, { column, in: [d.code] }])),
  ],
});

export const migrantWorkReport = defineReport({
  id: 'migrant_work',
  title: '贫困劳动力外出务工情况统计表',
  source: { ledger: 'migrant_work' },
  parameters: ['year'],
  unit: '户、人、元',
  columns: [
    {
      label: '建档立卡',
      children: [
        { key: 'households', label: '户数', kind: 'households', source: 'register' },
        { key: 'persons', label: '人数', kind: 'persons', source: 'register' },
      ],
    },
    {
      key: 'labor',
      label: '贫困劳动力人数',
      kind: 'persons',
      source: 'register',
      where: { column: 'labor_skill', on: 'person', in: ['01', '02'] },
    },
    byDestination('planned', '计划外出务工', { column: 'planned', in: [1] }, 'planned_destination'),
    byDestination('out', '已外出务工', { column: 'status', in: ['01', '02'] }, 'destination'),
    { key: 'point_to_point', label: '其中“点对点”输送人数', kind: 'persons', where: { column: 'point_to_point', in: [1] } },
    {
      label: '享受交通补贴',
      children: [
        { key: 'subsidy_persons', label: '人数', kind: 'persons', where: { column: 'transport_subsidy', positive: true } },
        { key: 'subsidy_amount', label: '金额（元）', kind: 'sum', column: 'transport_subsidy' },
      ],
    },
    { key: 'willing_not_out', label: '有务工意愿未外出人数', kind: 'persons', where: { column: 'status', in: ['05'] } },
  ],
  notes: [
    '户数不能跨列相加：一户有成员去向不同的，在每个有其成员的去向列各计一户，在合计中只计一户；人数各去向之和等于合计。',
    '计划外出按计划去向类别统计，已外出（含已返岗）按去向类别统计；外出务工按所选年度统计，建档立卡户数、人数与贫困劳动力按当前台账。',
  ],
}); // prettier-ignore
