// A member's form while typing: field rules (checkPerson), the household's member rules (exactly one 户主,
// at most one 配偶 — checkMembers over the other members plus this one), and whether the 证件号码 is
// already used anywhere in the county (persons.checkId, debounced; stale answers are ignored), with the
// core's warnings about it (an address code missing from the region catalogue). A valid ID typed in fills
// 性别 and 出生日期 (idFill.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { normalizeIdNumber, parseIdNumber } from '../../../shared/id-number.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import { checkMembers, checkPerson, type MemberSummary } from '../../../shared/rules/person-rules.ts';
import type { PersonEntry } from '../../../shared/fields/entry-fields.ts';
import { api } from '../api/transport.ts';
import { useDebouncedValue } from '../api/useDebouncedValue.ts';
import { conflictMessage, type IdConflict } from '../lib/api-errors.ts';
import { draftToEntry, type Draft } from '../lib/draft.ts';
import { useCodeTables } from '../state/code-tables.ts';
import { PERSON_FORM_FIELDS } from './form-fields.ts';
import { idFill, type IdFilled } from './id-fill.ts';
import { hasLocalErrors, uniqueIssues, useRecordDraft, type RecordDraft } from './useRecordDraft.ts';

export const ID_CHECK_DEBOUNCE_MS = 300;
const NO_ISSUES: Issue[] = [];

export interface PersonFormOptions {
  initial: Draft;
  /** When editing: the person's own record does not count as a duplicate. */
  personId?: number;
  /** The household's other active members (for the 户主/配偶 rules); null when not known. */
  otherMembers: readonly MemberSummary[] | null;
  /** This member as saved (editing): problems the household already had are not blamed on the edit. */
  original?: MemberSummary;
}

interface IdCheckState {
  idNumber: string;
  conflict: IdConflict | null;
  warnings: Issue[];
}

export interface PersonForm extends RecordDraft {
  entry: PersonEntry;
  /** Every current issue (local rules, duplicate ID, last server answer). */
  issues: Issue[];
  shown: Issue[];
  /** The form's own rules (the county-wide ID check included) find an error: saving is not attempted. */
  hasErrors: boolean;
  conflict: IdConflict | null;
  checkingId: boolean;
}

export function usePersonForm({ initial, personId, otherMembers, original }: PersonFormOptions): PersonForm {
  const recordDraft = useRecordDraft(initial);
  const { tables } = useCodeTables();
  const { draft, serverIssues } = recordDraft;

  // What the form itself last put into 性别 and 出生日期 from the ID: a corrected ID replaces it, a value
  // the clerk chose stays (and a disagreement is explained by checkPerson).
  const filled = useRef<IdFilled>({ sex: '', birth_date: '' });
  const baseSetField = recordDraft.setField;
  const { fill } = recordDraft;
  const setField = useCallback(
    (column: string, text: string) => {
      baseSetField(column, text);
      if (column !== 'id_number') return;
      const patch = idFill(text, draft, filled.current);
      if (patch === null) return;
      filled.current = { ...filled.current, ...patch };
      fill(patch);
    },
    [baseSetField, fill, draft],
  );
  const form: RecordDraft = { ...recordDraft, setField };

  const { entry, parseIssues } = useMemo(() => {
    const r = draftToEntry(PERSON_FORM_FIELDS, draft);
    return { entry: r.entry as unknown as PersonEntry, parseIssues: r.issues };
  }, [draft]);

  // Ask the core only for IDs that pass the local format and checksum rules.
  const idText = normalizeIdNumber(draft.id_number ?? '');
  const idValid = idText !== '' && parseIdNumber(idText).ok;
  const debouncedId = useDebouncedValue(idValid ? idText : '', ID_CHECK_DEBOUNCE_MS);
  const [idCheck, setIdCheck] = useState<IdCheckState>({ idNumber: '', conflict: null, warnings: [] });
  useEffect(() => {
    if (debouncedId === '') return;
    let stale = false;
    void api
      .call(
        'persons.checkId',
        personId === undefined
          ? { idNumber: debouncedId }
          : { idNumber: debouncedId, excludePersonId: personId },
      )
      .then((result) => {
        if (stale) return; // the clerk has typed on
        setIdCheck({
          idNumber: debouncedId,
          conflict: result.ok ? result.value.conflict : null,
          warnings: result.ok ? result.value.issues.filter((i) => i.level === 'warning') : [],
        });
      });
    return () => {
      stale = true;
    };
  }, [debouncedId, personId]);
  const answered = idValid && idCheck.idNumber === idText;
  const conflict = answered ? idCheck.conflict : null;
  const idWarnings = answered ? idCheck.warnings : NO_ISSUES;
  const checkingId = idValid && idCheck.idNumber !== idText;

  const local = useMemo(() => {
    const list: Issue[] = [...parseIssues, ...checkPerson(entry, { tables })];
    if (otherMembers !== null && entry.relation !== null && entry.relation !== '') {
      // Like the core: only what this change introduces (an imported household's old problems stay
      // visible on the household page, they do not block editing someone else).
      const me: MemberSummary = { name: entry.name ?? '', relation: entry.relation, sex: entry.sex ?? '' };
      const before = new Set(
        checkMembers(original ? [...otherMembers, original] : otherMembers).map((i) => i.message),
      );
      for (const i of checkMembers([...otherMembers, me])) {
        if (!before.has(i.message)) list.push({ ...i, field: i.field === 'sex' ? 'sex' : 'relation' });
      }
    }
    if (conflict !== null)
      list.push({ field: 'id_number', level: 'error', message: conflictMessage(conflict, idText) });
    list.push(...idWarnings);
    return list;
  }, [parseIssues, entry, tables, otherMembers, original, conflict, idText, idWarnings]);
  const issues = useMemo(() => uniqueIssues([...local, ...serverIssues]), [local, serverIssues]);

  const visible = recordDraft.visible(issues);
  // A duplicate ID is shown as soon as it is known, touched or not.
  const shown =
    conflict !== null && !visible.some((i) => i.field === 'id_number')
      ? [...visible, ...issues.filter((i) => i.field === 'id_number')]
      : visible;

  return {
    ...form,
    entry,
    issues,
    shown,
    hasErrors: hasLocalErrors(local),
    conflict,
    checkingId,
  };
}
