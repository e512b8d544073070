// Rules for the household's own fields.
import { CODE_TABLES } from '../code-tables/index.ts';
import { HOUSEHOLD_ENTRY_FIELDS, type HouseholdEntry } from '../fields/entry-fields.ts';
import type { Issue } from './issue.ts';
import { checkFieldValues, type CodeTables } from './value-rules.ts';

export function checkHousehold(
  h: Readonly<Partial<HouseholdEntry>>,
  tables: CodeTables = CODE_TABLES,
): Issue[] {
  const issues = checkFieldValues(HOUSEHOLD_ENTRY_FIELDS, h, tables);
  if (h.main_cause && h.other_causes?.split(',').includes(h.main_cause)) {
    issues.push({ field: 'other_causes', level: 'error', message: '其他致贫原因不能与主要致贫原因相同' });
  }
  if (h.household_type === '3' && !h.monitor_category) {
    issues.push({ field: 'monitor_category', level: 'warning', message: '监测户应填写监测对象类别' });
  }
  if (h.poverty_status === '0' && h.exit_year) {
    issues.push({ field: 'exit_year', level: 'error', message: '未脱贫户不应填写脱贫年度' });
  }
  return issues;
}
