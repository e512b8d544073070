// 危房改造进度表: households in the programme (四类重点对象 and 建档立卡 among them, by 危房等级), how many were
// 鉴定, 开工, 竣工 and 验收 by the as-of date (their dates, not a status typed once), the subsidy planned, and
// the households paid and the amount paid by then, with the rates.
import { defineReport } from '../define.ts';

export const housingRenovationReport = defineReport({
  id: 'housing_renovation',
  title: '危房改造进度表',
  source: { ledger: 'housing_renovation' },
  parameters: ['asOf'],
  unit: '户、元、%',
  columns: [
    { key: 'households', label: '改造户数', kind: 'households' },
    { key: 'priority', label: '其中四类重点对象', kind: 'households', where: { column: 'target_category', in: ['01', '02', '03', '04'] } },
    { key: 'poor', label: '其中建档立卡贫困户', kind: 'households', where: { column: 'target_category', in: ['01'] } },
    {
      label: '危房等级',
      children: [
        { key: 'level_c', label: 'C级', kind: 'households', where: { column: 'danger_level', in: ['01'] } },
        { key: 'level_d', label: 'D级', kind: 'households', where: { column: 'danger_level', in: ['02'] } },
      ],
    },
    {
      label: '截至统计日期进度',
      children: [
        { key: 'appraised', label: '已鉴定', kind: 'households', where: { column: 'appraisal_date', byAsOf: true } },
        { key: 'started', label: '已开工', kind: 'households', where: { column: 'start_date', byAsOf: true } },
        { key: 'started_rate', label: '开工率（%）', kind: 'rate', of: 'started', per: 'households' },
        { key: 'completed', label: '已竣工', kind: 'households', where: { column: 'completion_date', byAsOf: true } },
        { key: 'completed_rate', label: '竣工率（%）', kind: 'rate', of: 'completed', per: 'households' },
        { key: 'accepted', label: '已验收', kind: 'households', where: { column: 'acceptance_date', byAsOf: true } },
      ],
    },
    {
      label: '补助资金',
      children: [
        { key: 'subsidy', label: '补助资金（元）', kind: 'sum', column: 'subsidy_standard' },
        { key: 'paid_households', label: '已拨付户数', kind: 'households', where: [{ column: 'paid_amount', positive: true }, { column: 'paid_date', byAsOf: true }] },
        { key: 'paid', label: '已拨付金额（元）', kind: 'sum', column: 'paid_amount', where: { column: 'paid_date', byAsOf: true } },
        { key: 'paid_rate', label: '拨付率（%）', kind: 'rate', of: 'paid', per: 'subsidy' },
      ],
    },
  ],
  notes: ['鉴定、开工、竣工、验收与拨付按各自日期截至统计日期统计；未填日期的不计入。开工率、竣工率以改造户数为分母，拨付率以补助资金为分母。'],
}); // prettier-ignore
