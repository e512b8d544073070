// The editing state every record form shares: the draft (text per field), which fields the clerk has
// touched (issues show there first, everywhere after a save attempt) and the server's last findings.
import { useCallback, useState } from 'react';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { Draft } from '../lib/draft.ts';

export interface RecordDraft {
  draft: Draft;
  setField: (column: string, text: string) => void;
  /** Puts values the form computed itself (derived ones) into the draft: not typed, not touched. */
  fill: (patch: Readonly<Record<string, string>>) => void;
  touch: (column: string) => void;
  submitted: boolean;
  setSubmitted: (v: boolean) => void;
  serverIssues: readonly Issue[];
  setServerIssues: (issues: Issue[]) => void;
  /** The issues the clerk should see now. */
  visible: (issues: readonly Issue[]) => Issue[];
  dirty: boolean;
}

export function useRecordDraft(initial: Draft): RecordDraft {
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [dirty, setDirty] = useState(false);

  const setField = useCallback((column: string, text: string) => {
    setDraft((d) => (d[column] === text ? d : { ...d, [column]: text }));
    setTouched((t) => (t.has(column) ? t : new Set([...t, column])));
    setServerIssues((s) => (s.some((i) => i.field === column) ? s.filter((i) => i.field !== column) : s));
    setDirty(true);
  }, []);
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
