// The editing state every record form shares: the draft (text per field), which fields the clerk has
// touched (issues show there first, everywhere after a save attempt) and the server's last findings,
// kept only while the values they judged are unchanged (server-findings.ts).
import { useCallback, useMemo, useState } from 'react';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { Draft } from '../lib/draft.ts';
import { liveFindings, NO_FINDINGS, type Inputs, type ServerFindings } from './server-findings.ts';

export interface RecordDraft {
  draft: Draft;
  setField: (column: string, text: string) => void;
  /** Puts values the form computed itself (derived ones) into the draft: not typed, not touched. */
  fill: (patch: Readonly<Record<string, string>>) => void;
  touch: (column: string) => void;
  submitted: boolean;
  setSubmitted: (v: boolean) => void;
  /** The server's findings that still hold for what is on screen now. They are shown, never a reason
   * not to ask the server again. */
  serverIssues: readonly Issue[];
  /** Keeps the findings of a refused save, as about the values this render holds (what was sent). */
  setServerIssues: (issues: Issue[]) => void;
  /** The issues the clerk should see now. */
  visible: (issues: readonly Issue[]) => Issue[];
  /** The clerk has changed a value: closing the form would throw his work away. */
  dirty: boolean;
}

const NO_INPUTS: Inputs = {};

/**
 * `outside` holds the form's inputs that are not in the draft (a record's subject), named as the core's
 * issues name them, so their findings go when they change too.
 */
export function useRecordDraft(initial: Draft, outside: Inputs = NO_INPUTS): RecordDraft {
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [changed, setChanged] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [findings, setFindings] = useState<ServerFindings>(NO_FINDINGS);
  const outsideKey = JSON.stringify(outside);
  const inputs = useMemo<Inputs>(
    () => ({ ...draft, ...(JSON.parse(outsideKey) as Inputs) }),
    [draft, outsideKey],
  );
  const serverIssues = useMemo(() => liveFindings(findings, inputs), [findings, inputs]);
  const setServerIssues = useCallback((issues: Issue[]) => setFindings({ issues, sent: inputs }), [inputs]);

  const setField = useCallback((column: string, text: string) => {
    setDraft((d) => (d[column] === text ? d : { ...d, [column]: text }));
    setTouched((t) => (t.has(column) ? t : new Set([...t, column])));
    setChanged((t) => (t.has(column) ? t : new Set([...t, column])));
  }, []);
  // Typed and typed back, or a value the form filled in itself, is no work to lose.
  const dirty = [...changed].some((c) => (draft[c] ?? '') !== (initial[c] ?? ''));
  const fill = useCallback((patch: Readonly<Record<string, string>>) => {
    setDraft((d) => (Object.entries(patch).every(([c, t]) => d[c] === t) ? d : { ...d, ...patch }));
  }, []);
  const touch = useCallback((column: string) => {
    setTouched((t) => (t.has(column) ? t : new Set([...t, column])));
  }, []);
  const visible = useCallback(
    (issues: readonly Issue[]) => issues.filter((i) => submitted || i.field === null || touched.has(i.field)),
    [submitted, touched],
  );
  return {
    draft,
    setField,
    fill,
    touch,
    submitted,
    setSubmitted,
    serverIssues,
    setServerIssues,
    visible,
    dirty,
  };
}

/** Same message for the same field once only (local rules and the server often agree). */
export function uniqueIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field ?? ''}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the form's own rules stop a save (the server's findings never do: it is asked again). */
export const hasLocalErrors = (local: readonly Issue[]): boolean => local.some((i) => i.level === 'error');
