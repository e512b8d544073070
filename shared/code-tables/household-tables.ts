import { defineCodeTable } from './define.ts';

export const povertyAttribute = defineCodeTable({
  key: 'poverty_attribute',
  name: '贫困户属性',
  source: '扶贫手册填写说明（2016–2020）；国家系统 AAC006 标签作为别名',
  // 一般户/低保户/特困供养户/五保户 also name households that are not poor at all (低保农户, 危改's 一般户):
  // read as an attribute they would make a non-poor household poor without a word.
  ambiguous: [
    {
      labels: ['一般户', '一般农户'],
      message:
        '可能是非贫困的一般农户：建档立卡户请写 一般贫困户；非贫困户不填贫困户属性（户类型填 一般农户）',
    },
    {
      labels: ['低保户'],
      message: '可能是不属于建档立卡的低保户：建档立卡户请写 低保贫困户；非贫困户不填贫困户属性',
    },
    {
      labels: ['特困供养户', '五保户'],
      message: '可能是不属于建档立卡的特困供养户：建档立卡户请写 特困供养贫困户；非贫困户不填贫困户属性',
    },
  ],
  items: [
    { code: '1', label: '一般贫困户', aliases: ['一般脱贫户'] },
    { code: '2', label: '低保贫困户', aliases: ['低保脱贫户'] },
    { code: '3', label: '特困供养贫困户', aliases: ['特困供养脱贫户', '五保贫困户'] },
    { code: '4', label: '低保特困供养贫困户', aliases: ['低保特困供养户'] },
  ],
});

export const householdType = defineCodeTable({
  key: 'household_type',
  name: '户类型',
  source: '2020 监测对象信息导出；2021 起扩展',
  items: [
    { code: '1', label: '贫困户', aliases: ['建档立卡贫困户', '未脱贫户'] },
    { code: '2', label: '脱贫户', aliases: ['已脱贫户', '建档立卡脱贫户'] },
    { code: '3', label: '监测户', aliases: ['监测对象', '非建档立卡监测户'] },
    { code: '4', label: '一般农户', aliases: ['非贫困户', '普通农户'] },
  ],
});

export const monitorCategory = defineCodeTable({
  key: 'monitor_category',
  name: '监测对象类别',
  source: '国务院扶贫办 2020 指导意见；2021 增突发严重困难户',
  items: [
    { code: '1', label: '脱贫不稳定户', aliases: ['脱贫监测户', '建档立卡已脱贫但不稳定户'] },
    { code: '2', label: '边缘易致贫户', aliases: ['边缘户', '收入略高于建档立卡贫困户的边缘户'] },
    { code: '3', label: '突发严重困难户', aliases: [] },
  ],
});

export const povertyStatus = defineCodeTable({
  key: 'poverty_status',
  name: '脱贫状态',
  source: 'AAR010；地方变体作为别名',
  items: [
    { code: '0', label: '未脱贫', aliases: ['未脱贫贫困户'] },
    {
      code: '1',
      label: '已脱贫（享受政策）',
      aliases: ['已脱贫(享受政策)', '已脱贫', '脱贫享受政策', '新脱贫贫困户'],
    },
    { code: '3', label: '返贫', aliases: ['返贫贫困户'] },
    {
      code: '4',
      label: '已脱贫（不再享受政策）',
      aliases: ['已脱贫(不再享受政策)', '脱贫不享受政策', '历史已脱贫贫困户'],
    },
  ],
});

export const povertyCause = defineCodeTable({
  key: 'poverty_cause',
  name: '致贫原因',
  source: '《贫困户登记表》指标说明 A22；部分省份增因婚、因丧',
  items: [
    { code: '01', label: '因病', aliases: ['因病致贫'] },
    { code: '02', label: '因残', aliases: ['因残致贫'] },
    { code: '03', label: '因学', aliases: ['因学致贫'] },
    { code: '04', label: '因灾', aliases: ['因灾致贫', '因自然灾害'] },
    { code: '05', label: '缺土地', aliases: [] },
    { code: '06', label: '缺水', aliases: [] },
    { code: '07', label: '缺技术', aliases: [] },
    { code: '08', label: '缺劳力', aliases: ['缺劳动力'] },
    { code: '09', label: '缺资金', aliases: [] },
    { code: '10', label: '交通条件落后', aliases: ['交通落后'] },
    { code: '11', label: '自身发展动力不足', aliases: ['自身发展动力不足致贫', '内生动力不足'] },
    { code: '12', label: '因婚', aliases: [] },
    { code: '13', label: '因丧', aliases: [] },
    { code: '99', label: '其他', aliases: ['其它'] },
  ],
});

export const identificationStandard = defineCodeTable({
  key: 'identification_standard',
  name: '识别标准',
  source: '《贫困户登记表》指标说明',
  items: [
    { code: '1', label: '国家标准', aliases: ['国标'] },
    { code: '2', label: '省定标准', aliases: ['省标'] },
    { code: '3', label: '市定标准', aliases: ['市标'] },
  ],
});
