import { defineFields } from './define.ts';

/** 人 (household member, national tables AB01/AB10). */
export const PERSON_FIELDS = defineFields([
  { column: 'name', label: '姓名', type: 'text', required: true, aliases: ['成员姓名', '家庭成员姓名'] },
  { column: 'id_type', label: '证件类型', type: 'code', codeTable: 'id_type', aliases: ['AAB018'] },
  { column: 'id_number', label: '证件号码', type: 'id-number', required: true, sensitive: true, aliases: ['身份证号', '身份证号码', '公民身份号码', '身份证件号码', '残疾证号', 'AAB004'] },
  { column: 'sex', label: '性别', type: 'code', codeTable: 'sex', required: true, aliases: ['AAB003'] },
  { column: 'birth_date', label: '出生日期', type: 'date', aliases: ['出生年月', '出生年月日'] },
  { column: 'ethnicity', label: '民族', type: 'code', codeTable: 'ethnicity', aliases: ['AAB007'] },
  { column: 'relation', label: '与户主关系', type: 'code', codeTable: 'relation', required: true, aliases: ['与户主的关系', '关系', 'AAB006'] },
  { column: 'education', label: '文化程度', type: 'code', codeTable: 'education', aliases: ['学历', 'AAB008'] },
  { column: 'school_status', label: '在校生状况', type: 'code', codeTable: 'school_status', aliases: ['在校情况', '在校生情况', 'AAB009'] },
  { column: 'health', label: '健康状况', type: 'codes', codeTable: 'health', aliases: ['健康情况', 'AAB017'] },
  { column: 'labor_skill', label: '劳动技能', type: 'code', codeTable: 'labor_skill', aliases: ['劳动能力', 'AAB010'] },
  { column: 'work_months', label: '务工时间（月）', type: 'int', min: 0, max: 12, aliases: ['务工时间(月)', '务工时间', '务工月数', 'AAB012'] },
  { column: 'political_status', label: '政治面貌', type: 'code', codeTable: 'political_status', aliases: ['AAK033'] },
  { column: 'medical_insurance', label: '是否参加城乡居民基本医疗保险', type: 'bool', aliases: ['是否参加新型农村合作医疗（城乡居民基本医疗保险）', '是否参加新型农村合作医疗(城乡居民基本医疗保险)', '是否参加新型农村合作医疗', '城乡居民医保', 'AAB013'] },
  { column: 'serious_illness_insurance', label: '是否参加大病保险', type: 'bool', aliases: ['大病保险', 'AAB022'] },
  { column: 'pension_insurance', label: '是否参加城乡居民基本养老保险', type: 'bool', aliases: ['城乡居民养老保险'] },
  { column: 'dibao', label: '是否享受低保', type: 'bool', aliases: ['是否享受农村居民最低生活保障', '低保', 'AAB030'] },
  { column: 'tekun', label: '是否特困供养人员', type: 'bool', aliases: ['是否享受五保', '是否特困供养', '特困供养', 'AAB003_5'] },
  { column: 'phone', label: '成员联系电话', type: 'phone', sensitive: true, aliases: ['人联系电话', '家庭成员联系电话', '本人联系电话', '手机号', 'AAB031'] },
  { column: 'year', label: '年度', type: 'year', required: true, min: 2013, max: 2035, aliases: ['数据年度'] },
]); // prettier-ignore
