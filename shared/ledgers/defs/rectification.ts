// 15. 问题排查整改 (a region of any level, optionally one household): the 问题清单 → 整改 → 对账销号 flow
// (domain.md 4.5) — where the problem came from, what it is, who fixes it how and by when, and its
// 状态 待整改 / 整改中 / 已销号 with the 销号日期 and 销号人 a closed problem needs.
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { hasCode, isBlank, notBefore, otherNeedsNote, requireFilled } from '../ledger-helpers.ts';

const CLOSED = '03';

export const rectification = defineLedger({
  id: 'rectification',
  name: '问题排查整改',
  group: '问题整改',
  description: '问题清单与整改销号：问题来源（巡视、考核、四核四防排查、数据质量、信访）、类别、描述、责任单位和责任人、整改措施与时限、状态、销号日期与销号人、佐证材料。',
  subject: 'region',
  key: ['subject', 'source', 'description'],
  codeTables: [
    defineCodeTable({
      key: 'rc_source',
      name: '问题来源',
      items: [
        { code: '01', label: '巡视巡察', aliases: ['巡视', '巡察', '巡视反馈', '巡察反馈', '中央巡视'] },
        { code: '02', label: '考核评估', aliases: ['考核', '成效考核', '第三方评估', '国家考核', '省级考核', '交叉考核'] },
        { code: '03', label: '四核四防排查', aliases: ['四核四防', '排查', '自查', '大排查'] },
        { code: '04', label: '数据质量', aliases: ['数据质量核查', '数据比对', '信息比对', '数据清洗', '大数据比对'] },
        { code: '05', label: '信访', aliases: ['信访举报', '信访投诉', '12317', '举报'] },
        { code: '06', label: '督查暗访', aliases: ['督查', '暗访', '明察暗访', '督导'] },
        { code: '07', label: '审计', aliases: ['审计发现', '审计反馈'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'rc_category',
      name: '问题类别',
      items: [
        { code: '01', label: '吃穿（两不愁）', aliases: ['两不愁', '吃穿', '吃穿不愁'] },
        { code: '02', label: '义务教育', aliases: ['教育', '控辍保学', '义务教育保障'] },
        { code: '03', label: '基本医疗', aliases: ['医疗', '健康扶贫', '基本医疗保障'] },
        { code: '04', label: '住房安全', aliases: ['住房', '危房', '住房安全保障'] },
        { code: '05', label: '饮水安全', aliases: ['饮水', '安全饮水'] },
        { code: '06', label: '产业就业', aliases: ['产业', '就业', '收入'] },
        { code: '07', label: '政策落实', aliases: ['帮扶政策', '政策'] },
        { code: '08', label: '数据信息', aliases: ['数据错误', '信息不准', '数据不准', '信息采集'] },
        { code: '09', label: '资金项目', aliases: ['扶贫资金', '项目资金', '资金', '项目'] },
        { code: '10', label: '工作作风', aliases: ['作风', '责任落实'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'rc_status',
      name: '整改状态',
      items: [
        { code: '01', label: '待整改', aliases: ['未整改', '未启动'] },
        { code: '02', label: '整改中', aliases: ['正在整改', '持续整改', '整改推进中'] },
        { code: '03', label: '已销号', aliases: ['已整改', '整改完成', '已完成', '销号', '已整改到位'] },
      ],
    }),
  ],
  fields: [
    { column: 'issue_no', label: '问题编号', type: 'text', aliases: ['编号', '问题序号'] },
    { column: 'source', label: '问题来源', type: 'code', codeTable: 'rc_source', required: true, aliases: ['来源', '发现渠道'] },
    { column: 'category', label: '问题类别', type: 'code', codeTable: 'rc_category', aliases: ['类别', '问题类型', '问题分类'] },
    { column: 'category_note', label: '类别说明', type: 'text', aliases: ['其他类别说明'] },
    { column: 'description', label: '问题描述', type: 'text', long: true, required: true, aliases: ['问题', '存在问题', '问题内容', '具体问题', '问题表现'] },
    { column: 'found_date', label: '发现日期', type: 'date', aliases: ['反馈日期', '交办日期', '发现时间', '排查日期'] },
    { column: 'resp_unit', label: '责任单位', type: 'text', aliases: ['整改责任单位', '牵头单位'] },
    { column: 'resp_person', label: '责任人', type: 'text', aliases: ['整改责任人', '具体责任人'] },
    { column: 'measures', label: '整改措施', type: 'text', long: true, aliases: ['整改举措', '整改方案'] },
    { column: 'deadline', label: '整改时限', type: 'date', aliases: ['完成时限', '整改期限', '整改完成时限'] },
    { column: 'status', label: '整改状态', type: 'code', codeTable: 'rc_status', required: true, aliases: ['状态', '整改进度', '销号情况'] },
    { column: 'closed_date', label: '销号日期', type: 'date', aliases: ['销号时间', '整改完成日期', '完成日期', '整改完成时间'] },
    { column: 'closed_by', label: '销号人', type: 'text', aliases: ['销号责任人', '验收人', '审核销号人'] },
    { column: 'evidence', label: '佐证材料说明', type: 'text', long: true, aliases: ['证明材料', '佐证材料', '证明材料说明', '整改佐证'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['source', 'category', 'description', 'resp_person', 'deadline', 'status', 'closed_date'],
  sortColumns: ['found_date', 'source', 'category', 'resp_person', 'deadline', 'status', 'closed_date'],
  filters: ['source', 'category', 'status'],
  measures: [
    { key: 'records', label: '问题数', kind: 'count' },
    { key: 'pending', label: '待整改', kind: 'count', where: { column: 'status', in: ['01'] } },
    { key: 'in_progress', label: '整改中', kind: 'count', where: { column: 'status', in: ['02'] } },
    { key: 'closed', label: '已销号', kind: 'count', where: { column: 'status', in: [CLOSED] } },
    { key: 'inspection', label: '巡视巡察问题', kind: 'count', where: { column: 'source', in: ['01'] } },
    { key: 'assessment', label: '考核评估问题', kind: 'count', where: { column: 'source', in: ['02'] } },
    { key: 'screening', label: '四核四防排查问题', kind: 'count', where: { column: 'source', in: ['03'] } },
    { key: 'data_quality', label: '数据质量问题', kind: 'count', where: { column: 'source', in: ['04'] } },
  ],
  check(values) {
    const issues = [
      ...notBefore(values, 'found_date', 'deadline', '整改时限不能早于发现日期'),
      ...notBefore(values, 'found_date', 'closed_date', '销号日期不能早于发现日期'),
      ...otherNeedsNote(values, 'category', 'category_note', '问题类别为“其他”时请填写类别说明'),
    ];
    const closed = hasCode(values, 'status', CLOSED);
    if (closed) issues.push(...requireFilled(values, ['closed_date', 'closed_by'], '已销号的问题须填写销号日期和销号人'));
    else if (!isBlank(values.closed_date))
      issues.push({ field: 'status', level: 'error', message: '填写了销号日期，整改状态应为“已销号”' });
    if (closed && isBlank(values.evidence))
      issues.push({ field: 'evidence', level: 'warning', message: '已销号的问题请说明佐证材料' });
    const deadline = values.deadline;
    if (closed && typeof deadline === 'string' && typeof values.closed_date === 'string' && values.closed_date > deadline)
      issues.push({ field: 'closed_date', level: 'warning', message: '超过整改时限才销号' });
    return issues;
  },
}); // prettier-ignore
