// 13. 返乡/外来人员排查 (person, also people outside the register): where they came from and its risk
// level, when and how they travelled, 健康码 and 核酸, the 管控措施 with its start and 期满日期
// (start + the county's 隔离期, 14 days by default), who watches them, and the 确诊/疑似 status that
// makes the 确诊（疑似）人员 list a filter of this ledger.
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { addDays, hasCode, isBlank, notBefore } from '../ledger-helpers.ts';

/** 管控措施 codes that isolate the person and so need a start date. */
const ISOLATION = ['01', '02'];

export const returneeScreening = defineLedger({
  id: 'returnee_screening',
  name: '返乡外来人员排查',
  group: '疫情防控',
  description: '返乡及外来人员排查登记：来源地与风险等级、返乡日期与交通方式、健康码与核酸、管控措施与隔离期、包保责任人、确诊疑似情况。',
  subject: 'person',
  personOptional: true,
  key: ['subject', 'return_date'],
  codeTables: [
    defineCodeTable({
      key: 'rs_risk_level',
      name: '来源地风险等级',
      items: [
        { code: '01', label: '低风险', aliases: ['低', '低风险地区', '低风险区'] },
        { code: '02', label: '中风险', aliases: ['中', '中风险地区', '中风险区'] },
        { code: '03', label: '高风险', aliases: ['高', '高风险地区', '高风险区', '重点疫区'] },
      ],
    }),
    defineCodeTable({
      key: 'rs_transport',
      name: '返乡交通方式',
      items: [
        { code: '01', label: '铁路', aliases: ['火车', '高铁', '动车', '列车'] },
        { code: '02', label: '飞机', aliases: ['航空', '民航', '航班'] },
        { code: '03', label: '客运', aliases: ['汽车', '大巴', '客车', '长途客车', '长途汽车', '公路客运', '班车'] },
        { code: '04', label: '自驾', aliases: ['自驾车', '私家车', '自驾车辆', '自行驾车'] },
        { code: '99', label: '其他', aliases: ['其它', '渡轮', '轮船', '摩托车', '包车'] },
      ],
    }),
    defineCodeTable({
      key: 'rs_health_code',
      name: '健康码',
      items: [
        { code: '01', label: '绿码', aliases: ['绿', '绿色'] },
        { code: '02', label: '黄码', aliases: ['黄', '黄色'] },
        { code: '03', label: '红码', aliases: ['红', '红色'] },
      ],
    }),
    defineCodeTable({
      key: 'rs_test_result',
      name: '核酸检测结果',
      items: [
        { code: '01', label: '阴性', aliases: ['阴', '-', '（-）', '正常'] },
        { code: '02', label: '阳性', aliases: ['阳', '+', '（+）'] },
        { code: '03', label: '待出结果', aliases: ['待检', '未出结果', '检测中', '待反馈'] },
      ],
    }),
    defineCodeTable({
      key: 'rs_control',
      name: '管控措施',
      items: [
        { code: '01', label: '居家隔离', aliases: ['居家隔离观察', '居家医学观察', '居家'] },
        { code: '02', label: '集中隔离', aliases: ['集中隔离观察', '集中医学观察', '集中'] },
        { code: '03', label: '健康监测', aliases: ['居家健康监测', '自我健康监测', '健康观察', '日常健康监测'] },
        { code: '04', label: '无需管控', aliases: ['无', '不需管控', '正常生活'] },
      ],
    }),
    defineCodeTable({
      key: 'rs_case_status',
      name: '确诊疑似情况',
      items: [
        { code: '01', label: '无', aliases: ['正常', '健康', '否'] },
        { code: '02', label: '疑似', aliases: ['疑似病例', '疑似患者'] },
        { code: '03', label: '确诊', aliases: ['确诊病例', '确诊患者'] },
        { code: '04', label: '无症状感染者', aliases: ['无症状', '无症状感染'] },
      ],
    }),
  ],
  settings: [{ key: 'quarantine_days', label: '隔离期', default: 14, unit: '天' }],
  fields: [
    { column: 'address', label: '现住址', type: 'text', aliases: ['现居住地址', '居住地址', '目的地址', '住址', '现居住地', '返乡后居住地'] },
    { column: 'phone', label: '联系电话', type: 'phone', sensitive: true, aliases: ['手机号', '手机号码', '联系方式', '电话'] },
    { column: 'from_place', label: '来自（省市县）', type: 'text', required: true, aliases: ['来自', '来源地', '来源地点', '何处返程', '从何地返回', '出发地', '返乡出发地', '来自何地'] },
    { column: 'risk_level', label: '来源地风险等级', type: 'code', codeTable: 'rs_risk_level', aliases: ['风险等级', '来源地风险', '地区风险等级'] },
    { column: 'return_date', label: '返乡日期', type: 'date', required: true, aliases: ['返乡时间', '返程时间', '返回日期', '抵达日期', '到达日期', '到村时间', '来村日期'] },
    { column: 'transport', label: '交通方式', type: 'code', codeTable: 'rs_transport', aliases: ['交通工具', '返乡方式', '出行方式', '返程方式'] },
    { column: 'trip_no', label: '车次/航班', type: 'text', aliases: ['车次', '航班', '航班号', '车次航班', '车次/航班/车牌号', '车牌号'] },
    { column: 'health_code', label: '健康码', type: 'code', codeTable: 'rs_health_code', aliases: ['健康码颜色', '健康码状态'] },
    { column: 'test_date', label: '核酸检测日期', type: 'date', aliases: ['核酸采样日期', '核酸日期', '采样日期', '核酸检测时间'] },
    { column: 'test_result', label: '核酸检测结果', type: 'code', codeTable: 'rs_test_result', aliases: ['核酸结果', '检测结果', '核酸检测'] },
    { column: 'control', label: '管控措施', type: 'code', codeTable: 'rs_control', aliases: ['管控方式', '隔离方式', '隔离类型', '管控类型'] },
    { column: 'control_start', label: '管控开始日期', type: 'date', aliases: ['隔离开始日期', '隔离起始日期', '隔离开始时间', '开始隔离日期', '管控起始日期'] },
    { column: 'control_end', label: '期满日期', type: 'date', derived: true, help: '管控开始日期加隔离期（设置中可改，默认 14 天）' },
    { column: 'responsible', label: '包保责任人', type: 'text', aliases: ['包保干部', '包保人', '责任人', '包保责任人姓名'] },
    { column: 'release_date', label: '解除日期', type: 'date', aliases: ['解除隔离日期', '解除管控日期', '解除时间', '解除隔离时间'] },
    { column: 'case_status', label: '确诊疑似情况', type: 'code', codeTable: 'rs_case_status', aliases: ['是否确诊', '确诊情况', '病例情况', '感染情况', '确诊/疑似'] },
    { column: 'plan_out', label: '是否计划再外出', type: 'bool', aliases: ['是否再外出', '是否计划外出务工', '是否返岗'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['from_place', 'risk_level', 'return_date', 'health_code', 'control', 'control_end', 'case_status'],
  sortColumns: ['risk_level', 'return_date', 'health_code', 'control', 'control_end', 'case_status'],
  filters: ['risk_level', 'transport', 'health_code', 'test_result', 'control', 'case_status', 'plan_out'],
  measures: [
    { key: 'records', label: '排查人数', kind: 'count' },
    { key: 'risk_mid_high', label: '来自中高风险地区', kind: 'count', where: { column: 'risk_level', in: ['02', '03'] } },
    { key: 'home_isolation', label: '居家隔离人数', kind: 'count', where: { column: 'control', in: ['01'] } },
    { key: 'central_isolation', label: '集中隔离人数', kind: 'count', where: { column: 'control', in: ['02'] } },
    { key: 'monitoring', label: '健康监测人数', kind: 'count', where: { column: 'control', in: ['03'] } },
    { key: 'yellow_red', label: '黄码红码人数', kind: 'count', where: { column: 'health_code', in: ['02', '03'] } },
    { key: 'suspected', label: '疑似人数', kind: 'count', where: { column: 'case_status', in: ['02'] } },
    { key: 'confirmed', label: '确诊人数', kind: 'count', where: { column: 'case_status', in: ['03'] } },
    { key: 'asymptomatic', label: '无症状感染者人数', kind: 'count', where: { column: 'case_status', in: ['04'] } },
  ],
  derive(values, ctx) {
    return { control_end: addDays(values.control_start, ctx.setting('quarantine_days')) };
  },
  check(values) {
    const issues = [
      ...notBefore(values, 'control_start', 'release_date', '解除日期不能早于管控开始日期'),
      ...notBefore(values, 'return_date', 'release_date', '解除日期不能早于返乡日期'),
    ];
    if (ISOLATION.some((c) => hasCode(values, 'control', c)) && isBlank(values.control_start))
      issues.push({ field: 'control_start', level: 'error', message: '居家隔离或集中隔离请填写管控开始日期' });
    if (hasCode(values, 'health_code', '03') && !ISOLATION.some((c) => hasCode(values, 'control', c)))
      issues.push({ field: 'control', level: 'error', message: '红码人员应采取居家隔离或集中隔离' });
    if (['02', '03', '04'].some((c) => hasCode(values, 'case_status', c)) && hasCode(values, 'control', '04'))
      issues.push({ field: 'control', level: 'error', message: '确诊、疑似或无症状感染者不能“无需管控”' });
    const start = values.control_start;
    if (typeof start === 'string' && typeof values.return_date === 'string' && start < values.return_date)
      issues.push({ field: 'control_start', level: 'warning', message: '管控开始日期早于返乡日期，请核实' });
    const end = values.control_end;
    if (typeof end === 'string' && typeof values.release_date === 'string' && values.release_date < end)
      issues.push({ field: 'release_date', level: 'warning', message: '未满隔离期即解除，请核实' });
    if (!isBlank(values.test_result) && isBlank(values.test_date))
      issues.push({ field: 'test_date', level: 'warning', message: '填写了核酸检测结果，请同时填写检测日期' });
    return issues;
  },
}); // prettier-ignore
