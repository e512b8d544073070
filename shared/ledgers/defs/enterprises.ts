// 3. 扶贫车间与经营主体 (free-standing, placed in its village by the machinery's region): 扶贫车间, 龙头企业,
// 合作社, 家庭农场 and 致富带头人 that take on poor labour, their 负责人, 用工 figures and 2020 复工 status;
// and enterprise_workers, the poor labourers each one employs (岗位, 入职日期, 月工资).
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { isBlank, notBefore, numberOf } from '../ledger-helpers.ts';

export const enterprises = defineLedger({
  id: 'enterprises',
  name: '扶贫车间与经营主体',
  group: '就业帮扶',
  description: '扶贫车间、龙头企业、合作社、家庭农场和致富带头人：负责人、用工与吸纳贫困劳动力人数、奖补资金和复工复产情况。',
  subject: 'none',
  key: ['name'],
  codeTables: [
    defineCodeTable({
      key: 'enterprise_type',
      name: '经营主体类型',
      items: [
        { code: '01', label: '扶贫车间', aliases: ['就业扶贫车间', '扶贫工厂', '扶贫加工车间', '扶贫微工厂', '社区工厂'] },
        { code: '02', label: '龙头企业', aliases: ['农业产业化龙头企业', '扶贫龙头企业', '带贫龙头企业'] },
        { code: '03', label: '合作社', aliases: ['农民专业合作社', '专业合作社', '农民合作社', '合作社（联合社）'] },
        { code: '04', label: '家庭农场', aliases: ['农场'] },
        { code: '05', label: '致富带头人', aliases: ['创业致富带头人', '种养大户', '能人大户', '带头人'] },
        { code: '99', label: '其他', aliases: ['其它', '其他经营主体'] },
      ],
    }),
    defineCodeTable({
      key: 'enterprise_resume_status',
      name: '复工状态',
      source: '2020 年疫情期间复工复产排查',
      items: [
        { code: '01', label: '已复工', aliases: ['已复工复产', '复工', '已全面复工', '正常生产'] },
        { code: '02', label: '部分复工', aliases: ['部分复工复产', '半复工'] },
        { code: '03', label: '未复工', aliases: ['尚未复工', '未复工复产', '停工'] },
        { code: '04', label: '已停业', aliases: ['停业', '关停', '倒闭', '注销'] },
      ],
    }),
  ],
  fields: [
    { column: 'name', label: '主体名称', type: 'text', required: true, aliases: ['名称', '企业名称', '车间名称', '扶贫车间名称', '经营主体名称', '合作社名称', '单位名称', '企业（合作社）名称'] },
    { column: 'type', label: '主体类型', type: 'code', codeTable: 'enterprise_type', required: true, aliases: ['类型', '经营主体类型', '企业类型', '主体类别'] },
    { column: 'credit_code', label: '统一社会信用代码', type: 'text', aliases: ['社会信用代码', '信用代码', '营业执照号', '注册号'] },
    { column: 'industry', label: '主营产业', type: 'text', aliases: ['主营业务', '经营范围', '产业类型', '所属行业', '生产产品'] },
    { column: 'address', label: '地址', type: 'text', aliases: ['详细地址', '经营地址', '车间地址'] },
    { column: 'leader', label: '负责人', type: 'text', aliases: ['法人代表', '法定代表人', '负责人姓名', '经营者', '带头人姓名'] },
    { column: 'phone', label: '负责人电话', type: 'phone', sensitive: true, aliases: ['联系电话', '负责人联系电话', '电话', '联系方式'] },
    { column: 'recognized_date', label: '认定日期', type: 'date', aliases: ['认定时间', '挂牌时间', '成立时间', '成立日期'] },
    { column: 'employees', label: '用工总人数', type: 'int', min: 0, max: 100_000, aliases: ['用工人数', '就业人数', '吸纳就业人数', '从业人数', '员工人数'] },
    { column: 'poor_employees', label: '吸纳贫困劳动力人数', type: 'int', min: 0, max: 100_000, aliases: ['其中贫困劳动力', '其中建档立卡贫困劳动力', '吸纳贫困人口就业人数', '带动贫困劳动力就业人数', '贫困劳动力人数'] },
    { column: 'linked_households', label: '带动贫困户数', type: 'int', min: 0, max: 100_000, aliases: ['联结带动贫困户数', '带贫户数', '带动贫困户'] },
    { column: 'subsidy', label: '奖补资金（元）', type: 'decimal', min: 0, max: 100_000_000, aliases: ['奖补资金', '扶持资金', '奖补金额', '财政奖补资金（元）'] },
    { column: 'resume_status', label: '复工状态', type: 'code', codeTable: 'enterprise_resume_status', aliases: ['是否复工', '复工复产情况', '复工情况', '复工复产状态'] },
    { column: 'resume_date', label: '复工日期', type: 'date', aliases: ['复工时间', '复工复产时间', '复工复产日期'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明', '情况说明'] },
  ],
  listColumns: ['type', 'industry', 'leader', 'employees', 'poor_employees', 'resume_status'],
  sortColumns: ['type', 'leader', 'employees', 'poor_employees', 'resume_status'],
  filters: ['type', 'resume_status'],
  measures: [
    { key: 'records', label: '经营主体数', kind: 'count' },
    { key: 'workshops', label: '扶贫车间', kind: 'count', where: { column: 'type', in: ['01'] } },
    { key: 'leading', label: '龙头企业', kind: 'count', where: { column: 'type', in: ['02'] } },
    { key: 'cooperatives', label: '合作社', kind: 'count', where: { column: 'type', in: ['03'] } },
    { key: 'family_farms', label: '家庭农场', kind: 'count', where: { column: 'type', in: ['04'] } },
    { key: 'leaders', label: '致富带头人', kind: 'count', where: { column: 'type', in: ['05'] } },
    { key: 'resumed', label: '已复工', kind: 'count', where: { column: 'resume_status', in: ['01', '02'] } },
    { key: 'employees', label: '用工总人数', kind: 'sum', column: 'employees' },
    { key: 'poor_employees', label: '吸纳贫困劳动力人数', kind: 'sum', column: 'poor_employees' },
    { key: 'subsidy', label: '奖补资金', kind: 'sum', column: 'subsidy' },
  ],
  check(values) {
    const issues: Issue[] = [];
    const all = numberOf(values.employees);
    const poor = numberOf(values.poor_employees);
    if (all !== null && poor !== null && poor > all)
      issues.push({ field: 'poor_employees', level: 'error', message: '吸纳贫困劳动力人数不能多于用工总人数' });
    const code = values.credit_code;
    if (typeof code === 'string' && code !== '' && !/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code))
      issues.push({ field: 'credit_code', level: 'warning', message: '统一社会信用代码应为 18 位数字或大写字母，请核实' });
    if ((values.resume_status === '01' || values.resume_status === '02') && isBlank(values.resume_date))
      issues.push({ field: 'resume_date', level: 'warning', message: '已复工的请填写复工日期' });
    return issues;
  },
}); // prettier-ignore

export const enterpriseWorkers = defineLedger({
  id: 'enterprise_workers',
  name: '吸纳就业人员',
  group: '就业帮扶',
  description: '扶贫车间与经营主体吸纳的贫困劳动力：岗位、用工形式、入职与离职日期、月工资、是否签订劳动合同。',
  subject: 'person',
  parent: { ledger: 'enterprises', key: 'name' },
  key: ['parent', 'subject'],
  codeTables: [
    defineCodeTable({
      key: 'enterprise_employment_form',
      name: '用工形式',
      items: [
        { code: '01', label: '全职', aliases: ['全日制', '全日制用工', '固定用工', '长期工'] },
        { code: '02', label: '临时', aliases: ['临时工', '季节工', '非全日制', '灵活用工'] },
        { code: '03', label: '计件', aliases: ['计件工', '按件计酬'] },
        { code: '04', label: '居家就业', aliases: ['居家灵活就业', '来料加工', '居家加工'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'enterprise_worker_status',
      name: '在岗状态',
      items: [
        { code: '01', label: '在岗', aliases: ['在职', '已返岗', '正常上班', '已复工'] },
        { code: '02', label: '待岗', aliases: ['停工待岗', '未返岗', '未复工'] },
        { code: '03', label: '离职', aliases: ['已离职', '辞职', '解聘', '离岗'] },
      ],
    }),
  ],
  fields: [
    { column: 'post', label: '岗位', type: 'text', aliases: ['工作岗位', '从事岗位', '工种', '所在岗位'] },
    { column: 'employment_form', label: '用工形式', type: 'code', codeTable: 'enterprise_employment_form', aliases: ['就业形式', '用工方式', '就业方式'] },
    { column: 'status', label: '在岗状态', type: 'code', codeTable: 'enterprise_worker_status', aliases: ['就业状态', '是否在岗', '务工状态'] },
    { column: 'hire_date', label: '入职日期', type: 'date', aliases: ['入职时间', '就业时间', '上岗时间', '务工开始时间', '进厂时间'] },
    { column: 'leave_date', label: '离职日期', type: 'date', aliases: ['离职时间', '离岗时间', '务工结束时间'] },
    { column: 'monthly_wage', label: '月工资（元）', type: 'decimal', min: 0, max: 100_000, aliases: ['月工资', '月收入', '月均工资', '务工月收入', '月工资收入'] },
    { column: 'contract', label: '是否签订劳动合同', type: 'bool', aliases: ['签订劳动合同', '劳动合同', '是否签订合同', '是否签订用工协议'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['post', 'employment_form', 'status', 'hire_date', 'monthly_wage', 'contract'],
  sortColumns: ['employment_form', 'status', 'hire_date', 'monthly_wage'],
  filters: ['employment_form', 'status', 'contract'],
  measures: [
    { key: 'records', label: '吸纳人数', kind: 'count' },
    { key: 'on_post', label: '在岗人数', kind: 'count', where: { column: 'status', in: ['01'] } },
    { key: 'waiting', label: '待岗人数', kind: 'count', where: { column: 'status', in: ['02'] } },
    { key: 'contract', label: '签订劳动合同人数', kind: 'count', where: { column: 'contract', in: [1] } },
    { key: 'monthly_wage', label: '月工资合计', kind: 'sum', column: 'monthly_wage' },
  ],
  check(values) {
    const issues = notBefore(values, 'hire_date', 'leave_date', '离职日期不能早于入职日期');
    if (values.status === '03' && isBlank(values.leave_date))
      issues.push({ field: 'leave_date', level: 'warning', message: '已离职的请填写离职日期' });
    if (!isBlank(values.leave_date) && (values.status === '01' || values.status === '02'))
      issues.push({ field: 'status', level: 'error', message: '已填写离职日期的，在岗状态应为“离职”' });
    return issues;
  },
}); // prettier-ignore
