// 16. 消费扶贫与滞销农产品 (the village, optionally one household): each product of a 经营主体 or 农户 —
// how much there is, how much sold through which channel to whom and for how much, and how much is
// still unsold (滞销, counted apart for the 疫情 农产品滞销 report).
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { isBlank, otherNeedsNote } from '../ledger-helpers.ts';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export const consumptionAid = defineLedger({
  id: 'consumption_aid',
  name: '消费扶贫与滞销农产品',
  group: '产业帮扶',
  description: '消费扶贫与滞销农产品：产品与类别、经营主体或农户、数量与单位、已销售与滞销数量、销售渠道、采购单位与金额。',
  subject: 'region',
  key: ['subject', 'seller', 'product', 'sale_date'],
  codeTables: [
    defineCodeTable({
      key: 'ca_product_category',
      name: '农产品类别',
      items: [
        { code: '01', label: '粮油', aliases: ['粮食', '粮油类', '谷物'] },
        { code: '02', label: '蔬菜', aliases: ['蔬菜类', '时令蔬菜'] },
        { code: '03', label: '水果', aliases: ['水果类', '干鲜果品', '瓜果'] },
        { code: '04', label: '畜禽肉蛋', aliases: ['畜禽', '肉蛋', '禽蛋', '肉类', '生猪', '家禽'] },
        { code: '05', label: '水产品', aliases: ['水产', '鱼虾', '水产类'] },
        { code: '06', label: '茶叶', aliases: ['茶'] },
        { code: '07', label: '食用菌', aliases: ['菌类', '香菇', '木耳'] },
        { code: '08', label: '中药材', aliases: ['药材'] },
        { code: '09', label: '加工食品', aliases: ['农副产品加工品', '土特产', '特色加工品', '加工品'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'ca_unit',
      name: '计量单位',
      items: [
        { code: '01', label: '公斤', aliases: ['千克', 'kg', 'KG', 'Kg'] },
        { code: '02', label: '斤', aliases: ['市斤'] },
        { code: '03', label: '吨', aliases: ['t', 'T'] },
        { code: '04', label: '头' },
        { code: '05', label: '只', aliases: ['羽'] },
        { code: '06', label: '个', aliases: ['枚'] },
        { code: '07', label: '箱', aliases: ['件'] },
        { code: '08', label: '袋', aliases: ['包'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'ca_channel',
      name: '销售渠道',
      items: [
        { code: '01', label: '预算单位采购', aliases: ['单位采购', '机关单位采购', '食堂采购', '以购代捐', '机关食堂'] },
        { code: '02', label: '电商平台', aliases: ['电商', '网络销售', '网店', '832平台', '扶贫832平台'] },
        { code: '03', label: '直播带货', aliases: ['直播', '网红带货', '直播销售'] },
        { code: '04', label: '商超对接', aliases: ['超市', '农超对接', '商超', '商场超市'] },
        { code: '05', label: '批发市场', aliases: ['批发商', '市场销售', '农贸市场'] },
        { code: '06', label: '消费扶贫专柜', aliases: ['专柜', '专馆', '专区', '扶贫专柜', '消费扶贫专馆'] },
        { code: '07', label: '东西部协作', aliases: ['东西部扶贫协作', '对口帮扶', '对口支援'] },
        { code: '08', label: '企业收购', aliases: ['龙头企业收购', '合作社收购', '企业订单'] },
        { code: '09', label: '自产自销', aliases: ['自销', '农户自销', '零售'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'product', label: '产品名称', type: 'text', required: true, aliases: ['产品', '农产品名称', '品名', '滞销农产品名称', '农产品', '产品品种'] },
    { column: 'product_category', label: '产品类别', type: 'code', codeTable: 'ca_product_category', aliases: ['类别', '农产品类别', '品类'] },
    { column: 'seller', label: '经营主体/农户名称', type: 'text', aliases: ['经营主体', '经营主体名称', '农户名称', '销售主体', '生产主体', '合作社名称', '农户姓名'] },
    { column: 'contact_phone', label: '联系电话', type: 'phone', sensitive: true, aliases: ['电话', '手机号', '联系方式'] },
    { column: 'certified', label: '是否认定扶贫产品', type: 'bool', aliases: ['扶贫产品认定', '是否扶贫产品', '是否认定'] },
    { column: 'unit', label: '计量单位', type: 'code', codeTable: 'ca_unit', aliases: ['单位'] },
    { column: 'quantity', label: '数量', type: 'decimal', min: 0, max: 100_000_000, aliases: ['产量', '总数量', '总产量', '待售数量'] },
    { column: 'sold_quantity', label: '已销售数量', type: 'decimal', min: 0, max: 100_000_000, aliases: ['销售数量', '销量', '采购数量', '已销数量'] },
    { column: 'unsold_quantity', label: '滞销数量', type: 'decimal', min: 0, max: 100_000_000, aliases: ['滞销量', '积压数量', '未销售数量', '待销数量'] },
    { column: 'has_unsold', label: '是否滞销', type: 'bool', derived: true },
    { column: 'channel', label: '销售渠道', type: 'code', codeTable: 'ca_channel', aliases: ['销售方式', '销售途径', '消费扶贫渠道', '渠道'] },
    { column: 'channel_note', label: '渠道说明', type: 'text', aliases: ['其他渠道说明'] },
    { column: 'buyer', label: '采购单位', type: 'text', aliases: ['采购单位（个人）', '购买单位', '采购方', '帮销单位', '购买方'] },
    { column: 'sale_date', label: '销售日期', type: 'date', aliases: ['采购日期', '销售时间', '采购时间', '日期'] },
    { column: 'amount', label: '销售金额（元）', type: 'decimal', min: 0, max: 100_000_000, aliases: ['金额', '采购金额', '销售额', '消费扶贫金额', '金额（元）'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['product', 'seller', 'quantity', 'unit', 'unsold_quantity', 'channel', 'amount'],
  sortColumns: ['product', 'seller', 'quantity', 'channel', 'amount'],
  filters: ['product_category', 'channel', 'unit', 'certified', 'has_unsold'],
  measures: [
    { key: 'records', label: '登记条数', kind: 'count' },
    { key: 'unsold', label: '有滞销的条数', kind: 'count', where: { column: 'has_unsold', in: [1] } },
    { key: 'certified', label: '认定扶贫产品条数', kind: 'count', where: { column: 'certified', in: [1] } },
    { key: 'amount', label: '销售金额', kind: 'sum', column: 'amount' },
    { key: 'agency_amount', label: '预算单位采购金额', kind: 'sum', column: 'amount', where: { column: 'channel', in: ['01'] } },
    { key: 'online_amount', label: '电商与直播销售金额', kind: 'sum', column: 'amount', where: { column: 'channel', in: ['02', '03'] } },
    { key: 'unsold_kg', label: '滞销数量（公斤）', kind: 'sum', column: 'unsold_quantity', where: { column: 'unit', in: ['01'] } },
  ],
  derive(values) {
    return { has_unsold: num(values.unsold_quantity) > 0 ? 1 : 0 };
  },
  check(values) {
    const issues = otherNeedsNote(values, 'channel', 'channel_note', '销售渠道为“其他”时请填写渠道说明');
    const counted = ['quantity', 'sold_quantity', 'unsold_quantity'].some((c) => !isBlank(values[c]));
    if (counted && isBlank(values.unit))
      issues.push({ field: 'unit', level: 'error', message: '填写了数量，请选择计量单位' });
    if (typeof values.quantity === 'number' && num(values.sold_quantity) + num(values.unsold_quantity) > values.quantity)
      issues.push({ field: 'quantity', level: 'error', message: '已销售数量与滞销数量之和不能超过数量' });
    if (num(values.amount) > 0 && isBlank(values.channel) && isBlank(values.buyer))
      issues.push({ field: 'channel', level: 'warning', message: '有销售金额时请填写销售渠道或采购单位' });
    return issues;
  },
}); // prettier-ignore
