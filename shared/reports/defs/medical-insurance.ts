// 基本医疗参保情况表 (one 年度): 应参保 (those without a reason not to), 已参加城乡居民医保 and 参保率, 职工医保,
// 资助参保 and its amount, 未资助 among the insured, 未参保 and why, 门诊慢特病证. From the 基本医疗 ledger,
// one record a person and 年度.
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';
import { medicalInsurance } from '../../ledgers/defs/medical-insurance.ts';

const reasons = medicalInsurance.codeTables.find((t) => t.key === 'medical_not_insured_reason');
if (!reasons) throw new Error('medical_insurance has no medical_not_insured_reason');
const INSURED = { column: 'insured', in: [1] } as const;
const SUBSIDISED = ['01', '02', '03', '04', '05', '99'];

export const medicalInsuranceReport = defineReport({
  id: 'medical_insurance',
  title: '基本医疗参保情况表',
  source: { ledger: 'medical_insurance' },
  parameters: ['year'],
  yearField: 'year',
  unit: '人、元、%',
  columns: [
    { key: 'persons', label: '登记人数', kind: 'persons' },
    { key: 'should', label: '应参保人数', kind: 'persons', where: { column: 'not_insured_reason', in: [''] } },
    {
      label: '已参保',
      children: [
        { key: 'insured', label: '城乡居民医保', kind: 'persons', where: INSURED },
        { key: 'insured_rate', label: '参保率（%）', kind: 'rate', of: 'insured', per: 'should' },
        { key: 'employee', label: '职工医保', kind: 'persons', where: { column: 'employee_insured', in: [1] } },
      ],
    },
    {
      label: '缴费资助',
      children: [
        { key: 'subsidised', label: '资助人数', kind: 'persons', where: [INSURED, { column: 'subsidy_category', in: SUBSIDISED }] },
        { key: 'subsidy_amount', label: '资助金额（元）', kind: 'sum', column: 'subsidy_amount' },
        { key: 'not_subsidised', label: '未资助人数', kind: 'persons', where: [INSURED, { column: 'subsidy_category', in: ['06', ''] }] },
      ],
    },
    {
      label: '未参保',
      children: [
        { key: 'not_insured', label: '人数', kind: 'persons', where: [{ column: 'insured', in: [0] }, { column: 'employee_insured', in: [0, ''] }] },
        byCode('reason', '其中不参保原因', reasons, { column: 'not_insured_reason' }, ['persons'], [{ column: 'insured', in: [0] }]),
      ],
    },
    { key: 'chronic_card', label: '门诊慢特病证人数', kind: 'persons', where: { column: 'chronic_card', in: [1] } },
  ],
  notes: ['应参保人数不含有不参保原因（外地参保、职工医保、上学、参军、服刑、出国、死亡等）的人；参保率 = 城乡居民医保参保人数 ÷ 应参保人数。未资助人数为已参保而资助类别为“未资助”或未填写的人。'],
}); // prettier-ignore
