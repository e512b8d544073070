// 6. 义务教育 控辍保学 (person): each school-age child's 学校, 年级 and 就学状态 (在校, 辍学, 送教上门, 残疾免学),
// why a child dropped out and who is responsible for getting them back; and dropout_persuasion, the 劝返
// visits to a child of this ledger (日期, 劝返人, 方式, 结果).
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { isBlank, notBefore, otherNeedsNote } from '../ledger-helpers.ts';

export const compulsoryEducation = defineLedger({
  id: 'compulsory_education',
  name: '义务教育控辍保学',
  group: '教育扶贫',
  description: '义务教育阶段适龄儿童少年就学台账：学校、年级、就学状态、辍学原因、劝返复学与包保责任人。',
  subject: 'person',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'education_grade',
      name: '义务教育年级',
      items: [
        { code: '01', label: '一年级', aliases: ['小学一年级', '1年级', '一年'] },
        { code: '02', label: '二年级', aliases: ['小学二年级', '2年级', '二年'] },
        { code: '03', label: '三年级', aliases: ['小学三年级', '3年级', '三年'] },
        { code: '04', label: '四年级', aliases: ['小学四年级', '4年级', '四年'] },
        { code: '05', label: '五年级', aliases: ['小学五年级', '5年级', '五年'] },
        { code: '06', label: '六年级', aliases: ['小学六年级', '6年级', '六年'] },
        { code: '07', label: '七年级', aliases: ['初一', '初中一年级', '7年级'] },
        { code: '08', label: '八年级', aliases: ['初二', '初中二年级', '8年级'] },
        { code: '09', label: '九年级', aliases: ['初三', '初中三年级', '9年级'] },
      ],
    }),
    defineCodeTable({
      key: 'education_attendance',
      name: '就学状态',
      source: '控辍保学台账；义务教育阶段未上学原因',
      items: [
        { code: '01', label: '在校', aliases: ['在校就读', '在读', '正常就学', '在校生', '已入学'] },
        { code: '02', label: '辍学', aliases: ['失学', '失学辍学', '辍学在家', '未入学', '失辍学'] },
        { code: '03', label: '送教上门', aliases: ['送教', '送教上门服务'] },
        { code: '04', label: '残疾免学', aliases: ['因残免学', '免学', '重度残疾免学', '残疾缓学'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'education_dropout_reason',
      name: '辍学原因',
      source: '失学或辍学原因（国家系统仅见因病、因残；其余为控辍保学台账常见项）',
      items: [
        { code: '01', label: '因病', aliases: ['生病', '患病'] },
        { code: '02', label: '因残', aliases: ['残疾'] },
        { code: '03', label: '厌学', aliases: ['学习困难', '不愿上学'] },
        { code: '04', label: '外出务工', aliases: ['打工', '外出打工'] },
        { code: '05', label: '家庭困难', aliases: ['因贫', '家庭贫困', '经济困难'] },
        { code: '06', label: '早婚早育', aliases: ['早婚', '结婚'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'school', label: '学校', type: 'text', aliases: ['就读学校', '学校名称', '在读学校', '学籍所在学校'] },
    { column: 'grade', label: '年级', type: 'code', codeTable: 'education_grade', aliases: ['就读年级', '在读年级', '所在年级'] },
    { column: 'attendance', label: '就学状态', type: 'code', codeTable: 'education_attendance', required: true, aliases: ['就学情况', '在校情况', '是否在校', '就读状态'] },
    { column: 'attendance_note', label: '其他情况说明', type: 'text', aliases: ['就学状态说明'], help: '就学状态为“其他”时必填' },
    { column: 'dropout_reason', label: '辍学原因', type: 'code', codeTable: 'education_dropout_reason', aliases: ['失学或辍学原因', '义务教育阶段未上学原因', '失学辍学原因', '未上学原因'] },
    { column: 'dropout_date', label: '辍学日期', type: 'date', aliases: ['辍学时间', '失学时间'] },
    { column: 'return_date', label: '复学日期', type: 'date', aliases: ['返校日期', '复学时间', '返校时间', '劝返复学时间'] },
    { column: 'returned', label: '是否劝返复学', type: 'bool', derived: true, help: '填写复学日期即为已劝返复学' },
    { column: 'guardian', label: '监护人', type: 'text', aliases: ['监护人姓名', '家长姓名', '家长'] },
    { column: 'guardian_phone', label: '监护人电话', type: 'phone', sensitive: true, aliases: ['监护人联系电话', '家长电话', '家长联系电话'] },
    { column: 'responsible', label: '包保责任人', type: 'text', aliases: ['控辍保学责任人', '责任人', '包保人', '劝返责任人'] },
    { column: 'aid', label: '享受资助情况', type: 'text', aliases: ['资助情况', '教育资助', '享受资助', '两免一补'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['school', 'grade', 'attendance', 'dropout_reason', 'return_date', 'responsible'],
  sortColumns: ['school', 'grade', 'attendance', 'dropout_reason', 'return_date'],
  filters: ['grade', 'attendance', 'dropout_reason', 'returned'],
  measures: [
    { key: 'records', label: '适龄人数', kind: 'count' },
    { key: 'in_school', label: '在校人数', kind: 'count', where: { column: 'attendance', in: ['01'] } },
    { key: 'dropout', label: '辍学人数', kind: 'count', where: { column: 'attendance', in: ['02'] } },
    { key: 'home_teaching', label: '送教上门人数', kind: 'count', where: { column: 'attendance', in: ['03'] } },
    { key: 'exempt', label: '残疾免学人数', kind: 'count', where: { column: 'attendance', in: ['04'] } },
    { key: 'returned', label: '劝返复学人数', kind: 'count', where: { column: 'returned', in: [1] } },
  ],
  derive(values) {
    return { returned: isBlank(values.return_date) ? 0 : 1 };
  },
  check(values) {
    const issues: Issue[] = [
      ...otherNeedsNote(values, 'attendance', 'attendance_note', '就学状态为“其他”的，请填写其他情况说明'),
      ...notBefore(values, 'dropout_date', 'return_date', '复学日期不能早于辍学日期'),
    ];
    if (values.attendance === '02' && isBlank(values.dropout_reason))
      issues.push({ field: 'dropout_reason', level: 'warning', message: '辍学的请填写辍学原因' });
    if (values.attendance === '02' && !isBlank(values.return_date))
      issues.push({ field: 'attendance', level: 'error', message: '已填写复学日期的，就学状态不应为“辍学”' });
    if ((values.attendance === '01' || values.attendance === '03') && isBlank(values.school))
      issues.push({ field: 'school', level: 'warning', message: '在校或送教上门的，请填写学校' });
    return issues;
  },
}); // prettier-ignore

export const dropoutPersuasion = defineLedger({
  id: 'dropout_persuasion',
  name: '劝返记录',
  group: '教育扶贫',
  description: '控辍保学劝返记录：每次劝返的日期、劝返人、方式与结果。',
  subject: 'person',
  parent: { ledger: 'compulsory_education', key: 'subject' },
  key: ['parent', 'date'],
  codeTables: [
    defineCodeTable({
      key: 'persuasion_method',
      name: '劝返方式',
      items: [
        { code: '01', label: '入户劝返', aliases: ['上门劝返', '入户', '走访劝返'] },
        { code: '02', label: '电话劝返', aliases: ['电话', '电话联系'] },
        { code: '03', label: '联合劝返', aliases: ['多部门联合劝返', '联合上门'] },
        { code: '04', label: '依法劝返', aliases: ['法律劝返', '发放告知书', '司法介入', '下达责令改正通知书'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'persuasion_result',
      name: '劝返结果',
      items: [
        { code: '01', label: '已返校', aliases: ['返校复学', '已复学', '劝返成功', '成功'] },
        { code: '02', label: '同意返校', aliases: ['承诺返校', '待返校', '同意复学'] },
        { code: '03', label: '未返校', aliases: ['拒绝返校', '劝返未果', '未成功', '不同意返校'] },
        { code: '04', label: '转送教上门', aliases: ['送教上门'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'date', label: '劝返日期', type: 'date', required: true, aliases: ['劝返时间', '日期', '走访日期'] },
    { column: 'persuader', label: '劝返人', type: 'text', required: true, aliases: ['劝返人员', '劝返责任人', '参与劝返人员'] },
    { column: 'persuader_unit', label: '劝返人单位及职务', type: 'text', aliases: ['劝返人单位', '单位及职务', '工作单位'] },
    { column: 'method', label: '劝返方式', type: 'code', codeTable: 'persuasion_method', aliases: ['劝返形式'] },
    { column: 'result', label: '劝返结果', type: 'code', codeTable: 'persuasion_result', required: true, aliases: ['结果', '劝返情况', '劝返效果'] },
    { column: 'situation', label: '情况说明', type: 'text', long: true, aliases: ['劝返过程', '具体情况', '备注', '说明'], help: '劝返结果为“其他”时必填' },
  ],
  listColumns: ['date', 'persuader', 'method', 'result'],
  sortColumns: ['date', 'method', 'result'],
  filters: ['method', 'result'],
  measures: [
    { key: 'records', label: '劝返次数', kind: 'count' },
    { key: 'returned', label: '劝返返校次数', kind: 'count', where: { column: 'result', in: ['01'] } },
    { key: 'not_returned', label: '劝返未果次数', kind: 'count', where: { column: 'result', in: ['03'] } },
  ],
  check(values) {
    return otherNeedsNote(values, 'result', 'situation', '劝返结果为“其他”的，请填写情况说明');
  },
}); // prettier-ignore
