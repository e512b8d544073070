// 问题整改进度表: problems found (巡视巡察, 考核评估, 四核四防 …), how many are closed (已销号) and the rate,
// and how many are still open past their 整改时限 on the report's as-of date (逾期未改).
import { defineReport } from '../define.ts';

const OPEN = ['01', '02'];

export const rectificationReport = defineReport({
  id: 'rectification',
  title: '问题整改进度表',
  source: { ledger: 'rectification' },
  parameters: ['asOf'],
  unit: '个、%',
  columns: [
    { key: 'total', label: '问题总数', kind: 'records' },
    {
      label: '整改情况',
      children: [
        { key: 'pending', label: '待整改', kind: 'records', where: { column: 'status', in: ['01'] } },
        { key: 'in_progress', label: '整改中', kind: 'records', where: { column: 'status', in: ['02'] } },
        { key: 'closed', label: '已销号', kind: 'records', where: { column: 'status', in: ['03'] } },
        { key: 'closed_rate', label: '销号率（%）', kind: 'rate', of: 'closed', per: 'total' },
      ],
    },
    { key: 'overdue', label: '逾期未改', kind: 'records', where: [{ column: 'status', in: OPEN }, { column: 'deadline', beforeAsOf: true }] },
  ],
  notes: ['逾期未改：截至统计日期已过整改时限、仍为待整改或整改中的问题。区划记在乡镇或县本级的问题计入小计和合计，不列在村。'],
}); // prettier-ignore
