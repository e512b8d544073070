// Adding, editing, 注销, restoring and moving household members. Each is one transaction that also
// refreshes the household's derived values and writes the audit log.
import { CANCEL_REASONS_NEEDING_NOTE, CODE_TABLES } from '../../../shared/code-tables/index.ts';
import { PERSON_ENTRY_FIELDS, type PersonEntry } from '../../../shared/fields/entry-fields.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { MemberSummary } from '../../../shared/rules/person-rules.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../db/tables.ts';
import { refreshHousehold } from '../households/derived.ts';
import { getHouseholdRow, getPersonRow, memberRows, toPersonDetail } from '../households/household-read.ts';
import { dataYear, requireOperator } from '../ledger/operator.ts';
import { assertIdFree } from './id-registry.ts';
import { checkMemberChange, normalizePerson } from './person-entry.ts';

export const PERSON_AUDIT_COLUMNS = [
  ...PERSON_ENTRY_FIELDS.map((f) => f.column),
  'status',
  'cancel_reason',
  'cancel_note',
  'cancel_date',
] as const;
const ENTRY_COLUMNS = PERSON_ENTRY_FIELDS.map((f) => f.column);

const summary = (p: Pick<PersonRow, 'id' | 'name' | 'relation' | 'sex'>): MemberSummary => ({
  id: p.id,
  name: p.name,
  relation: p.relation,
  sex: p.sex,
});

function activeMembers(ledger: Ledger, householdId: number): MemberSummary[] {
  return memberRows(ledger, householdId, false).map(summary);
}

function requireActiveHousehold(ledger: Ledger, householdId: number) {
  const h = getHouseholdRow(ledger, householdId);
  if (h.status !== 'active')
    throw new LedgerError('validation', `户 ${h.household_no} 已注销，请先恢复该户。`);
  return h;
}

export interface CancelInput {
  id: number;
  reason: string;
  note: string | null;
  date: string;
}

export function checkCancel(input: CancelInput): void {
  if (!CODE_TABLES.cancel_reason.items.some((i) => i.code === input.reason)) {
    throw new LedgerError('validation', `注销原因“${input.reason}”不在代码表中。`);
  }
  if (CANCEL_REASONS_NEEDING_NOTE.includes(input.reason) && !input.note?.trim()) {
    throw new LedgerError('validation', '注销原因为“其他”时，请填写说明。');
  }
}

