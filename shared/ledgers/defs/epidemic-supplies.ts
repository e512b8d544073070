// 17. 防疫与生活物资 (free-standing): each 物资 by name with its 类别, 规格 and 单位, and every 入库 and
// 出库 of it. 库存 is never typed: it is the sum of the movements' signed quantities (入库 +, 出库 −).
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { hasCode, isBlank, otherNeedsNote } from '../ledger-helpers.ts';

const IN = '01';
const OUT = '02';

export const epidemicSupplies = defineLedger({
  id: 'epidemic_supplies',
  name: '防疫与生活物资',
  group: '疫情防控',
  description: '防疫与生活物资：物资名称、类别、规格、计量单位、存放地点与保管人；库存由出入库记录自动汇总。',
  subject: 'none',
  key: ['name'],
  codeTables: [
    defineCodeTable({
      key: 'es_category',
      name: '物资类别',
      items: [
        { code: '01', label: '口罩', aliases: ['医用口罩', '外科口罩', 'N95口罩', '一次性口罩', '医用外科口罩'] },
        { code: '02', label: '防护服', aliases: ['隔离衣', '医用防护服'] },
        { code: '03', label: '消毒液', aliases: ['消毒剂', '消毒用品', '酒精', '84消毒液', '消毒物资'] },
        { code: '04', label: '体温计', aliases: ['测温枪', '额温枪', '红外测温仪', '体温枪', '测温设备'] },
        { code: '05', label: '手套', aliases: ['医用手套', '一次性手套', '橡胶手套'] },
        { code: '06', label: '护目镜', aliases: ['面屏', '防护面罩', '防护眼镜'] },
        { code: '07', label: '米面油', aliases: ['粮油', '大米', '面粉', '食用油', '生活物资'] },
        { code: '08', label: '蔬菜肉蛋', aliases: ['蔬菜', '肉蛋', '副食品'] },
        { code: '09', label: '药品', aliases: ['药物', '常用药品'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'name', label: '物资名称', type: 'text', required: true, aliases: ['物资', '品名', '名称', '物资品名'] },
    { column: 'category', label: '物资类别', type: 'code', codeTable: 'es_category', required: true, aliases: ['类别', '物资类型', '物资种类'] },
    { column: 'spec', label: '规格', type: 'text', aliases: ['规格型号', '型号'] },
    { column: 'unit', label: '计量单位', type: 'text', aliases: ['单位'], help: '个、只、套、瓶、桶、箱、公斤…' },
    { column: 'location', label: '存放地点', type: 'text', aliases: ['储存地点', '存放位置', '仓库'] },
    { column: 'keeper', label: '保管人', type: 'text', aliases: ['管理人', '保管员', '物资管理员'] },
    { column: 'expiry_date', label: '有效期至', type: 'date', aliases: ['有效期', '失效日期', '保质期至'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  rollups: [{ column: 'stock', label: '库存', child: 'supply_movements', sum: 'signed_quantity' }],
  listColumns: ['name', 'category', 'spec', 'unit', 'location', 'keeper'],
  sortColumns: ['name', 'category', 'keeper'],
  filters: ['category'],
  measures: [
    { key: 'records', label: '物资种类数', kind: 'count' },
    { key: 'masks', label: '口罩', kind: 'count', where: { column: 'category', in: ['01'] } },
    { key: 'protective', label: '防护服、手套、护目镜', kind: 'count', where: { column: 'category', in: ['02', '05', '06'] } },
    { key: 'disinfectant', label: '消毒液', kind: 'count', where: { column: 'category', in: ['03'] } },
    { key: 'living', label: '生活物资', kind: 'count', where: { column: 'category', in: ['07', '08'] } },
  ],
}); // prettier-ignore

export const supplyMovements = defineLedger({
  id: 'supply_movements',
  name: '物资出入库',
  group: '疫情防控',
  description: '防疫与生活物资的入库与出库：方向、日期、数量、来源或去向、经手人；入库记正数、出库记负数汇总为库存。',
  subject: 'none',
  parent: { ledger: 'epidemic_supplies', key: 'name' },
  key: ['parent', 'movement_date', 'direction', 'party'],
  codeTables: [
    defineCodeTable({
      key: 'sm_direction',
      name: '出入库方向',
      items: [
        { code: IN, label: '入库', aliases: ['入', '收入', '调入', '采购入库', '捐赠入库', '接收'] },
        { code: OUT, label: '出库', aliases: ['出', '发放', '领用', '调出', '支出', '使用'] },
      ],
    }),
    defineCodeTable({
      key: 'sm_party_type',
      name: '来源去向类别',
      items: [
        { code: '01', label: '上级调拨', aliases: ['上级下拨', '调拨', '上级配发'] },
        { code: '02', label: '自行采购', aliases: ['采购', '购买', '自购'] },
        { code: '03', label: '社会捐赠', aliases: ['捐赠', '爱心捐赠', '企业捐赠'] },
        { code: '04', label: '发放到村', aliases: ['下发到村', '村级领用'] },
        { code: '05', label: '卡点使用', aliases: ['卡点', '防控卡点', '检查站'] },
        { code: '06', label: '发放到户', aliases: ['发放群众', '困难群众', '隔离户'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'direction', label: '出入库', type: 'code', codeTable: 'sm_direction', required: true, aliases: ['方向', '出入库类型', '类型', '收发', '出入库方向'] },
    { column: 'movement_date', label: '出入库日期', type: 'date', required: true, aliases: ['日期', '入库日期', '出库日期', '发放日期', '领用日期', '时间'] },
    { column: 'quantity', label: '数量', type: 'decimal', required: true, min: 0, max: 10_000_000, aliases: ['入库数量', '出库数量', '发放数量', '领用数量'] },
    { column: 'party_type', label: '来源去向类别', type: 'code', codeTable: 'sm_party_type', aliases: ['来源类别', '去向类别'] },
    { column: 'party', label: '来源/去向', type: 'text', aliases: ['来源', '去向', '来源去向', '发放对象', '领用单位', '捐赠单位', '供货单位'] },
    { column: 'amount', label: '金额（元）', type: 'decimal', min: 0, max: 10_000_000, aliases: ['金额', '采购金额', '价值（元）'] },
    { column: 'handler', label: '经手人', type: 'text', aliases: ['经办人', '领用人', '发放人', '签收人'] },
    { column: 'signed_quantity', label: '库存变动', type: 'decimal', derived: true, help: '入库为正、出库为负' },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['direction', 'movement_date', 'quantity', 'party', 'handler', 'signed_quantity'],
  sortColumns: ['direction', 'movement_date', 'quantity', 'handler'],
  filters: ['direction', 'party_type'],
  measures: [
    { key: 'records', label: '出入库笔数', kind: 'count' },
    { key: 'in', label: '入库笔数', kind: 'count', where: { column: 'direction', in: [IN] } },
    { key: 'out', label: '出库笔数', kind: 'count', where: { column: 'direction', in: [OUT] } },
    { key: 'donated', label: '社会捐赠笔数', kind: 'count', where: { column: 'party_type', in: ['03'] } },
    { key: 'amount', label: '金额', kind: 'sum', column: 'amount' },
  ],
  derive(values) {
    const q = values.quantity;
    if (typeof q !== 'number') return { signed_quantity: null };
    if (hasCode(values, 'direction', IN)) return { signed_quantity: q };
    if (hasCode(values, 'direction', OUT)) return { signed_quantity: -q };
    return { signed_quantity: null };
  },
  check(values) {
    const issues = otherNeedsNote(values, 'party_type', 'party', '来源去向类别为“其他”时请填写来源/去向');
    if (typeof values.quantity === 'number' && values.quantity <= 0)
      issues.push({ field: 'quantity', level: 'error', message: '数量应大于 0' });
    if (hasCode(values, 'direction', OUT) && isBlank(values.party))
      issues.push({ field: 'party', level: 'warning', message: '出库请填写去向' });
    return issues;
  },
}); // prettier-ignore
