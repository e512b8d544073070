// 19. 特殊困难群体关爱 (person): 留守儿童, 留守妇女, 留守老人, 孤寡老人, 重病重残 — one person may be
// several — with the 监护人 or 联系人 and the 关爱责任人; and each 走访探视 of them (情况, 需求, 解决).
import { defineCodeTable } from '../../code-tables/define.ts';
import type { Issue } from '../../rules/issue.ts';
import { defineLedger } from '../define.ts';
import { hasCode, isBlank, otherNeedsNote } from '../ledger-helpers.ts';

export const specialCare = defineLedger({
  id: 'special_care',
  name: '特殊困难群体关爱',
  group: '兜底保障',
  description: '特殊困难群体关爱对象：留守儿童、留守妇女、留守老人、孤寡老人、重病重残等类别，监护人或联系人，关爱责任人。',
  subject: 'person',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'sc_category',
      name: '关爱对象类别',
      multi: true,
      items: [
        { code: '01', label: '留守儿童', aliases: ['农村留守儿童', '困境儿童'] },
        { code: '02', label: '留守妇女', aliases: ['农村留守妇女'] },
        { code: '03', label: '留守老人', aliases: ['农村留守老人', '空巢老人'] },
        { code: '04', label: '孤寡老人', aliases: ['孤寡', '独居孤寡老人'] },
        { code: '05', label: '重病重残', aliases: ['重病', '重残', '重度残疾', '重病患者', '重度残疾人'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'sc_contact_relation',
      name: '监护人关系',
      items: [
        { code: '01', label: '父母', aliases: ['父亲', '母亲', '父', '母'] },
        { code: '02', label: '祖父母或外祖父母', aliases: ['祖父', '祖母', '爷爷', '奶奶', '外公', '外婆', '外祖父', '外祖母', '祖父母', '外祖父母'] },
        { code: '03', label: '配偶', aliases: ['丈夫', '妻子', '夫妻'] },
        { code: '04', label: '子女', aliases: ['儿子', '女儿', '儿媳', '女婿'] },
        { code: '05', label: '兄弟姐妹', aliases: ['兄弟', '姐妹', '哥哥', '姐姐', '弟弟', '妹妹'] },
        { code: '06', label: '其他亲属', aliases: ['亲属', '亲戚'] },
        { code: '07', label: '村干部', aliases: ['村委会', '村组干部', '村委'] },
        { code: '08', label: '邻居', aliases: ['邻里'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'categories', label: '关爱类别', type: 'codes', codeTable: 'sc_category', required: true, aliases: ['类别', '人员类别', '困难类别', '特殊群体类别', '对象类别'] },
    { column: 'category_note', label: '类别说明', type: 'text', aliases: ['其他类别说明'] },
    { column: 'situation', label: '基本情况', type: 'text', long: true, aliases: ['家庭情况', '困难情况', '情况说明'] },
    { column: 'guardian_name', label: '监护人/联系人姓名', type: 'text', aliases: ['监护人', '联系人', '监护人姓名', '联系人姓名', '监护人（联系人）'] },
    { column: 'guardian_phone', label: '监护人/联系人电话', type: 'phone', sensitive: true, aliases: ['监护人电话', '联系人电话', '联系电话', '监护人联系电话'] },
    { column: 'guardian_relation', label: '与监护人/联系人关系', type: 'code', codeTable: 'sc_contact_relation', aliases: ['关系', '监护关系', '与本人关系', '与联系人关系'] },
    { column: 'caretaker', label: '关爱责任人', type: 'text', aliases: ['结对关爱人', '包保责任人', '帮扶人', '关爱人'] },
    { column: 'caretaker_phone', label: '关爱责任人电话', type: 'phone', sensitive: true, aliases: ['责任人电话', '关爱人电话'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['categories', 'guardian_name', 'guardian_phone', 'guardian_relation', 'caretaker'],
  sortColumns: ['guardian_name', 'guardian_relation', 'caretaker'],
  filters: ['categories', 'guardian_relation'],
  measures: [
    { key: 'records', label: '关爱对象人数', kind: 'count' },
    { key: 'left_children', label: '留守儿童', kind: 'count', where: { column: 'categories', in: ['01'] } },
    { key: 'left_women', label: '留守妇女', kind: 'count', where: { column: 'categories', in: ['02'] } },
    { key: 'left_elderly', label: '留守老人', kind: 'count', where: { column: 'categories', in: ['03'] } },
    { key: 'lonely_elderly', label: '孤寡老人', kind: 'count', where: { column: 'categories', in: ['04'] } },
    { key: 'ill_disabled', label: '重病重残', kind: 'count', where: { column: 'categories', in: ['05'] } },
  ],
  check(values) {
    const issues = otherNeedsNote(values, 'categories', 'category_note', '关爱类别含“其他”时请填写类别说明');
    if (hasCode(values, 'categories', '01') && isBlank(values.guardian_name))
      issues.push({ field: 'guardian_name', level: 'error', message: '留守儿童须登记监护人' });
    if (!isBlank(values.guardian_phone) && isBlank(values.guardian_name))
      issues.push({ field: 'guardian_name', level: 'warning', message: '填写了联系电话，请同时填写监护人或联系人姓名' });
    return issues;
  },
}); // prettier-ignore

export const careVisits = defineLedger({
  id: 'care_visits',
  name: '关爱走访探视',
  group: '兜底保障',
  description: '特殊困难群体的走访探视：日期、走访人、方式、情况、需求与解决情况。',
  subject: 'person',
  parent: { ledger: 'special_care', key: 'subject' },
  key: ['parent', 'visit_date', 'visitor'],
  codeTables: [
    defineCodeTable({
      key: 'cv_visit_mode',
      name: '探视方式',
      items: [
        { code: '01', label: '入户探视', aliases: ['入户', '上门', '入户走访', '上门探视'] },
        { code: '02', label: '电话', aliases: ['电话问候', '电话联系'] },
        { code: '03', label: '视频', aliases: ['微信视频', '视频通话'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'visit_date', label: '走访日期', type: 'date', required: true, aliases: ['探视日期', '走访时间', '探视时间', '日期'] },
    { column: 'visitor', label: '走访人', type: 'text', required: true, aliases: ['探视人', '走访人员', '关爱责任人'] },
    { column: 'mode', label: '探视方式', type: 'code', codeTable: 'cv_visit_mode', aliases: ['走访方式', '方式'] },
    { column: 'situation', label: '情况', type: 'text', long: true, aliases: ['探视情况', '走访情况', '基本情况', '近况'] },
    { column: 'needs', label: '需求', type: 'text', long: true, aliases: ['困难诉求', '诉求', '需求事项', '主要需求', '困难需求'] },
    { column: 'resolved', label: '需求是否解决', type: 'bool', aliases: ['是否解决', '解决与否', '是否已解决'] },
    { column: 'resolution', label: '解决情况', type: 'text', long: true, aliases: ['帮扶措施', '解决措施', '处理情况'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['visit_date', 'visitor', 'mode', 'situation', 'needs', 'resolved'],
  sortColumns: ['visit_date', 'visitor', 'mode'],
  filters: ['mode', 'resolved'],
  measures: [
    { key: 'records', label: '走访探视人次', kind: 'count' },
    { key: 'home', label: '入户探视人次', kind: 'count', where: { column: 'mode', in: ['01'] } },
    { key: 'resolved', label: '需求已解决', kind: 'count', where: { column: 'resolved', in: [1] } },
    { key: 'unresolved', label: '需求未解决', kind: 'count', where: { column: 'resolved', in: [0] } },
  ],
  check(values) {
    const issues: Issue[] = [];
    if (values.resolved === 1 && isBlank(values.resolution))
      issues.push({ field: 'resolution', level: 'error', message: '需求已解决的请填写解决情况' });
    if (!isBlank(values.resolved) && isBlank(values.needs))
      issues.push({ field: 'needs', level: 'warning', message: '填写了是否解决，请写明需求' });
    return issues;
  },
}); // prettier-ignore