/** Inserts a member row (no audit, no refresh): shared by create and household creation. */
export function insertPerson(
  ledger: Ledger,
  householdId: number,
  entry: PersonEntry,
  idFlagged: 0 | 1,
): number {
  const now = nowIso();
  const columns = [
    ...ENTRY_COLUMNS,
    'household_id',
    'id_flagged',
    'year',
    'origin',
    'created_at',
    'updated_at',
  ];
  const values = [
    ...ENTRY_COLUMNS.map((c) => entry[c as keyof PersonEntry] ?? null),
    householdId,
    idFlagged,
    dataYear(ledger),
    'manual',
    now,
    now,
  ];
  const result = ledger
    .prepare(`INSERT INTO persons (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...values);
  return Number(result.lastInsertRowid);
}

export function createPerson(ledger: Ledger, householdId: number, raw: PersonEntry) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    requireActiveHousehold(ledger, householdId);
    const { entry, idFlagged } = normalizePerson(raw);
    assertIdFree(ledger, entry.id_number);
    const before = activeMembers(ledger, householdId);
    checkMemberChange(before, [...before, { name: entry.name, relation: entry.relation, sex: entry.sex }]);
    const id = insertPerson(ledger, householdId, entry, idFlagged);
    refreshHousehold(ledger, householdId);
    const row = getPersonRow(ledger, id);
    writeAudit(ledger, {
      operator,
      action: 'create',
      entity: 'person',
      entityId: id,
      householdId,
      label: row.name,
      changes: diffRows(null, row as unknown as Record<string, unknown>, ENTRY_COLUMNS),
    });
    return toPersonDetail(row);
  })();
}

export function updatePerson(ledger: Ledger, id: number, patch: Partial<PersonEntry>) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const old = getPersonRow(ledger, id);
    if (old.status !== 'active') throw new LedgerError('validation', `${old.name} 已注销，请先恢复再修改。`);
    const merged = { ...(toPersonDetail(old).entry as PersonEntry), ...patch };
    const { entry, idFlagged } = normalizePerson(merged);
    if (entry.id_number !== old.id_number) assertIdFree(ledger, entry.id_number, id);
    if (old.relation === '01' && entry.relation !== '01') {
      throw new LedgerError('validation', `${old.name} 是户主，请用“变更户主”把户主换成其他成员。`);
    }
    const before = activeMembers(ledger, old.household_id);
    checkMemberChange(
      before,
      before.map((m) =>
        m.id === id ? { id, name: entry.name, relation: entry.relation, sex: entry.sex } : m,
      ),
    );
    const sets = ENTRY_COLUMNS.map((c) => `${c} = ?`).join(', ');
    ledger
      .prepare(`UPDATE persons SET ${sets}, id_flagged = ?, updated_at = ? WHERE id = ?`)
      .run(...ENTRY_COLUMNS.map((c) => entry[c as keyof PersonEntry] ?? null), idFlagged, nowIso(), id);
    refreshHousehold(ledger, old.household_id);
    const row = getPersonRow(ledger, id);
    const changes = diffRows(
      old as unknown as Record<string, unknown>,
      row as unknown as Record<string, unknown>,
      ENTRY_COLUMNS,
    );
    if (changes.length > 0) {
      writeAudit(ledger, {
        operator,
        action: 'update',
        entity: 'person',
        entityId: id,
        householdId: old.household_id,
        label: row.name,
        changes,
      });
    }
    return toPersonDetail(row);
  })();
}

/** Marks a member 注销 (no audit, no refresh): shared with cancelling a whole household. */
export function markPersonCancelled(ledger: Ledger, id: number, input: Omit<CancelInput, 'id'>): void {
  ledger
    .prepare(
      `UPDATE persons SET status = 'cancelled', cancel_reason = ?, cancel_note = ?, cancel_date = ?, updated_at = ? WHERE id = ?`,
    )
    .run(input.reason, input.note, input.date, nowIso(), id);
}

/** Undoes a 注销 (no audit, no refresh): shared with restoring a whole household. */
export function markPersonRestored(ledger: Ledger, id: number): void {
  ledger
    .prepare(
      `UPDATE persons SET status = 'active', cancel_reason = NULL, cancel_note = NULL, cancel_date = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(nowIso(), id);
}

export function cancelPerson(ledger: Ledger, input: CancelInput) {
  const operator = requireOperator(ledger);
  checkCancel(input);
  return ledger.sqlite.transaction(() => {
    const old = getPersonRow(ledger, input.id);
    if (old.status === 'cancelled') throw new LedgerError('validation', `${old.name} 已经注销。`);
    const others = activeMembers(ledger, old.household_id).filter((m) => m.id !== old.id);
    if (old.relation === '01' && others.length > 0) {
      throw new LedgerError(
        'validation',
        `${old.name} 是户主，不能单独注销：请先用“变更户主”指定新户主，再注销。`,
      );
    }
    if (others.length === 0) {
      throw new LedgerError('validation', `${old.name} 是本户唯一的成员，请注销整户。`);
    }
    markPersonCancelled(ledger, old.id, input);
    refreshHousehold(ledger, old.household_id);
    const row = getPersonRow(ledger, old.id);
    writeAudit(ledger, {
      operator,
      action: 'cancel',
      entity: 'person',
      entityId: old.id,
      householdId: old.household_id,
      label: row.name,
      changes: diffRows(
        old as unknown as Record<string, unknown>,
        row as unknown as Record<string, unknown>,
        PERSON_AUDIT_COLUMNS,
      ),
    });
    return toPersonDetail(row);
  })();
}

export function restorePerson(ledger: Ledger, id: number) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const old = getPersonRow(ledger, id);
    if (old.status === 'active') throw new LedgerError('validation', `${old.name} 未注销，无需恢复。`);
    requireActiveHousehold(ledger, old.household_id);
    const before = activeMembers(ledger, old.household_id);
    checkMemberChange(before, [...before, summary(old)]);
    markPersonRestored(ledger, id);
    refreshHousehold(ledger, old.household_id);
    const row = getPersonRow(ledger, id);
    writeAudit(ledger, {
      operator,
      action: 'restore',
      entity: 'person',
      entityId: id,
      householdId: old.household_id,
      label: row.name,
      changes: diffRows(
        old as unknown as Record<string, unknown>,
        row as unknown as Record<string, unknown>,
        PERSON_AUDIT_COLUMNS,
      ),
    });
    return toPersonDetail(row);
  })();
}

