// 14. 帮扶责任人与走访: who answers for which place (县领导 → 乡镇, 乡镇干部 → 村, 村干部/帮扶责任人 → 户,
// 驻村工作队) with unit, post, phone and 在岗天数; and each 走访 of a household — date, visitor, way,
// the 两不愁三保障 checklist of the 入户核查表 and the problems found (domain.md 4.5).
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { hasCode, isBlank, notBefore, otherNeedsNote } from '../ledger-helpers.ts';

/** 驻村 roles: 第一书记, 工作队长, 工作队员. */
const RESIDENT_ROLES = ['05', '06', '07'];

export const helpers = defineLedger({
  id: 'helpers',
  name: '帮扶责任人与驻村工作队',
  group: '帮扶责任',
  description: '帮扶责任人与包保关系：县领导包乡镇、乡镇干部包村、村干部与帮扶责任人包户、驻村第一书记和工作队员，含单位、职务、电话、派出单位与在岗天数。',
  subject: 'region',
  key: ['subject', 'name'],
  codeTables: [
    defineCodeTable({
      key: 'hp_role',
      name: '帮扶角色',
      items: [
        { code: '01', label: '县级领导（包乡镇）', aliases: ['县领导', '县级领导', '包乡县领导', '县级包保领导'] },
        { code: '02', label: '乡镇干部（包村）', aliases: ['乡镇干部', '包村干部', '乡镇包村干部', '包村领导'] },
        { code: '03', label: '村干部（包户）', aliases: ['村干部', '村组干部', '村两委干部', '村两委成员'] },
        { code: '04', label: '帮扶责任人（包户）', aliases: ['帮扶责任人', '结对帮扶责任人', '帮扶干部', '包户干部', '结对帮扶干部'] },
        { code: '05', label: '驻村第一书记', aliases: ['第一书记'] },
        { code: '06', label: '驻村工作队长', aliases: ['工作队长', '驻村队长', '驻村工作队队长'] },
        { code: '07', label: '驻村工作队员', aliases: ['工作队员', '驻村队员', '驻村干部'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'hp_unit_level',
      name: '单位层级',
      items: [
        { code: '01', label: '中央单位', aliases: ['中央', '中直单位', '中央和国家机关'] },
        { code: '02', label: '省直单位', aliases: ['省级', '省直', '省属单位'] },
        { code: '03', label: '市直单位', aliases: ['市级', '市直', '市属单位'] },
        { code: '04', label: '县直单位', aliases: ['县级', '县直', '县属单位'] },
        { code: '05', label: '乡镇', aliases: ['乡镇级', '乡镇单位', '乡镇政府'] },
        { code: '06', label: '村', aliases: ['村级', '村委会'] },
        { code: '07', label: '企业', aliases: ['国有企业', '民营企业'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'name', label: '姓名', type: 'text', required: true, aliases: ['责任人姓名', '帮扶责任人姓名', '帮扶人姓名', '干部姓名', '责任人'] },
    { column: 'sex', label: '性别', type: 'code', codeTable: 'sex' },
    { column: 'unit', label: '工作单位', type: 'text', aliases: ['单位', '单位名称', '帮扶单位', '所在单位'] },
    { column: 'position', label: '职务', type: 'text', aliases: ['职务职级', '现任职务', '职务（职级）'] },
    { column: 'phone', label: '联系电话', type: 'phone', sensitive: true, aliases: ['电话', '手机号', '手机号码', '联系方式'] },
    { column: 'role', label: '帮扶角色', type: 'code', codeTable: 'hp_role', required: true, aliases: ['角色', '包保关系', '人员类别', '身份类别', '帮扶类型'] },
    { column: 'role_note', label: '角色说明', type: 'text', aliases: ['其他角色说明'] },
    { column: 'unit_level', label: '单位层级', type: 'code', codeTable: 'hp_unit_level', aliases: ['单位级别', '派出单位级别', '派出单位层级'] },
    { column: 'team_unit', label: '派出单位', type: 'text', aliases: ['驻村工作队派出单位', '选派单位', '驻村派出单位'] },
    { column: 'start_date', label: '开始日期', type: 'date', aliases: ['驻村时间', '帮扶开始时间', '结对时间', '选派时间', '到岗时间', '任职时间'] },
    { column: 'end_date', label: '结束日期', type: 'date', aliases: ['离岗时间', '轮换时间', '调整时间', '结束时间'] },
    { column: 'days_on_duty', label: '在岗天数', type: 'int', min: 0, max: 366, aliases: ['驻村天数', '在村天数', '累计在岗天数', '本年在岗天数'], help: '本年度驻村在岗天数' },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['name', 'role', 'unit', 'position', 'phone', 'team_unit', 'days_on_duty'],
  sortColumns: ['name', 'role', 'unit', 'days_on_duty'],
  filters: ['role', 'unit_level', 'sex'],
  measures: [
    { key: 'records', label: '责任人数', kind: 'count' },
    { key: 'county_leaders', label: '县级领导', kind: 'count', where: { column: 'role', in: ['01'] } },
    { key: 'township_cadres', label: '乡镇包村干部', kind: 'count', where: { column: 'role', in: ['02'] } },
    { key: 'household_helpers', label: '包户责任人', kind: 'count', where: { column: 'role', in: ['03', '04'] } },
    { key: 'first_secretaries', label: '驻村第一书记', kind: 'count', where: { column: 'role', in: ['05'] } },
    { key: 'team_members', label: '驻村工作队员（含队长）', kind: 'count', where: { column: 'role', in: ['06', '07'] } },
    { key: 'days_on_duty', label: '在岗天数合计', kind: 'sum', column: 'days_on_duty' },
  ],
  check(values) {
    const issues = [
      ...notBefore(values, 'start_date', 'end_date', '结束日期不能早于开始日期'),
      ...otherNeedsNote(values, 'role', 'role_note', '帮扶角色为“其他”时请填写角色说明'),
    ];
    const resident = RESIDENT_ROLES.some((c) => hasCode(values, 'role', c));
    if (resident && isBlank(values.team_unit))
      issues.push({ field: 'team_unit', level: 'warning', message: '驻村第一书记和工作队员请填写派出单位' });
    if (!resident && !isBlank(values.days_on_duty))
      issues.push({ field: 'days_on_duty', level: 'warning', message: '在岗天数只统计驻村第一书记和工作队员' });
    return issues;
  },
}); // prettier-ignore

export const helperVisits = defineLedger({
  id: 'helper_visits',
  name: '走访记录',
  group: '帮扶责任',
  description: '帮扶责任人入户走访：日期、走访人、方式、两不愁三保障核查、疫情影响、发现问题与整改措施。',
  subject: 'household',
  key: ['subject', 'visit_date', 'visitor'],
  codeTables: [
    defineCodeTable({
      key: 'hv_visit_mode',
      name: '走访方式',
      items: [
        { code: '01', label: '入户', aliases: ['入户走访', '上门', '实地走访', '上门走访', '现场'] },
        { code: '02', label: '电话', aliases: ['电话联系', '电话回访', '电话走访'] },
        { code: '03', label: '微信', aliases: ['微信视频', '视频', '微信联系', '视频通话'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'visit_date', label: '走访日期', type: 'date', required: true, aliases: ['走访时间', '帮扶日期', '入户时间', '日期'] },
    { column: 'visitor', label: '走访人', type: 'text', required: true, aliases: ['走访人员', '走访干部', '帮扶人', '帮扶责任人', '包保干部'] },
    { column: 'mode', label: '走访方式', type: 'code', codeTable: 'hv_visit_mode', required: true, aliases: ['方式', '联系方式', '帮扶方式'] },
    { column: 'content', label: '走访内容', type: 'text', long: true, aliases: ['帮扶内容', '走访情况', '工作内容', '帮扶工作内容'] },
    { column: 'food_clothing', label: '吃穿不愁', type: 'bool', aliases: ['不愁吃不愁穿', '吃穿是否有保障', '两不愁'] },
    { column: 'education_ok', label: '义务教育有保障', type: 'bool', aliases: ['义务教育', '有无失学辍学', '义务教育保障'] },
    { column: 'medical_ok', label: '基本医疗有保障', type: 'bool', aliases: ['基本医疗', '基本医疗保障'] },
    { column: 'housing_ok', label: '住房安全有保障', type: 'bool', aliases: ['住房安全', '住房安全保障'] },
    { column: 'water_ok', label: '饮水安全有保障', type: 'bool', aliases: ['饮水安全', '安全饮水', '饮水安全保障'] },
    { column: 'epidemic_impact', label: '疫情影响', type: 'text', long: true, aliases: ['受疫情影响情况', '疫情影响情况'], help: '务工受阻、农产品滞销等' },
    { column: 'problems', label: '发现问题', type: 'text', long: true, aliases: ['存在问题', '存在的问题', '发现的问题', '问题'] },
    { column: 'has_problem', label: '是否发现问题', type: 'bool', derived: true },
    { column: 'fix_measures', label: '整改措施', type: 'text', long: true, aliases: ['解决措施', '帮扶措施'] },
    { column: 'fix_deadline', label: '整改时限', type: 'date', aliases: ['完成时限', '整改期限'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['visit_date', 'visitor', 'mode', 'content', 'problems', 'fix_deadline'],
  sortColumns: ['visit_date', 'visitor', 'mode', 'fix_deadline'],
  filters: ['mode', 'has_problem', 'food_clothing', 'education_ok', 'medical_ok', 'housing_ok', 'water_ok'],
  measures: [
    { key: 'records', label: '走访户次', kind: 'count' },
    { key: 'home', label: '入户走访户次', kind: 'count', where: { column: 'mode', in: ['01'] } },
    { key: 'remote', label: '电话微信走访户次', kind: 'count', where: { column: 'mode', in: ['02', '03'] } },
    { key: 'has_problem', label: '发现问题户次', kind: 'count', where: { column: 'has_problem', in: [1] } },
    { key: 'housing_not_ok', label: '住房不安全户次', kind: 'count', where: { column: 'housing_ok', in: [0] } },
    { key: 'water_not_ok', label: '饮水不安全户次', kind: 'count', where: { column: 'water_ok', in: [0] } },
  ],
  derive(values) {
    return { has_problem: isBlank(values.problems) ? 0 : 1 };
  },
  check(values) {
    const issues = notBefore(values, 'visit_date', 'fix_deadline', '整改时限不能早于走访日期');
    const gaps = ['food_clothing', 'education_ok', 'medical_ok', 'housing_ok', 'water_ok'].filter((c) => values[c] === 0);
    if (gaps.length > 0 && isBlank(values.problems))
      issues.push({ field: 'problems', level: 'error', message: '两不愁三保障有未保障的项目，请在发现问题中写明' });
    if (!isBlank(values.problems) && isBlank(values.fix_measures))
      issues.push({ field: 'fix_measures', level: 'warning', message: '发现问题请填写整改措施' });
    return issues;
  },
}); // prettier-ignore
