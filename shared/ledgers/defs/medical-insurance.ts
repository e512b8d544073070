// 5. 基本医疗 (person, one record a year): 城乡居民医保 参保 and its 缴费资助, 大病保险, 医疗救助, 门诊慢特病证
// and 家庭医生签约; a person not insured here needs a reason (外地参保, 职工医保, 上学, 参军, 服刑 …) backed by a
// 证明材料, as the 基本医疗有保障 check asks.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, numberOf, otherNeedsNote } from '../ledger-helpers.ts';

export const medicalInsurance = defineLedger({
  id: 'medical_insurance',
  name: '基本医疗',
  group: '健康扶贫',
  description: '基本医疗保障台账（按年度）：城乡居民医保参保与缴费资助、大病保险、医疗救助、门诊慢特病证、家庭医生签约，未参保的理由与证明材料。',
  subject: 'person',
  key: ['subject', 'year'],
  codeTables: [
    defineCodeTable({
      key: 'medical_subsidy_category',
      name: '医保缴费资助类别',
      source: '城乡居民医保个人缴费分类资助（特困全额、低保与建档立卡定额）',
      items: [
        { code: '01', label: '特困人员', aliases: ['特困供养人员', '特困人员全额资助', '五保', '五保户', '全额资助'] },
        { code: '02', label: '低保对象', aliases: ['低保', '低保户', '低保对象定额资助'] },
        { code: '03', label: '建档立卡贫困人口', aliases: ['建档立卡', '贫困人口', '建档立卡贫困户', '建档立卡户', '建档立卡贫困人口定额资助'] },
        { code: '04', label: '重度残疾人', aliases: ['重度残疾', '贫困重度残疾人'] },
        { code: '05', label: '监测对象', aliases: ['边缘户', '边缘易致贫户', '脱贫不稳定户'] },
        { code: '06', label: '未资助', aliases: ['无资助', '不资助', '个人全额缴费', '个人缴费'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'medical_not_insured_reason',
      name: '不需参保理由',
      items: [
        { code: '01', label: '外地参保', aliases: ['异地参保', '在外地参保', '务工地参保', '外省参保', '县外参保'] },
        { code: '02', label: '参加职工医保', aliases: ['职工医保', '已参加城镇职工基本医疗保险', '城镇职工医保'] },
        { code: '03', label: '上学', aliases: ['在校学生', '学校参保', '在校参保', '大学生在校参保'] },
        { code: '04', label: '参军', aliases: ['服兵役', '现役军人', '入伍'] },
        { code: '05', label: '服刑', aliases: ['服刑人员', '在押', '服刑在押'] },
        { code: '06', label: '出国（境）', aliases: ['出国', '出境', '出国定居', '在国外'] },
        { code: '07', label: '死亡', aliases: ['已死亡', '去世'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'year', label: '年度', type: 'year', required: true, min: 2014, max: 2100, aliases: ['参保年度', '缴费年度', '医保年度'] },
    { column: 'insured', label: '是否参加城乡居民基本医疗保险', type: 'bool', required: true, aliases: ['城乡居民医保参保', '是否参加城乡居民医保', '城乡居民基本医疗保险', '是否参保', '参保情况', '是否参加城乡居民基本医保'] },
    { column: 'employee_insured', label: '是否参加城镇职工基本医疗保险', type: 'bool', aliases: ['是否参加职工医保', '城镇职工基本医疗保险', '职工医保'] },
    { column: 'subsidy_category', label: '缴费资助类别', type: 'code', codeTable: 'medical_subsidy_category', aliases: ['资助类别', '资助对象类别', '参保资助类别', '缴费资助对象类别'] },
    { column: 'subsidy_amount', label: '缴费资助金额（元）', type: 'decimal', min: 0, max: 5_000, aliases: ['资助金额', '缴费资助金额', '资助参保金额', '个人缴费补贴', '代缴金额'] },
    { column: 'personal_paid', label: '个人缴费金额（元）', type: 'decimal', min: 0, max: 5_000, aliases: ['个人缴费', '个人缴费金额', '个人实缴金额'] },
    { column: 'critical_illness', label: '是否参加大病保险', type: 'bool', aliases: ['大病保险', '城乡居民大病保险', '参加大病保险'], help: '空着时随城乡居民医保参保（参保人同时享有大病保险）' },
    { column: 'medical_assistance', label: '是否享受医疗救助', type: 'bool', aliases: ['是否接受医疗救助', '医疗救助'] },
    { column: 'chronic_card', label: '是否办理门诊慢特病证', type: 'bool', aliases: ['门诊慢特病证', '慢特病证', '慢病卡', '是否办理慢病卡', '门诊慢特病'] },
    { column: 'chronic_disease', label: '慢特病病种', type: 'text', aliases: ['病种', '慢病病种', '慢特病种类'] },
    { column: 'family_doctor', label: '是否家庭医生签约', type: 'bool', aliases: ['家庭医生签约', '家庭医生签约服务', '是否签约家庭医生'] },
    { column: 'not_insured_reason', label: '不参保原因', type: 'code', codeTable: 'medical_not_insured_reason', aliases: ['不需参保的理由', '未参保原因', '不需参保原因', '未参保理由'], help: '未参加城乡居民医保（也未参加职工医保）时必填' },
    { column: 'reason_note', label: '其他原因说明', type: 'text', aliases: ['不参保原因说明', '其他理由说明'], help: '不参保原因为“其他”时必填' },
    { column: 'proof', label: '证明材料', type: 'text', aliases: ['证明材料名称', '佐证材料', '参保证明'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['year', 'insured', 'subsidy_category', 'subsidy_amount', 'critical_illness', 'chronic_card', 'not_insured_reason'],
  sortColumns: ['year', 'subsidy_category', 'subsidy_amount', 'not_insured_reason'],
  filters: ['year', 'insured', 'subsidy_category', 'critical_illness', 'chronic_card', 'not_insured_reason'],
  // 基本医疗参保情况表 and the 汇总 over a record for every person (docs/reports.md「速度」).
  reportIndex: {
    year: 'year',
    groupBy: ['insured', 'employee_insured', 'subsidy_category', 'not_insured_reason', 'chronic_card', 'critical_illness', 'family_doctor'],
    sums: ['subsidy_amount'],
  },
  measures: [
    { key: 'records', label: '登记人数', kind: 'count' },
    { key: 'insured', label: '城乡居民医保参保人数', kind: 'count', where: { column: 'insured', in: [1] } },
    { key: 'not_insured', label: '未参加城乡居民医保人数', kind: 'count', where: { column: 'insured', in: [0] } },
    { key: 'employee_insured', label: '职工医保参保人数', kind: 'count', where: { column: 'employee_insured', in: [1] } },
    { key: 'critical_illness', label: '大病保险人数', kind: 'count', where: { column: 'critical_illness', in: [1] } },
    { key: 'chronic_card', label: '门诊慢特病证人数', kind: 'count', where: { column: 'chronic_card', in: [1] } },
    { key: 'family_doctor', label: '家庭医生签约人数', kind: 'count', where: { column: 'family_doctor', in: [1] } },
    { key: 'subsidy_amount', label: '缴费资助金额', kind: 'sum', column: 'subsidy_amount' },
  ],
  derive(values) {
    const out: LedgerValues = {};
    if (isBlank(values.critical_illness) && values.insured === 1) out.critical_illness = 1;
    return out;
  },
  check(values) {
    const issues: Issue[] = otherNeedsNote(values, 'not_insured_reason', 'reason_note', '不参保原因为“其他”的，请填写其他原因说明');
    const reason = values.not_insured_reason;
    const notInsured = values.insured === 0 && values.employee_insured !== 1;
    if (notInsured && isBlank(reason))
      issues.push({ field: 'not_insured_reason', level: 'error', message: '未参加城乡居民医保的，请填写不参保原因' });
    if (!isBlank(reason) && isBlank(values.proof))
      issues.push({ field: 'proof', level: 'warning', message: '填写了不参保原因的，请注明证明材料' });
    if (values.insured === 1 && !isBlank(reason))
      issues.push({ field: 'not_insured_reason', level: 'warning', message: '已参加城乡居民医保的，不需填写不参保原因' });
    if (values.subsidy_category === '06' && (numberOf(values.subsidy_amount) ?? 0) > 0)
      issues.push({ field: 'subsidy_amount', level: 'warning', message: '缴费资助类别为“未资助”却填写了缴费资助金额，请核实' });
    return issues;
  },
}); // prettier-ignore