/** 分户/合户: the member leaves one household for another, with its relation to the new 户主. */
export function movePerson(ledger: Ledger, id: number, toHouseholdId: number, relation: string) {
  const operator = requireOperator(ledger);
  if (!CODE_TABLES.relation.items.some((i) => i.code === relation)) {
    throw new LedgerError('validation', `与户主关系“${relation}”不在代码表中。`);
  }
  return ledger.sqlite.transaction(() => {
    const { person, from } = requireMayLeave(ledger, id);
    if (person.household_id === toHouseholdId)
      throw new LedgerError('validation', `${person.name} 已在该户中。`);
    const to = requireActiveHousehold(ledger, toHouseholdId);
    const target = activeMembers(ledger, to.id);
    checkMemberChange(target, [...target, { id, name: person.name, relation, sex: person.sex }]);
    return transferPerson(ledger, operator, person, from, to, relation);
  })();
}

/**
 * The member and the household he leaves, when he may leave it: an active member, and not a 户主 who
 * leaves others behind (they would have no 户主; the clerk changes the 户主 first). A sole member may
 * leave: his old household stays, with no members, until the clerk 注销 it. Shared by 迁移 to an
 * existing household and 新立一户 (分户).
 */
export function requireMayLeave(ledger: Ledger, id: number): { person: PersonRow; from: HouseholdRow } {
  const person = getPersonRow(ledger, id);
  if (person.status !== 'active') throw new LedgerError('validation', `${person.name} 已注销，不能迁移。`);
  const from = getHouseholdRow(ledger, person.household_id);
  const stay = activeMembers(ledger, from.id).filter((m) => m.id !== id);
  if (person.relation === '01' && stay.length > 0) {
    throw new LedgerError('validation', `${person.name} 是原户的户主，请先为原户变更户主，再迁出。`);
  }
  return { person, from };
}

/**
 * Puts the member into `to` with his new relation, recounts both households and writes the 迁出 line in
 * the old household's history and the 迁入 line in the new one's. Inside the caller's transaction.
 */
export function transferPerson(
  ledger: Ledger,
  operator: string,
  person: PersonRow,
  from: HouseholdRow,
  to: HouseholdRow,
  relation: string,
) {
  ledger
    .prepare('UPDATE persons SET household_id = ?, relation = ?, updated_at = ? WHERE id = ?')
    .run(to.id, relation, nowIso(), person.id);
  refreshHousehold(ledger, from.id);
  refreshHousehold(ledger, to.id);
  const changes = [
    { field: 'household_no', before: from.household_no, after: to.household_no },
    ...(person.relation !== relation
      ? [{ field: 'relation', before: person.relation, after: relation }]
      : []),
  ];
  for (const [action, householdId] of [
    ['move-out', from.id],
    ['move-in', to.id],
  ] as const) {
    writeAudit(ledger, {
      operator,
      action,
      entity: 'person',
      entityId: person.id,
      householdId,
      label: person.name,
      changes,
    });
  }
  return toPersonDetail(getPersonRow(ledger, person.id));
}
