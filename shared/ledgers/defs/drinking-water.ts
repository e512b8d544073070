// 7. 安全饮水 (household): whether the household's drinking water is safe (the national field 是否解决安全饮用水),
// its 水源类型, what falls short of the four standards (水量, 水质, 用水方便程度, 供水保证率), and what was done
// about it and when.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { isBlank, otherNeedsNote } from '../ledger-helpers.ts';

export const drinkingWater = defineLedger({
  id: 'drinking_water',
  name: '安全饮水',
  group: '住房饮水',
  description: '农村饮水安全台账：是否解决安全饮水、水源类型、存在问题（水量、水质、用水方便程度、供水保证率）、解决措施与日期。',
  subject: 'household',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'water_source_type',
      name: '饮用水水源类型',
      source: '2013 年贵州贫困户登记表饮水水源（2020 国家系统仅“是否解决安全饮用水”）',
      items: [
        { code: '01', label: '集中供水（自来水）', aliases: ['经过净化处理的自来水', '自来水', '集中供水', '集中式供水', '集中供水工程'] },
        { code: '02', label: '受保护的井水和泉水', aliases: ['受保护的井水', '受保护的泉水', '分散供水', '水井', '井水'] },
        { code: '03', label: '不受保护的井水和泉水', aliases: ['不受保护的井水', '不受保护的泉水', '山泉水'] },
        { code: '04', label: '江河湖泊水', aliases: ['江河水', '河水', '湖泊水', '塘坝水', '地表水'] },
        { code: '05', label: '收集雨水', aliases: ['雨水', '水窖', '水柜', '集雨水窖'] },
        { code: '06', label: '桶装水', aliases: ['购买桶装水', '瓶装水'] },
        { code: '99', label: '其他水源', aliases: ['其他', '其它', '拉水'] },
      ],
    }),
    defineCodeTable({
      key: 'water_problem',
      name: '饮水问题',
      multi: true,
      source: '农村饮水安全评价准则：水量、水质、用水方便程度、供水保证率',
      items: [
        { code: '01', label: '水量不足', aliases: ['水量不达标', '缺水', '水量'] },
        { code: '02', label: '水质不达标', aliases: ['水质不合格', '水质差', '水质'] },
        { code: '03', label: '取水不方便', aliases: ['用水方便程度不达标', '取水距离远', '取水困难', '用水不方便'] },
        { code: '04', label: '供水保证率低', aliases: ['供水保证率不达标', '季节性缺水', '经常停水', '供水不稳定'] },
        { code: '05', label: '供水设施损毁', aliases: ['设施损毁', '管网损坏', '饮水设施损毁', '管道损坏'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'water_measure',
      name: '饮水解决措施',
      items: [
        { code: '01', label: '管网延伸', aliases: ['集中供水管网延伸', '接通自来水', '入户管网', '管网入户'] },
        { code: '02', label: '新建集中供水工程', aliases: ['新建水厂', '新建集中供水', '集中供水工程新建'] },
        { code: '03', label: '分散供水工程', aliases: ['打井', '新建水窖', '新建水柜', '分散式供水'] },
        { code: '04', label: '水质净化', aliases: ['净化消毒', '安装净水设备', '水质处理'] },
        { code: '05', label: '维修改造', aliases: ['维修', '管网维修', '设施维修', '改造提升'] },
        { code: '06', label: '应急送水', aliases: ['拉水送水', '送水', '应急供水'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'solved', label: '是否解决安全饮水', type: 'bool', required: true, aliases: ['是否解决安全饮用水', '是否饮水安全', '饮水是否安全', '安全饮水是否达标', '饮水安全', '安全饮水'] },
    { column: 'source_type', label: '水源类型', type: 'code', codeTable: 'water_source_type', aliases: ['饮用水水源', '饮水水源', '水源', '饮水方式', '供水方式'] },
    { column: 'problems', label: '存在问题', type: 'codes', codeTable: 'water_problem', maxItems: 6, aliases: ['饮水问题', '饮水存在问题', '存在的问题', '未达标项'] },
    { column: 'problem_note', label: '问题说明', type: 'text', aliases: ['问题描述', '其他问题说明'], help: '存在问题含“其他”时必填' },
    { column: 'measure', label: '解决措施', type: 'code', codeTable: 'water_measure', aliases: ['解决办法', '整改措施', '解决方式'] },
    { column: 'measure_note', label: '措施说明', type: 'text', aliases: ['解决措施说明', '其他措施说明'], help: '解决措施为“其他”时必填' },
    { column: 'solved_date', label: '解决日期', type: 'date', aliases: ['解决时间', '完成时间', '完成日期'] },
    { column: 'water_quality_tested', label: '水质检测是否合格', type: 'bool', aliases: ['水质检测', '水质是否达标', '水质检测合格'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['solved', 'source_type', 'problems', 'measure', 'solved_date'],
  sortColumns: ['source_type', 'measure', 'solved_date'],
  filters: ['solved', 'source_type', 'measure'],
  measures: [
    { key: 'records', label: '登记户数', kind: 'count' },
    { key: 'solved', label: '已解决户数', kind: 'count', where: { column: 'solved', in: [1] } },
    { key: 'unsolved', label: '未解决户数', kind: 'count', where: { column: 'solved', in: [0] } },
    { key: 'piped', label: '集中供水户数', kind: 'count', where: { column: 'source_type', in: ['01'] } },
    { key: 'by_piped_supply', label: '集中供水工程解决户数', kind: 'count', where: { column: 'measure', in: ['01', '02'] } },
  ],
  check(values) {
    const issues: Issue[] = [
      ...otherNeedsNote(values, 'problems', 'problem_note', '存在问题含“其他”的，请填写问题说明'),
      ...otherNeedsNote(values, 'measure', 'measure_note', '解决措施为“其他”的，请填写措施说明'),
    ];
    if (values.solved === 0 && isBlank(values.problems))
      issues.push({ field: 'problems', level: 'error', message: '未解决安全饮水的，请填写存在问题' });
    if (values.solved === 0 && !isBlank(values.solved_date))
      issues.push({ field: 'solved_date', level: 'error', message: '未解决安全饮水的，不应填写解决日期' });
    if (values.solved === 1 && !isBlank(values.measure) && isBlank(values.solved_date))
      issues.push({ field: 'solved_date', level: 'warning', message: '已采取措施解决的，请填写解决日期' });
    return issues;
  },
}); // prettier-ignore
