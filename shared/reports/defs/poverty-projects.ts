// 扶贫项目与资金进度表: projects (cancelled ones left out), how many started and finished by their 项目状态,
// 开工率, the funds planned by source and paid, 拨付率 — per place of the project.
import { defineReport, type ReportWhere } from '../define.ts';

const LIVE: ReportWhere = { column: 'status', in: ['', '01', '02', '03', '04'] };
const sum = (key: string, label: string) => ({ key, label, kind: 'sum' as const, column: key, where: LIVE });

export const povertyProjectsReport = defineReport({
  id: 'poverty_projects',
  title: '扶贫项目与资金进度表',
  source: { ledger: 'poverty_projects' },
  parameters: [],
  unit: '个、元、%',
  columns: [
    {
      label: '项目进度',
      children: [
        { key: 'projects', label: '项目数', kind: 'records', where: LIVE },
        { key: 'started', label: '已开工', kind: 'records', where: { column: 'status', in: ['02', '03', '04'] } },
        { key: 'started_rate', label: '开工率（%）', kind: 'rate', of: 'started', per: 'projects' },
        { key: 'completed', label: '已完工', kind: 'records', where: { column: 'status', in: ['03', '04'] } },
        { key: 'completed_rate', label: '完工率（%）', kind: 'rate', of: 'completed', per: 'projects' },
      ],
    },
    {
      label: '资金规模（元）',
      children: [
        sum('fund_total', '合计'),
        sum('fund_central', '中央财政'),
        sum('fund_province', '省级财政'),
        sum('fund_city_county', '市县财政'),
        sum('fund_integrated', '统筹整合'),
        sum('fund_other', '其他'),
      ],
    },
    {
      label: '资金拨付',
      children: [
        sum('paid_amount', '已拨付（元）'),
        { key: 'paid_rate', label: '拨付率（%）', kind: 'rate', of: 'paid_amount', per: 'fund_total' },
      ],
    },
  ],
  notes: ['不含已取消的项目。开工率 = 已开工（含完工、验收）÷ 项目数；拨付率 = 已拨付 ÷ 资金合计。记在乡镇或县本级的项目计入小计和合计，不列在村。'],
}); // prettier-ignore
