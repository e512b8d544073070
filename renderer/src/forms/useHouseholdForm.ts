// The household's own fields while typing (checkHousehold: code tables, 其他致贫原因 ≤ 2 and not the main
// cause, 监测户 needs a category, 未脱贫 has no 脱贫年度).
import { useMemo } from 'react';
import type { HouseholdEntry } from '../../../shared/fields/entry-fields.ts';
import { checkHousehold } from '../../../shared/rules/household-rules.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import { draftToEntry, type Draft } from '../lib/draft.ts';
import { useCodeTables } from '../state/code-tables.ts';
import { HOUSEHOLD_FORM_FIELDS } from './form-fields.ts';
import { hasLocalErrors, uniqueIssues, useRecordDraft, type RecordDraft } from './useRecordDraft.ts';

export interface HouseholdForm extends RecordDraft {
  entry: HouseholdEntry;
  issues: Issue[];
  shown: Issue[];
  /** The form's own rules find an error: saving is not attempted. */
  hasErrors: boolean;
}

export function useHouseholdForm(initial: Draft): HouseholdForm {
  const form = useRecordDraft(initial);
  const { tables } = useCodeTables();
  const { draft, serverIssues } = form;
  const { entry, local } = useMemo(() => {
    const r = draftToEntry(HOUSEHOLD_FORM_FIELDS, draft);
    const e = r.entry as unknown as HouseholdEntry;
    return { entry: e, local: [...r.issues, ...checkHousehold(e, tables)] };
  }, [draft, tables]);
  const issues = useMemo(() => uniqueIssues([...local, ...serverIssues]), [local, serverIssues]);
  return {
    ...form,
    entry,
    issues,
    shown: form.visible(issues),
    hasErrors: hasLocalErrors(local),
  };
}
