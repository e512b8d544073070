// 12. 易地扶贫搬迁 (household): how the household moved (搬迁方式 A45), where and how it was settled
// (安置方式 A47, 安置地 A48, 安置点), whether it moved in, and whether the old house was pulled down
// and the land reclaimed (拆旧复垦).
import { defineCodeTable } from '../../code-tables/define.ts';
import type { Issue } from '../../rules/issue.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, notBefore } from '../ledger-helpers.ts';

export const relocation = defineLedger({
  id: 'relocation',
  name: '易地扶贫搬迁',
  group: '易地搬迁',
  description: '易地扶贫搬迁户：搬迁年度与方式、安置方式与安置点、住房面积与补助、是否入住、旧房拆除与复垦、后续扶持。',
  subject: 'household',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'rl_relocation_mode',
      name: '搬迁方式',
      source: '扶贫手册 A45',
      items: [
        { code: '01', label: '行政村整体搬迁', aliases: ['行政区整体搬迁', '整村搬迁', '整村整体搬迁'] },
        { code: '02', label: '自然村（村民小组）整体搬迁', aliases: ['自然村整体搬迁', '村民小组整体搬迁', '整组搬迁'] },
        { code: '03', label: '建档立卡贫困户个别搬迁', aliases: ['个别搬迁', '分散搬迁', '插花搬迁', '贫困户个别搬迁'] },
      ],
    }),
    defineCodeTable({
      key: 'rl_settlement_mode',
      name: '安置方式',
      source: '扶贫手册 A47',
      items: [
        { code: '01', label: '集中安置', aliases: ['集中'] },
        { code: '02', label: '分散安置', aliases: ['分散'] },
      ],
    }),
    defineCodeTable({
      key: 'rl_settlement_place',
      name: '安置地',
      source: '扶贫手册 A48',
      items: [
        { code: '01', label: '县城安置', aliases: ['县城', '城区安置'] },
        { code: '02', label: '乡镇安置', aliases: ['集镇安置', '乡镇', '集镇'] },
        { code: '03', label: '县外安置', aliases: ['县外'] },
        { code: '04', label: '村外安置', aliases: ['村外', '中心村安置'] },
        { code: '05', label: '村内安置', aliases: ['村内', '本村安置'] },
      ],
    }),
  ],
  fields: [
    { column: 'relocation_year', label: '搬迁年度', type: 'year', aliases: ['搬迁年份', '计划搬迁年度', '搬迁批次年度', '年度'] },
    { column: 'relocation_mode', label: '搬迁方式', type: 'code', codeTable: 'rl_relocation_mode', required: true, aliases: ['搬迁类型'] },
    { column: 'settlement_mode', label: '安置方式', type: 'code', codeTable: 'rl_settlement_mode', required: true, aliases: ['安置类型'] },
    { column: 'settlement_place', label: '安置地', type: 'code', codeTable: 'rl_settlement_place', aliases: ['安置区域', '安置地类型', '安置去向'] },
    { column: 'site_name', label: '安置点名称', type: 'text', aliases: ['安置点', '安置地点', '安置小区', '集中安置点名称'] },
    { column: 'persons', label: '搬迁人数', type: 'int', min: 1, max: 30, aliases: ['搬迁人口', '安置人数', '搬迁人口数'] },
    { column: 'house_area', label: '安置住房面积（㎡）', type: 'decimal', min: 0, max: 1_000, aliases: ['住房面积', '安置房面积', '安置住房面积', '住房面积（平方米）'] },
    { column: 'subsidy', label: '建房补助（元）', type: 'decimal', min: 0, max: 500_000, aliases: ['补助资金', '建房补助资金', '补助金额', '搬迁补助（元）'] },
    { column: 'key_handed', label: '是否交付钥匙', type: 'bool', aliases: ['是否交钥匙', '是否领取钥匙', '是否取得新房钥匙'] },
    { column: 'moved_in', label: '是否入住', type: 'bool', aliases: ['是否搬迁入住', '是否已入住', '入住情况', '是否搬迁'] },
    { column: 'move_in_date', label: '入住日期', type: 'date', aliases: ['入住时间', '搬迁入住时间', '搬迁时间'] },
    { column: 'demolished', label: '旧房是否拆除', type: 'bool', aliases: ['是否拆旧', '是否拆除旧房', '拆旧情况', '旧房拆除'] },
    { column: 'demolish_date', label: '拆旧日期', type: 'date', aliases: ['拆除日期', '旧房拆除时间', '拆旧时间'] },
    { column: 'reclaimed', label: '是否复垦', type: 'bool', aliases: ['是否完成复垦', '复垦情况', '宅基地是否复垦'] },
    { column: 'reclaim_area', label: '复垦面积（亩）', type: 'decimal', min: 0, max: 100, aliases: ['复垦面积', '宅基地复垦面积'] },
    { column: 'follow_up', label: '后续扶持措施', type: 'text', long: true, aliases: ['后续扶持', '后扶措施', '后续帮扶措施'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['relocation_year', 'relocation_mode', 'settlement_mode', 'site_name', 'moved_in', 'demolished', 'reclaimed'],
  sortColumns: ['relocation_year', 'relocation_mode', 'settlement_mode', 'site_name'],
  filters: ['relocation_year', 'relocation_mode', 'settlement_mode', 'settlement_place', 'moved_in', 'demolished', 'reclaimed'],
  measures: [
    { key: 'records', label: '搬迁户数', kind: 'count' },
    { key: 'persons', label: '搬迁人数', kind: 'sum', column: 'persons' },
    { key: 'centralized', label: '集中安置户数', kind: 'count', where: { column: 'settlement_mode', in: ['01'] } },
    { key: 'scattered', label: '分散安置户数', kind: 'count', where: { column: 'settlement_mode', in: ['02'] } },
    { key: 'moved_in', label: '已入住户数', kind: 'count', where: { column: 'moved_in', in: [1] } },
    { key: 'demolished', label: '已拆旧户数', kind: 'count', where: { column: 'demolished', in: [1] } },
    { key: 'reclaimed', label: '已复垦户数', kind: 'count', where: { column: 'reclaimed', in: [1] } },
    { key: 'reclaim_area', label: '复垦面积（亩）', kind: 'sum', column: 'reclaim_area' },
    { key: 'subsidy', label: '建房补助金额', kind: 'sum', column: 'subsidy' },
  ],
  derive(values) {
    // A date says it happened: a blank 是否入住 / 是否拆除 follows its date.
    const out: LedgerValues = {};
    if (isBlank(values.moved_in) && !isBlank(values.move_in_date)) out.moved_in = 1;
    if (isBlank(values.demolished) && !isBlank(values.demolish_date)) out.demolished = 1;
    return out;
  },
  check(values) {
    // Pulling the old house down before moving in happens (a collapsed house), but is worth a look.
    const issues: Issue[] = notBefore(values, 'move_in_date', 'demolish_date', '拆旧日期早于入住日期，请核实').map((i) => ({ ...i, level: 'warning' as const }));
    if (values.moved_in === 0 && !isBlank(values.move_in_date))
      issues.push({ field: 'moved_in', level: 'error', message: '填写了入住日期，是否入住应为“是”' });
    if (values.demolished === 0 && !isBlank(values.demolish_date))
      issues.push({ field: 'demolished', level: 'error', message: '填写了拆旧日期，旧房是否拆除应为“是”' });
    if (values.reclaimed === 1 && values.demolished === 0)
      issues.push({ field: 'reclaimed', level: 'error', message: '旧房未拆除不能复垦' });
    if (typeof values.reclaim_area === 'number' && values.reclaim_area > 0 && values.reclaimed === 0)
      issues.push({ field: 'reclaimed', level: 'error', message: '填写了复垦面积，是否复垦应为“是”' });
    if (values.demolished === 1 && values.moved_in === 0)
      issues.push({ field: 'demolished', level: 'warning', message: '尚未入住新房就拆除了旧房，请核实' });
    return issues;
  },
}); // prettier-ignore
