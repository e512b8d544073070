// 返乡人员排查与隔离统计表: people screened on their return (register members and outsiders alike; an outsider
// once per record), 其中建档立卡贫困人口 and the households they belong to, by 来源地风险等级 and 管控措施, 黄码红码,
// and 疑似, 确诊 and 无症状感染者 — each with how many of them are 贫困人口.
import { defineReport, type ReportColumn, type ReportWhere } from '../define.ts';
import { byCode } from './columns.ts';
import { returneeScreening } from '../../ledgers/defs/returnee-screening.ts';

const table = (key: string) => {
  const found = returneeScreening.codeTables.find((t) => t.key === key);
  if (!found) throw new Error(`returnee_screening has no ${key}`);
  return found;
};
/** A member of the 建档立卡 register (outsiders have no person row). */
const POOR: ReportWhere = { column: 'id', on: 'person', positive: true };
const cases = (key: string, label: string, code: string): ReportColumn => ({
  label,
  children: [
    { key, label: '人数', kind: 'persons', where: { column: 'case_status', in: [code] } },
    {
      key: `${key}_poor`,
      label: '其中贫困人口',
      kind: 'persons',
      where: [{ column: 'case_status', in: [code] }, POOR],
    },
  ],
});

export const returneeScreeningReport = defineReport({
  id: 'returnee_screening',
  title: '返乡人员排查与隔离统计表',
  source: { ledger: 'returnee_screening' },
  parameters: [],
  unit: '户、人',
  columns: [
    { key: 'persons', label: '排查人数', kind: 'persons' },
    { key: 'poor', label: '其中贫困人口', kind: 'persons', where: POOR },
    { key: 'poor_households', label: '涉及贫困户数', kind: 'households' },
    byCode('risk', '来源地风险等级', table('rs_risk_level'), { column: 'risk_level' }, ['persons']),
    byCode('control', '管控措施', table('rs_control'), { column: 'control' }, ['persons']),
    { key: 'isolating', label: '隔离未解除人数', kind: 'persons', where: [{ column: 'control', in: ['01', '02'] }, { column: 'release_date', in: [''] }] },
    { key: 'yellow_red', label: '黄码红码人数', kind: 'persons', where: { column: 'health_code', in: ['02', '03'] } },
    { label: '确诊疑似情况', children: [cases('suspected', '疑似', '02'), cases('confirmed', '确诊', '03'), cases('asymptomatic', '无症状感染者', '04')] },
  ],
  notes: [
    '排查人数含建档立卡贫困人口以外的返乡人员（按登记地计入村）；贫困人口与贫困户数只计建档立卡人员。',
    '隔离未解除人数：管控措施为居家隔离或集中隔离、尚未填写解除日期的人。',
  ],
}); // prettier-ignore
