// Checks and normalises a member as entered, before it is written.
import { CODE_TABLES } from '../../../shared/code-tables/index.ts';
import type { PersonEntry } from '../../../shared/fields/entry-fields.ts';
import { parseIdNumber } from '../../../shared/id-number.ts';
import { LedgerError } from '../../../shared/result.ts';
import { hasErrors, type Issue } from '../../../shared/rules/issue.ts';
import { checkMembers, checkPerson, type MemberSummary } from '../../../shared/rules/person-rules.ts';
import type { CodeTables } from '../../../shared/rules/value-rules.ts';

export function throwIfErrors(issues: readonly Issue[], context = ''): void {
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length === 0) return;
  throw new LedgerError('validation', `${context}${errors.map((e) => e.message).join('；')}`, errors);
}

/** The entry with its ID normalised and 出生日期/性别 filled from the ID where left blank. */
export function normalizePerson(
  entry: PersonEntry,
  tables: CodeTables = CODE_TABLES,
): { entry: PersonEntry; idFlagged: 0 | 1 } {
  const issues = checkPerson(entry, { tables });
  throwIfErrors(issues);
  const parsed = parseIdNumber(entry.id_number ?? '');
  if (!parsed.ok)
    throw new LedgerError('validation', parsed.message, [
      { field: 'id_number', level: 'error', message: parsed.message },
    ]);
  const { info } = parsed;
  const id_type =
    entry.id_type ?? (info.kind === 'disability-card' ? '09' : info.kind === 'placeholder' ? '99' : '01');
  return {
    entry: {
      ...entry,
      id_type,
      id_number: info.normalized,
      birth_date: entry.birth_date ?? info.birthDate,
      sex: entry.sex ?? info.sex ?? '9',
    },
    idFlagged: info.flagged ? 1 : 0,
  };
}

/** Blocks a change only for member-rule errors it introduces (old, imported problems stay visible elsewhere). */
export function checkMemberChange(before: readonly MemberSummary[], after: readonly MemberSummary[]): void {
  const old = new Set(checkMembers(before).map((i) => i.message));
  const introduced = checkMembers(after).filter((i) => !old.has(i.message));
  if (hasErrors(introduced)) throwIfErrors(introduced);
}
