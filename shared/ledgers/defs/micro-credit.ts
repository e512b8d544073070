// 8. 扶贫小额信贷 (household, one record per loan contract): the 金融精准扶贫贷款 export's columns (合同编号, 金额,
// 期限, 放款/到期日期, 银行, 用途与产业, 还款, 逾期) plus the 2020 epidemic policy: 续贷/展期 with a 新到期日,
// 受疫情影响逾期 (not reported as 失信), and 贴息. 贷款余额 and 贷款状态 follow from the others.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { addMonths, isBlank, notBefore, numberOf, otherNeedsNote } from '../ledger-helpers.ts';

/** 扶贫小额信贷 policy limits: 5 万元 per household, at most 3 years. */
export const MICRO_CREDIT_MAX_AMOUNT = 50_000;
export const MICRO_CREDIT_MAX_MONTHS = 36;

/** 贷款状态 codes. */
export const LOAN_STATUS = { normal: '01', settled: '02', overdue: '03', extended: '04' } as const;

function statusOf(values: Readonly<LedgerValues>, balance: number | null): string | null {
  if (numberOf(values.amount) === null) return null;
  if (balance !== null && balance <= 0) return LOAN_STATUS.settled;
  if ((numberOf(values.overdue_amount) ?? 0) > 0) return LOAN_STATUS.overdue;
  if (!isBlank(values.extension_type)) return LOAN_STATUS.extended;
  return LOAN_STATUS.normal;
}

