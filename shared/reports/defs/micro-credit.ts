// 扶贫小额信贷统计表: loans granted (户数, 笔数, 金额), the balance still owed, the overdue loans, those 续贷 or
// 展期 under the 2020 epidemic policy, and those 受疫情影响 — each as 户数 (a household with two loans once) and
// an amount. One record is one loan contract, so 户数 are distinct households, 笔数 records.
import { defineReport } from '../define.ts';

export const microCreditReport = defineReport({
  id: 'micro_credit',
  title: '扶贫小额信贷统计表',
  source: { ledger: 'micro_credit' },
  parameters: [],
  unit: '户、笔、元',
  columns: [
    {
      label: '累计发放',
      children: [
        { key: 'households', label: '户数', kind: 'households' },
        { key: 'loans', label: '笔数', kind: 'records' },
        { key: 'amount', label: '金额（元）', kind: 'sum', column: 'amount' },
      ],
    },
    {
      label: '贷款余额',
      children: [
        { key: 'balance_households', label: '户数', kind: 'households', where: { column: 'balance', positive: true } },
        { key: 'balance', label: '金额（元）', kind: 'sum', column: 'balance' },
      ],
    },
    {
      label: '逾期',
      children: [
        { key: 'overdue_households', label: '户数', kind: 'households', where: { column: 'overdue_amount', positive: true } },
        { key: 'overdue', label: '金额（元）', kind: 'sum', column: 'overdue_amount' },
        { key: 'overdue_rate', label: '逾期率（%）', kind: 'rate', of: 'overdue', per: 'balance' },
      ],
    },
    {
      label: '续贷展期',
      children: [
        { key: 'renewed_households', label: '续贷户数', kind: 'households', where: { column: 'extension_type', in: ['01'] } },
        { key: 'extended_households', label: '展期户数', kind: 'households', where: { column: 'extension_type', in: ['02'] } },
        { key: 'renewed_extended_amount', label: '金额（元）', kind: 'sum', column: 'amount', where: { column: 'extension_type', in: ['01', '02'] } },
      ],
    },
    {
      label: '受疫情影响',
      children: [
        { key: 'covid_households', label: '户数', kind: 'households', where: { column: 'covid_affected', in: [1] } },
        { key: 'covid_balance', label: '贷款余额（元）', kind: 'sum', column: 'balance', where: { column: 'covid_affected', in: [1] } },
        { key: 'covid_overdue', label: '逾期金额（元）', kind: 'sum', column: 'overdue_amount', where: { column: 'covid_affected', in: [1] } },
      ],
    },
    { key: 'interest_subsidy', label: '贴息金额（元）', kind: 'sum', column: 'interest_subsidy' },
  ],
  notes: [
    '户数按户统计：一户有多笔贷款的只计一户，故各列户数不能相加；金额按笔累加。逾期率 = 逾期金额 ÷ 贷款余额。受疫情影响逾期的不纳入失信记录。',
  ],
}); // prettier-ignore
