// 20. 户籍清理与信访: people living in a village (or a household of it) without 户口 — why, how far the
// 落户 has got, and when they were registered; and the 信访投诉 of a place or household — from where,
// what was raised, whether it was true and how it was settled.
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { hasCode, isBlank, notBefore, otherNeedsNote, requireFilled } from '../ledger-helpers.ts';

const SETTLED = '04';
const CLOSED = '02';

export const unregisteredPersons = defineLedger({
  id: 'unregistered_persons',
  name: '无户籍人员',
  group: '户籍信访',
  description: '户籍清理中的无户口人员：姓名、性别、出生日期、所在村或户、无户口原因、办理进度与落户日期。',
  subject: 'region',
  key: ['subject', 'name'],
  codeTables: [
    defineCodeTable({
      key: 'up_reason',
      name: '无户口原因',
      source: '国办发〔2015〕96号《关于解决无户口人员登记户口问题的意见》所列情形，另加常见的非婚生育、错误注销',
      items: [
        { code: '01', label: '不符合计划生育政策', aliases: ['政策外生育', '超生', '计划外生育'] },
        { code: '02', label: '未办理出生医学证明', aliases: ['无出生医学证明', '无出生证明', '出生未登记'] },
        { code: '03', label: '事实收养', aliases: ['收养', '抱养', '未办理收养手续'] },
        { code: '04', label: '被宣告失踪或死亡后户口被注销', aliases: ['宣告死亡', '宣告失踪', '宣告死亡后重新出现'] },
        { code: '05', label: '失踪或被拐后户口被注销', aliases: ['被拐', '失踪后注销', '被拐卖'] },
        { code: '06', label: '与外国人或无国籍人非婚生育', aliases: ['涉外非婚生育', '外籍非婚生', '与外国人非婚生育'] },
        { code: '07', label: '户口迁移遗留', aliases: ['迁移未落户', '户口迁出未落', '迁移遗留', '准迁证过期', '迁移证遗失'] },
        { code: '08', label: '户口被错误注销', aliases: ['错误注销', '漏登', '户口漏登', '出国注销'] },
        { code: '09', label: '非婚生育', aliases: ['非婚生', '未婚生育'] },
        { code: '99', label: '其他', aliases: ['其它', '历史遗留'] },
      ],
    }),
    defineCodeTable({
      key: 'up_progress',
      name: '落户办理进度',
      items: [
        { code: '01', label: '未办理', aliases: ['未受理', '待办理', '未启动'] },
        { code: '02', label: '材料收集中', aliases: ['收集材料', '准备材料', '补充材料'] },
        { code: '03', label: '已受理', aliases: ['已申报', '审核中', '办理中'] },
        { code: SETTLED, label: '已落户', aliases: ['已办结', '已登记户口', '已上户', '已完成'] },
        { code: '05', label: '无法办理', aliases: ['不符合条件', '暂缓办理', '不予办理'] },
      ],
    }),
  ],
  fields: [
    { column: 'name', label: '姓名', type: 'text', required: true, aliases: ['无户口人员姓名', '无户籍人员姓名', '人员姓名'] },
    { column: 'sex', label: '性别', type: 'code', codeTable: 'sex' },
    { column: 'birth_date', label: '出生日期', type: 'date', aliases: ['出生年月', '出生时间'] },
    { column: 'host_name', label: '所在户户主', type: 'text', aliases: ['寄住户户主', '借住户户主', '监护人'], help: '所在户不在建档立卡户中时填写' },
    { column: 'relation_note', label: '与户主关系', type: 'text', aliases: ['关系'] },
    { column: 'reason', label: '无户口原因', type: 'code', codeTable: 'up_reason', required: true, aliases: ['原因', '未落户原因', '无户籍原因', '无户口类型'] },
    { column: 'reason_note', label: '原因说明', type: 'text', long: true, aliases: ['情况说明', '具体原因'] },
    { column: 'progress', label: '办理进度', type: 'code', codeTable: 'up_progress', required: true, aliases: ['进度', '办理情况', '落户进度', '办理状态'] },
    { column: 'police_station', label: '受理派出所', type: 'text', aliases: ['派出所', '办理派出所', '户籍派出所'] },
    { column: 'settle_date', label: '落户日期', type: 'date', aliases: ['落户时间', '登记户口日期', '上户日期', '办结日期'] },
    { column: 'new_id_number', label: '落户后身份证号', type: 'id-number', sensitive: true, aliases: ['新办身份证号', '落户后公民身份号码'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['name', 'sex', 'birth_date', 'host_name', 'reason', 'progress', 'settle_date'],
  sortColumns: ['name', 'sex', 'birth_date', 'host_name', 'reason', 'progress', 'settle_date'],
  filters: ['reason', 'progress', 'sex'],
  measures: [
    { key: 'records', label: '无户口人数', kind: 'count' },
    { key: 'settled', label: '已落户', kind: 'count', where: { column: 'progress', in: [SETTLED] } },
    { key: 'in_progress', label: '办理中', kind: 'count', where: { column: 'progress', in: ['02', '03'] } },
    { key: 'not_started', label: '未办理', kind: 'count', where: { column: 'progress', in: ['01'] } },
    { key: 'unable', label: '无法办理', kind: 'count', where: { column: 'progress', in: ['05'] } },
  ],
  check(values) {
    const issues = [
      ...otherNeedsNote(values, 'reason', 'reason_note', '无户口原因为“其他”时请填写原因说明'),
      ...notBefore(values, 'birth_date', 'settle_date', '落户日期不能早于出生日期'),
    ];
    const settled = hasCode(values, 'progress', SETTLED);
    if (settled) issues.push(...requireFilled(values, ['settle_date'], '已落户的请填写落户日期'));
    else if (!isBlank(values.settle_date))
      issues.push({ field: 'progress', level: 'error', message: '填写了落户日期，办理进度应为“已落户”' });
    if (!settled && !isBlank(values.new_id_number))
      issues.push({ field: 'progress', level: 'warning', message: '已有身份证号，办理进度应为“已落户”' });
    return issues;
  },
}); // prettier-ignore

export const petitions = defineLedger({
  id: 'petitions',
  name: '信访投诉',
  group: '户籍信访',
  description: '信访投诉登记：来源、日期、反映人、问题类别与内容、承办单位、是否属实、办理结果与办结日期、满意度。',
  subject: 'region',
  key: ['subject', 'petition_date', 'petitioner'],
  codeTables: [
    defineCodeTable({
      key: 'pt_source',
      name: '信访来源',
      items: [
        { code: '01', label: '来信', aliases: ['信件', '来信反映'] },
        { code: '02', label: '来访', aliases: ['走访', '上访', '当面反映', '来人来访'] },
        { code: '03', label: '12317扶贫监督举报电话', aliases: ['12317', '12317热线', '扶贫监督举报电话'] },
        { code: '04', label: '12345热线', aliases: ['12345', '市长热线', '便民热线', '政务服务热线'] },
        { code: '05', label: '网上信访', aliases: ['网络信访', '网上投诉', '领导留言板', '网上留言'] },
        { code: '06', label: '电话', aliases: ['来电', '电话反映', '电话投诉'] },
        { code: '07', label: '上级交办', aliases: ['交办', '转办', '上级转办', '上级转交'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'pt_category',
      name: '信访问题类别',
      items: [
        { code: '01', label: '识别退出', aliases: ['精准识别', '贫困户识别', '评定不公', '脱贫退出'] },
        { code: '02', label: '政策落实', aliases: ['政策享受', '帮扶政策'] },
        { code: '03', label: '资金项目', aliases: ['扶贫资金', '项目', '资金'] },
        { code: '04', label: '低保救助', aliases: ['低保', '救助', '社会救助'] },
        { code: '05', label: '住房', aliases: ['危房改造', '住房安全'] },
        { code: '06', label: '医疗', aliases: ['医保', '看病'] },
        { code: '07', label: '教育', aliases: ['上学', '教育资助'] },
        { code: '08', label: '饮水', aliases: ['安全饮水', '吃水'] },
        { code: '09', label: '户籍', aliases: ['户口', '落户'] },
        { code: '10', label: '干部作风', aliases: ['作风', '优亲厚友', '吃拿卡要'] },
        { code: '11', label: '疫情防控', aliases: ['疫情', '防疫'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'pt_truth',
      name: '核实结论',
      items: [
        { code: '01', label: '属实', aliases: ['反映属实', '是'] },
        { code: '02', label: '部分属实', aliases: ['基本属实'] },
        { code: '03', label: '不属实', aliases: ['反映不属实', '否', '失实'] },
        { code: '04', label: '待核实', aliases: ['核查中', '正在核实', '未核实'] },
      ],
    }),
    defineCodeTable({
      key: 'pt_status',
      name: '办理状态',
      items: [
        { code: '01', label: '办理中', aliases: ['未办结', '正在办理', '在办'] },
        { code: CLOSED, label: '已办结', aliases: ['办结', '已结案', '已答复', '已完成'] },
      ],
    }),
  ],
  fields: [
    { column: 'source', label: '信访来源', type: 'code', codeTable: 'pt_source', required: true, aliases: ['来源', '信访形式', '信访方式', '反映渠道'] },
    { column: 'petition_date', label: '信访日期', type: 'date', required: true, aliases: ['日期', '来信来访日期', '受理日期', '登记日期', '反映时间', '信访时间'] },
    { column: 'petitioner', label: '反映人', type: 'text', aliases: ['信访人', '反映人姓名', '投诉人', '举报人'], help: '匿名的写“匿名”' },
    { column: 'petitioner_phone', label: '反映人电话', type: 'phone', sensitive: true, aliases: ['联系电话', '信访人电话', '电话'] },
    { column: 'category', label: '问题类别', type: 'code', codeTable: 'pt_category', aliases: ['类别', '问题类型', '信访类别'] },
    { column: 'content', label: '反映问题', type: 'text', long: true, required: true, aliases: ['反映内容', '信访事项', '主要诉求', '反映的问题', '信访内容', '投诉内容'] },
    { column: 'handler_unit', label: '承办单位', type: 'text', aliases: ['办理单位', '责任单位', '承办人'] },
    { column: 'truth', label: '是否属实', type: 'code', codeTable: 'pt_truth', aliases: ['核实结论', '核查结果', '核实情况', '调查结论'] },
    { column: 'result', label: '办理结果', type: 'text', long: true, aliases: ['处理结果', '办理情况', '答复意见', '处理情况'] },
    { column: 'status', label: '办理状态', type: 'code', codeTable: 'pt_status', aliases: ['状态', '是否办结'] },
    { column: 'closed_date', label: '办结日期', type: 'date', aliases: ['办结时间', '结案日期', '答复日期'] },
    { column: 'satisfied', label: '是否满意', type: 'bool', aliases: ['信访人是否满意', '满意度', '群众是否满意'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['source', 'petition_date', 'petitioner', 'category', 'content', 'truth', 'status'],
  sortColumns: ['source', 'petition_date', 'petitioner', 'category', 'truth', 'status'],
  filters: ['source', 'category', 'truth', 'status', 'satisfied'],
  measures: [
    { key: 'records', label: '信访件数', kind: 'count' },
    { key: 'hotline_12317', label: '12317 举报', kind: 'count', where: { column: 'source', in: ['03'] } },
    { key: 'true', label: '属实或部分属实', kind: 'count', where: { column: 'truth', in: ['01', '02'] } },
    { key: 'closed', label: '已办结', kind: 'count', where: { column: 'status', in: [CLOSED] } },
    { key: 'satisfied', label: '满意', kind: 'count', where: { column: 'satisfied', in: [1] } },
  ],
  derive(values): LedgerValues {
    // A 办结日期 says it is closed; a blank 办理状态 follows it.
    if (!isBlank(values.status)) return {};
    return { status: isBlank(values.closed_date) ? '01' : CLOSED };
  },
  check(values) {
    const issues = notBefore(values, 'petition_date', 'closed_date', '办结日期不能早于信访日期');
    const closed = hasCode(values, 'status', CLOSED);
    if (closed) {
      issues.push(...requireFilled(values, ['closed_date', 'result'], '已办结的信访件须填写办结日期和办理结果'));
      if (isBlank(values.truth) || hasCode(values, 'truth', '04'))
        issues.push({ field: 'truth', level: 'error', message: '已办结的信访件须有核实结论（属实、部分属实或不属实）' });
    } else if (!isBlank(values.closed_date))
      issues.push({ field: 'status', level: 'error', message: '填写了办结日期，办理状态应为“已办结”' });
    return issues;
  },
}); // prettier-ignore
