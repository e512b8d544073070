// A thematic ledger record's form while typing: the draft read as typed values (like the person and
// household forms, lib/draft.ts) and checked by the ledger's own definition (checkLedgerValues: required,
// code tables, ranges, the ledger's cross-field rules), plus the server's last findings. Derived values
// (去向类别, 期满日期, 补助标准) follow as the clerk types: `ledgers.derive` is asked 300 ms after the last
// change and when a field is left (ledger-derive.ts says what is sent and what is filled in).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  asFieldDef,
  checkLedgerValues,
  type LedgerDef,
  type LedgerValues,
  withInitialValues,
} from '../../../shared/ledgers/index.ts';
import type { FieldDef } from '../../../shared/fields/define.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import { api } from '../api/transport.ts';
import { draftFromEntry, draftToEntry, entryPatch, type Draft } from '../lib/draft.ts';
import { useCodeTables } from '../state/code-tables.ts';
import { applyDerived, deriveRequest, type Filled } from './ledger-derive.ts';
import type { Inputs } from './server-findings.ts';
import { hasLocalErrors, uniqueIssues, useRecordDraft, type RecordDraft } from './useRecordDraft.ts';

/** How long after the last keystroke the derived values are asked for. */
export const DERIVE_DEBOUNCE_MS = 300;

export interface LedgerForm extends RecordDraft {
  /** Every field's value as it would be saved (derived ones as last computed by the core). */
  values: LedgerValues;
  issues: Issue[];
  shown: Issue[];
  /** The form's own rules find an error: saving is not attempted. */
  hasErrors: boolean;
}

/** A ledger's fields as the shared form machinery (FieldGrid, drafts) wants them. */
export const ledgerFormFields = (def: LedgerDef): readonly FieldDef[] => def.fields.map(asFieldDef);

/** The draft of a record, or of a new one (`values` undefined) with its initial values (年度: this year). */
export const ledgerDraft = (def: LedgerDef, values?: Readonly<LedgerValues>): Draft =>
  draftFromEntry(ledgerFormFields(def), values ?? withInitialValues(def, {}, new Date().getFullYear()));

/** `outside`: the record's subject inputs, named as the core names them in its issues (useRecordDraft). */
export function useLedgerForm(def: LedgerDef, initial: Draft, outside?: Inputs): LedgerForm {
  const form = useRecordDraft(initial, outside);
  const { tables } = useCodeTables();
  const { draft, serverIssues } = form;
  const derive = useLiveDerive(def, form);
  const { values, local } = useMemo(() => {
    const r = draftToEntry(ledgerFormFields(def), draft);
    return { values: r.entry, local: [...r.issues, ...checkLedgerValues(def, r.entry, tables)] };
  }, [def, draft, tables]);
  const issues = useMemo(() => uniqueIssues([...local, ...serverIssues]), [local, serverIssues]);
  return {
    ...form,
    setField: derive.setField,
    touch: derive.touch,
    values,
    issues,
    shown: form.visible(issues),
    hasErrors: hasLocalErrors(local),
  };
}

/**
 * Asks the core for the ledger's derived values as the clerk types (debounced, and at once when he leaves
 * a field) and puts the answer into the draft. Nothing is asked before the clerk changes something, nor
 * for a ledger without `derive`; an answer to an older draft is dropped.
 */
function useLiveDerive(def: LedgerDef, form: RecordDraft) {
  const { draft, fill } = form;
  const [filled, setFilled] = useState<Filled>({});
  const key = useMemo(() => JSON.stringify(deriveRequest(def, draft, filled)), [def, draft, filled]);
  const [initialKey] = useState(key);
  const sent = useRef(initialKey);
  const latest = useRef({ key, draft, filled });
  useEffect(() => {
    latest.current = { key, draft, filled };
  }, [key, draft, filled]);

  const send = useCallback(
    (request: string) => {
      if (def.derive === undefined || request === sent.current) return;
      sent.current = request;
      const values = JSON.parse(request) as LedgerValues;
      void api.call('ledgers.derive', { ledgerId: def.id, values }).then((r) => {
        const now = latest.current;
        if (!r.ok || now.key !== request) return; // failed (the save will say why) or already outdated
        const next = applyDerived(def, now.draft, now.filled, r.value.values);
        fill(next.patch);
        setFilled(next.filled);
      });
    },
    [def, fill],
  );
  useEffect(() => {
    if (def.derive === undefined || key === sent.current) return;
    const timer = window.setTimeout(() => send(key), DERIVE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [def, key, send]);

  const { setField: setDraftField, touch: touchField } = form;
  const setField = useCallback(
    (column: string, text: string) => {
      setDraftField(column, text);
      setFilled((f) => {
        if (!(column in f)) return f;
        const { [column]: _, ...rest } = f;
        return rest;
      });
    },
    [setDraftField],
  );
  const touch = useCallback(
    (column: string) => {
      touchField(column);
      send(latest.current.key);
    },
    [touchField, send],
  );
  return { setField, touch };
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
