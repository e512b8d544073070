// 18. 治愈人员健康管理 (person, also people outside the register): 确诊 or 无症状 people after 治愈出院,
// their 家庭医生 and the 管理期满日期 (出院 + the county's 管理期, one year by default); and the 随访
// records under each (体温, 症状, 核酸).
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { addYears, hasCode, isBlank, notBefore, otherNeedsNote } from '../ledger-helpers.ts';

/** 37.3 ℃: the 发热 line of the 新冠 diagnosis and treatment guidelines. */
const FEVER = 37.3;

export const recoveredHealth = defineLedger({
  id: 'recovered_health',
  name: '治愈人员健康管理',
  group: '疫情防控',
  description: '新冠肺炎治愈出院人员健康管理：类型、确诊与治愈出院日期、家庭医生、包保责任人、管理期满日期。',
  subject: 'person',
  personOptional: true,
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'rh_case_type',
      name: '治愈人员类型',
      items: [
        { code: '01', label: '确诊病例', aliases: ['确诊', '确诊患者', '治愈确诊病例'] },
        { code: '02', label: '无症状感染者', aliases: ['无症状', '无症状感染'] },
      ],
    }),
  ],
  settings: [{ key: 'manage_years', label: '健康管理期', default: 1, unit: '年' }],
  fields: [
    { column: 'case_type', label: '类型', type: 'code', codeTable: 'rh_case_type', required: true, aliases: ['病例类型', '人员类型', '感染类型'] },
    { column: 'address', label: '现住址', type: 'text', aliases: ['住址', '居住地址', '现居住地', '现居住地址'] },
    { column: 'phone', label: '联系电话', type: 'phone', sensitive: true, aliases: ['电话', '手机号', '手机号码', '联系方式'] },
    { column: 'diagnosis_date', label: '确诊日期', type: 'date', aliases: ['确诊时间', '发现日期', '报告日期'] },
    { column: 'hospital', label: '救治医院', type: 'text', aliases: ['收治医院', '定点医院', '出院医院', '治疗医院'] },
    { column: 'discharge_date', label: '治愈出院日期', type: 'date', required: true, aliases: ['出院日期', '治愈日期', '出院时间', '治愈出院时间'] },
    { column: 'doctor', label: '家庭医生', type: 'text', aliases: ['签约家庭医生', '签约医生', '责任医生', '家庭医生姓名'] },
    { column: 'doctor_phone', label: '家庭医生电话', type: 'phone', sensitive: true, aliases: ['医生电话', '家庭医生联系电话'] },
    { column: 'responsible', label: '包保责任人', type: 'text', aliases: ['包保干部', '包保人', '责任人'] },
    { column: 'manage_end', label: '管理期满日期', type: 'date', derived: true, help: '治愈出院日期加管理期（设置中可改，默认 1 年）' },
    { column: 'health_note', label: '健康状况', type: 'text', long: true, aliases: ['身体状况', '后遗症', '康复情况'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['case_type', 'discharge_date', 'doctor', 'responsible', 'manage_end'],
  sortColumns: ['case_type', 'discharge_date', 'doctor', 'responsible', 'manage_end'],
  filters: ['case_type'],
  measures: [
    { key: 'records', label: '治愈人员数', kind: 'count' },
    { key: 'confirmed', label: '确诊病例', kind: 'count', where: { column: 'case_type', in: ['01'] } },
    { key: 'asymptomatic', label: '无症状感染者', kind: 'count', where: { column: 'case_type', in: ['02'] } },
  ],
  derive(values, ctx) {
    return { manage_end: addYears(values.discharge_date, ctx.setting('manage_years')) };
  },
  check(values) {
    return notBefore(values, 'diagnosis_date', 'discharge_date', '治愈出院日期不能早于确诊日期');
  },
}); // prettier-ignore

export const recoveredFollowups = defineLedger({
  id: 'recovered_followups',
  name: '治愈人员随访记录',
  group: '疫情防控',
  description: '治愈出院人员的随访：日期、随访人、体温、症状、核酸检测结果。',
  subject: 'person',
  // Like its parent: the recovered person may not be in the household register.
  personOptional: true,
  parent: { ledger: 'recovered_health', key: 'subject' },
  key: ['parent', 'followup_date'],
  codeTables: [
    defineCodeTable({
      key: 'rf_symptom',
      name: '随访症状',
      multi: true,
      items: [
        { code: '01', label: '无', aliases: ['无症状', '正常', '无异常'] },
        { code: '02', label: '发热', aliases: ['发烧'] },
        { code: '03', label: '咳嗽', aliases: ['干咳', '咳痰'] },
        { code: '04', label: '乏力', aliases: ['疲乏'] },
        { code: '05', label: '咽痛', aliases: ['咽喉痛', '咽干'] },
        { code: '06', label: '呼吸困难', aliases: ['胸闷', '气促', '气短'] },
        { code: '07', label: '腹泻', aliases: ['拉肚子'] },
        { code: '08', label: '嗅觉味觉减退', aliases: ['嗅味觉减退', '味觉丧失', '嗅觉丧失'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'rf_test_result',
      name: '随访核酸结果',
      items: [
        { code: '01', label: '阴性', aliases: ['阴', '-', '（-）'] },
        { code: '02', label: '阳性', aliases: ['阳', '+', '（+）', '复阳'] },
        { code: '03', label: '待出结果', aliases: ['待检', '未出结果', '检测中'] },
        { code: '04', label: '未检测', aliases: ['未检', '未做'] },
      ],
    }),
  ],
  fields: [
    { column: 'followup_date', label: '随访日期', type: 'date', required: true, aliases: ['随访时间', '日期'] },
    { column: 'follower', label: '随访人', type: 'text', aliases: ['随访医生', '随访人员', '随访责任人'] },
    { column: 'temperature', label: '体温（℃）', type: 'decimal', min: 34, max: 43, aliases: ['体温', '体温(℃)', '测量体温', '体温（°C）'] },
    { column: 'symptoms', label: '症状', type: 'codes', codeTable: 'rf_symptom', aliases: ['有无症状', '症状情况', '主要症状'] },
    { column: 'symptom_note', label: '症状说明', type: 'text', aliases: ['其他症状', '症状描述'] },
    { column: 'test_result', label: '核酸检测结果', type: 'code', codeTable: 'rf_test_result', aliases: ['核酸结果', '核酸检测', '检测结果'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明', '处置情况'] },
  ],
  listColumns: ['followup_date', 'follower', 'temperature', 'symptoms', 'test_result'],
  sortColumns: ['followup_date', 'follower', 'temperature', 'test_result'],
  filters: ['test_result'],
  measures: [
    { key: 'records', label: '随访人次', kind: 'count' },
    { key: 'positive', label: '核酸阳性人次', kind: 'count', where: { column: 'test_result', in: ['02'] } },
  ],
  check(values) {
    const issues = otherNeedsNote(values, 'symptoms', 'symptom_note', '症状为“其他”时请填写症状说明');
    const symptoms = typeof values.symptoms === 'string' ? values.symptoms.split(',') : [];
    if (symptoms.includes('01') && symptoms.length > 1)
      issues.push({ field: 'symptoms', level: 'error', message: '症状选了“无”就不能再选其他症状' });
    const t = values.temperature;
    if (typeof t === 'number' && t >= FEVER && !hasCode(values, 'symptoms', '02'))
      issues.push({ field: 'symptoms', level: 'warning', message: `体温 ≥${FEVER}℃，症状中应有“发热”` });
    if (hasCode(values, 'test_result', '02') && isBlank(values.remark))
      issues.push({ field: 'remark', level: 'warning', message: '核酸阳性请在备注中写明处置情况' });
    return issues;
  },
}); // prettier-ignore