export const microCredit = defineLedger({
  id: 'micro_credit',
  name: '扶贫小额信贷',
  group: '金融扶贫',
  description: '扶贫小额信贷台账（一笔贷款一条）：合同、金额、期限、银行、用途与产业、还款与余额、续贷展期、逾期（受疫情影响不纳入失信）与贴息。',
  subject: 'household',
  key: ['contract_no'],
  codeTables: [
    defineCodeTable({
      key: 'loan_industry',
      name: '贷款产业类别',
      items: [
        { code: '01', label: '种植业', aliases: ['种植', '特色种植', '种植业（粮食、经济作物）'] },
        { code: '02', label: '养殖业', aliases: ['养殖', '畜牧养殖', '水产养殖', '特色养殖'] },
        { code: '03', label: '农产品加工', aliases: ['加工业', '加工'] },
        { code: '04', label: '商贸流通', aliases: ['商贸', '批发零售', '小商品经营', '个体经营'] },
        { code: '05', label: '乡村旅游', aliases: ['农家乐', '旅游'] },
        { code: '06', label: '运输', aliases: ['交通运输', '运输业'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'loan_use_mode',
      name: '贷款使用方式',
      source: '扶贫小额信贷“户借、户用、户还”；户贷企用为 2017 年前的做法',
      items: [
        { code: '01', label: '户贷户用', aliases: ['自主发展', '户借户用', '自主经营', '自用'] },
        { code: '02', label: '户贷企用', aliases: ['入股分红', '企业带动', '户贷企用（入股分红）', '委托经营'] },
        { code: '03', label: '户贷社用', aliases: ['合作社带动', '入股合作社'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'loan_extension_type',
      name: '续贷展期',
      source: '2020 年受疫情影响的扶贫小额信贷可续贷、展期',
      items: [
        { code: '01', label: '续贷', aliases: ['已续贷', '无还本续贷'] },
        { code: '02', label: '展期', aliases: ['已展期', '延期', '延期还款'] },
      ],
    }),
    defineCodeTable({
      key: 'loan_status',
      name: '贷款状态',
      items: [
        { code: '01', label: '正常', aliases: ['在贷', '未到期'] },
        { code: '02', label: '已结清', aliases: ['结清', '已还清'] },
        { code: '03', label: '逾期', aliases: ['已逾期'] },
        { code: '04', label: '已续贷展期', aliases: ['续贷展期'] },
      ],
    }),
  ],
  fields: [
    { column: 'contract_no', label: '贷款合同编号', type: 'text', required: true, aliases: ['合同号', '合同编号', '贷款合同号', '借款合同号', '借款合同编号'] },
    { column: 'borrower_name', label: '借款人姓名', type: 'text', aliases: ['贷款人姓名', '借款人', '贷款人'] },
    { column: 'borrower_id_number', label: '借款人证件号码', type: 'id-number', sensitive: true, aliases: ['贷款人身份证号', '借款人身份证号', '贷款人身份证号码', '借款人身份证号码'] },
    { column: 'borrower_phone', label: '借款人电话', type: 'phone', sensitive: true, aliases: ['联系电话', '借款人联系电话', '贷款人联系电话'] },
    { column: 'amount', label: '贷款金额（元）', type: 'decimal', required: true, min: 0, max: 1_000_000, aliases: ['贷款金额', '贷款金额(元)', '放贷金额', '投放金额', '借款金额'] },
    { column: 'term_months', label: '贷款期限（月）', type: 'int', min: 1, max: 120, aliases: ['贷款期限', '贷款期限(月)', '期限（月）', '借款期限'] },
    { column: 'rate', label: '贷款利率（%）', type: 'decimal', min: 0, max: 30, aliases: ['贷款利率', '年利率', '利率'] },
    { column: 'bank', label: '贷款银行', type: 'text', aliases: ['贷款金融机构', '放贷银行', '经办银行', '承贷银行', '贷款机构', '银行'] },
    { column: 'loan_date', label: '发放日期', type: 'date', aliases: ['贷款日期', '放款日期', '投放日期', '发放时间', '放贷日期', '贷款发放日期'] },
    { column: 'due_date', label: '到期日期', type: 'date', aliases: ['到期时间', '贷款到期日期', '到期日'], help: '空着时按发放日期加贷款期限计算' },
    { column: 'purpose', label: '贷款用途', type: 'text', aliases: ['用途', '借款用途', '资金用途'] },
    { column: 'industry', label: '产业类别', type: 'code', codeTable: 'loan_industry', aliases: ['发展产业', '产业', '贷款产业', '所属产业'] },
    { column: 'use_mode', label: '使用方式', type: 'code', codeTable: 'loan_use_mode', aliases: ['贷款使用方式', '资金使用方式', '使用模式'] },
    { column: 'repaid', label: '累计还款金额（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['累计偿还贷款金额', '已还款金额', '还款金额', '偿还贷款金额', '累计还款'] },
    { column: 'repaid_date', label: '最近还款日期', type: 'date', aliases: ['还款日期', '偿还贷款时间', '还款时间'] },
    { column: 'balance', label: '贷款余额（元）', type: 'decimal', min: 0, derived: true, help: '贷款金额 − 累计还款金额' },
    { column: 'status', label: '贷款状态', type: 'code', codeTable: 'loan_status', derived: true, help: '按还款、逾期、续贷展期自动判断' },
    { column: 'extension_type', label: '续贷展期', type: 'code', codeTable: 'loan_extension_type', aliases: ['是否续贷展期', '续贷/展期', '续贷或展期', '展期续贷'] },
    { column: 'extension_due_date', label: '新到期日期', type: 'date', aliases: ['新到期日', '展期后到期日期', '续贷到期日期', '展期到期日', '续贷展期到期日'] },
    { column: 'overdue_amount', label: '逾期金额（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['贷款逾期金额', '逾期金额', '逾期本金'] },
    { column: 'overdue_date', label: '逾期日期', type: 'date', aliases: ['贷款逾期时间', '逾期时间', '逾期起始日期'] },
    { column: 'covid_affected', label: '是否受疫情影响', type: 'bool', aliases: ['受疫情影响', '受疫情影响逾期', '因疫情影响逾期', '是否受疫情影响逾期'], help: '受疫情影响逾期的，不纳入失信记录、不影响征信' },
    { column: 'interest_subsidy', label: '贴息金额（元）', type: 'decimal', min: 0, max: 200_000, aliases: ['贴息金额', '贴息', '财政贴息金额', '已贴息金额', '贴息资金'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['contract_no', 'borrower_name', 'amount', 'bank', 'loan_date', 'due_date', 'balance', 'status'],
  sortColumns: ['contract_no', 'borrower_name', 'amount', 'bank', 'loan_date', 'due_date', 'balance', 'status'],
  filters: ['industry', 'use_mode', 'status', 'extension_type', 'covid_affected'],
  measures: [
    { key: 'records', label: '贷款笔数', kind: 'count' },
    { key: 'amount', label: '贷款金额', kind: 'sum', column: 'amount' },
    { key: 'balance', label: '贷款余额', kind: 'sum', column: 'balance' },
    { key: 'settled', label: '已结清笔数', kind: 'count', where: { column: 'status', in: ['02'] } },
    { key: 'overdue', label: '逾期笔数', kind: 'count', where: { column: 'status', in: ['03'] } },
    { key: 'overdue_amount', label: '逾期金额', kind: 'sum', column: 'overdue_amount' },
    { key: 'extended', label: '续贷展期笔数', kind: 'count', where: { column: 'extension_type', in: ['01', '02'] } },
    { key: 'covid_affected', label: '受疫情影响笔数', kind: 'count', where: { column: 'covid_affected', in: [1] } },
    { key: 'interest_subsidy', label: '贴息金额', kind: 'sum', column: 'interest_subsidy' },
  ],
  derive(values) {
    const out: LedgerValues = {};
    const term = numberOf(values.term_months);
    if (isBlank(values.due_date) && term !== null) {
      const due = addMonths(values.loan_date, term);
      if (due !== null) out.due_date = due;
    }
    const amount = numberOf(values.amount);
    const balance = amount === null ? null : Math.max(0, Math.round((amount - (numberOf(values.repaid) ?? 0)) * 100) / 100);
    out.balance = balance;
    out.status = statusOf(values, balance);
    return out;
  },
  check(values) {
    const issues: Issue[] = [
      ...notBefore(values, 'loan_date', 'due_date', '到期日期不能早于发放日期'),
      ...notBefore(values, 'loan_date', 'overdue_date', '逾期日期不能早于发放日期'),
      ...otherNeedsNote(values, 'industry', 'purpose', '产业类别为“其他”的，请填写贷款用途'),
    ];
    const amount = numberOf(values.amount);
    const repaid = numberOf(values.repaid);
    const overdue = numberOf(values.overdue_amount);
    if (amount !== null && amount > MICRO_CREDIT_MAX_AMOUNT)
      issues.push({ field: 'amount', level: 'warning', message: '扶贫小额信贷单户贷款金额一般不超过 5 万元，请核实' });
    const term = numberOf(values.term_months);
    if (term !== null && term > MICRO_CREDIT_MAX_MONTHS)
      issues.push({ field: 'term_months', level: 'warning', message: '扶贫小额信贷贷款期限一般不超过 3 年（36 个月），请核实' });
    if (amount !== null && repaid !== null && repaid > amount)
      issues.push({ field: 'repaid', level: 'error', message: '累计还款金额不能超过贷款金额' });
    if (!isBlank(values.extension_type) && isBlank(values.extension_due_date))
      issues.push({ field: 'extension_due_date', level: 'error', message: '续贷或展期的，请填写新到期日期' });
    if (typeof values.due_date === 'string' && typeof values.extension_due_date === 'string' && values.extension_due_date <= values.due_date)
      issues.push({ field: 'extension_due_date', level: 'error', message: '新到期日期应晚于原到期日期' });
    if (overdue !== null && overdue > 0 && isBlank(values.overdue_date))
      issues.push({ field: 'overdue_date', level: 'error', message: '有逾期金额的，请填写逾期日期' });
    if (amount !== null && overdue !== null && overdue > amount - (repaid ?? 0) + 0.005)
      issues.push({ field: 'overdue_amount', level: 'warning', message: '逾期金额超过未还贷款余额，请核实' });
    if (values.covid_affected === 1 && !(overdue !== null && overdue > 0) && isBlank(values.extension_type))
      issues.push({ field: 'covid_affected', level: 'warning', message: '受疫情影响的，请填写逾期金额或续贷展期情况' });
    return issues;
  },
}); // prettier-ignore
