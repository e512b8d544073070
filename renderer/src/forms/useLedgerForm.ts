// A thematic ledger record's form while typing: the draft read as typed values (like the person and
// household forms, lib/draft.ts) and checked by the ledger's own definition (checkLedgerValues: required,
// code tables, ranges, the ledger's cross-field rules), plus the server's last findings.
import { useMemo } from 'react';
import {
  asFieldDef,
  checkLedgerValues,
  type LedgerDef,
  type LedgerValues,
} from '../../../shared/ledgers/index.ts';
import type { FieldDef } from '../../../shared/fields/define.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import { draftFromEntry, draftToEntry, entryPatch, type Draft } from '../lib/draft.ts';
import { useCodeTables } from '../state/code-tables.ts';
import { uniqueIssues, useRecordDraft, type RecordDraft } from './useRecordDraft.ts';

export interface LedgerForm extends RecordDraft {
  /** Every field's value as it would be saved (derived ones as last computed by the core). */
  values: LedgerValues;
  issues: Issue[];
  shown: Issue[];
  hasErrors: boolean;
}

/** A ledger's fields as the shared form machinery (FieldGrid, drafts) wants them. */
export const ledgerFormFields = (def: LedgerDef): readonly FieldDef[] => def.fields.map(asFieldDef);

export const ledgerDraft = (def: LedgerDef, values: Readonly<LedgerValues> = {}): Draft =>
  draftFromEntry(ledgerFormFields(def), values);

export function useLedgerForm(def: LedgerDef, initial: Draft): LedgerForm {
  const form = useRecordDraft(initial);
  const { tables } = useCodeTables();
  const { draft, serverIssues } = form;
  const { values, issues } = useMemo(() => {
    const r = draftToEntry(ledgerFormFields(def), draft);
    return {
      values: r.entry,
      issues: uniqueIssues([...r.issues, ...checkLedgerValues(def, r.entry, tables), ...serverIssues]),
    };
  }, [def, draft, tables, serverIssues]);
  return {
    ...form,
    values,
    issues,
    shown: form.visible(issues),
    hasErrors: issues.some((i) => i.level === 'error'),
  };
}

/** What a save sends: the entered fields (never the derived ones), all of them for a new record, the
 * changed ones against `before` for an edit. */
export function valuesToSave(
  def: LedgerDef,
  values: LedgerValues,
  before?: Readonly<LedgerValues>,
): LedgerValues {
  const entered = def.fields.filter((f) => f.derived !== true).map(asFieldDef);
  if (before !== undefined) return entryPatch(entered, before, values);
  const out: LedgerValues = {};
  for (const f of entered) if ((values[f.column] ?? null) !== null) out[f.column] = values[f.column] ?? null;
  return out;
}
