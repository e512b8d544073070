import { defineFields } from './define.ts';

/** 户 (household, national table AC01). */
export const HOUSEHOLD_FIELDS = defineFields([
  { column: 'household_no', label: '户编号', type: 'text', required: true, aliases: ['贫困户编号', '户号', 'AAC001'] },
  { column: 'head_name', label: '户主姓名', type: 'text', aliases: ['户主', 'AAC029'] },
  { column: 'head_id_number', label: '户主证件号码', type: 'id-number', sensitive: true, aliases: ['户主身份证号', '户主身份证号码', 'AAC031'] },
  { column: 'poverty_attribute', label: '贫困户属性', type: 'code', codeTable: 'poverty_attribute', aliases: ['脱贫户属性', 'AAC006'] },
  { column: 'household_type', label: '户类型', type: 'code', codeTable: 'household_type', aliases: [] },
  { column: 'monitor_category', label: '监测对象类别', type: 'code', codeTable: 'monitor_category', aliases: ['易返贫致贫户(监测对象)类型', '易返贫致贫户（监测对象）类型', '监测对象类型'] },
  { column: 'poverty_status', label: '脱贫状态', type: 'code', codeTable: 'poverty_status', aliases: ['脱贫标志', 'AAR010'] },
  { column: 'exit_year', label: '脱贫年度', type: 'year', min: 2013, max: 2030, aliases: ['脱贫年份', 'AAC023'] },
  { column: 'main_cause', label: '主要致贫原因', type: 'code', codeTable: 'poverty_cause', aliases: ['致贫原因1', '致贫原因', '致贫主因', 'AAC007'] },
  { column: 'other_causes', label: '其他致贫原因', type: 'codes', codeTable: 'poverty_cause', maxItems: 2, aliases: ['AAC008'] },
  { column: 'member_count', label: '家庭人口数', type: 'int', min: 1, max: 30, aliases: ['人数', '家庭人数', '家庭人口', 'AAC017'] },
  { column: 'phone', label: '户联系电话', type: 'phone', sensitive: true, aliases: ['联系电话', '户主联系电话', 'AAR012'] },
  { column: 'address', label: '住址', type: 'text', aliases: ['家庭住址', '详细地址'] },
  { column: 'identification_standard', label: '识别标准', type: 'code', codeTable: 'identification_standard', aliases: [] },
  { column: 'first_identified_year', label: '首次识别年度', type: 'year', min: 2013, max: 2030, aliases: ['首次识别时间', 'AAR041'] },
  { column: 'year', label: '年度', type: 'year', required: true, min: 2013, max: 2035, aliases: ['数据年度', '分区年度', 'AAR040'] },
]); // prettier-ignore
