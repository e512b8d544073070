// 义务教育控辍保学情况表: school-age children of the 控辍保学 ledger (one record a child), the households they
// live in, the children by 就学状态 (在校, 辍学, 送教上门, 残疾免学), the dropouts by 辍学原因, and those
// brought back (劝返复学: a 复学日期 given).
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';
import { compulsoryEducation } from '../../ledgers/defs/compulsory-education.ts';

const table = (key: string) => {
  const found = compulsoryEducation.codeTables.find((t) => t.key === key);
  if (!found) throw new Error(`compulsory_education has no ${key}`);
  return found;
};
const attendance = table('education_attendance');
const reasons = table('education_dropout_reason');

export const compulsoryEducationReport = defineReport({
  id: 'compulsory_education',
  title: '义务教育控辍保学情况表',
  source: { ledger: 'compulsory_education' },
  parameters: [],
  unit: '户、人、%',
  columns: [
    { key: 'households', label: '涉及户数', kind: 'households' },
    { key: 'persons', label: '适龄儿童少年人数', kind: 'persons' },
    byCode('attendance', '就学状态', attendance, { column: 'attendance' }, ['persons']),
    { key: 'in_school_rate', label: '在校率（%）', kind: 'rate', of: 'attendance_01_persons', per: 'persons' },
    byCode('reason', '其中辍学原因', reasons, { column: 'dropout_reason' }, ['persons'], [{ column: 'attendance', in: ['02'] }]),
    { key: 'returned', label: '劝返复学人数', kind: 'persons', where: { column: 'returned', in: [1] } },
  ],
  notes: ['劝返复学人数为已填写复学日期的人；在校率 = 在校人数 ÷ 适龄儿童少年人数。辍学原因只统计就学状态为“辍学”的人。'],
}); // prettier-ignore
