// What the core said when it refused a save: its issues, and the inputs they were about (the draft as it
// was sent, plus inputs outside the draft such as a record's subject). A finding holds only as long as
// what it judged is unchanged — once the clerk corrects the value, its old error goes. The core is asked
// again on the next save, so a stale finding never stands between the clerk and saving.
import type { Issue } from '../../../shared/rules/issue.ts';

/** Every input of a form as text, by the name the core's issues use for it. */
export type Inputs = Readonly<Record<string, string>>;

export interface ServerFindings {
  issues: readonly Issue[];
  sent: Inputs;
}

export const NO_FINDINGS: ServerFindings = { issues: [], sent: {} };

/**
 * The findings that still hold for the current inputs: an issue on an input while that input holds what
 * was sent; an issue on anything else (no field, or a field the form does not have) while every input does.
 */
export function liveFindings(findings: ServerFindings, current: Inputs): Issue[] {
  const { issues, sent } = findings;
  if (issues.length === 0) return [];
  const unchanged = (column: string) => (current[column] ?? '') === (sent[column] ?? '');
  const columns = new Set([...Object.keys(sent), ...Object.keys(current)]);
  const allUnchanged = [...columns].every(unchanged);
  return issues.filter((i) => (i.field !== null && i.field in sent ? unchanged(i.field) : allUnchanged));
}
