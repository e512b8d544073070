// Creating, editing, 注销 and restoring households, and changing the 户主.
import { CODE_TABLES } from '../../../shared/code-tables/index.ts';
import {
  HOUSEHOLD_ENTRY_FIELDS,
  type HouseholdEntry,
  type PersonEntry,
} from '../../../shared/fields/entry-fields.ts';
import { cancelledWithHousehold, withHouseholdNote } from '../../../shared/household-cancel.ts';
import { LedgerError } from '../../../shared/result.ts';
import { checkHousehold } from '../../../shared/rules/household-rules.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow } from '../db/tables.ts';
import { dataYear, requireOperator } from '../ledger/operator.ts';
import { assertIdFree } from '../persons/id-registry.ts';
import { checkMemberChange, normalizePerson, throwIfErrors } from '../persons/person-entry.ts';
import {
  checkCancel,
  markPersonRestored,
  insertPerson,
  markPersonCancelled,
  PERSON_AUDIT_COLUMNS,
  type CancelInput,
} from '../persons/person-write.ts';
import { findRegion } from '../regions/region-tree.ts';
import { refreshHousehold } from './derived.ts';
import {
  getHouseholdRow,
  getPersonRow,
  householdWithMembers,
  memberRows,
  toHouseholdDetail,
} from './household-read.ts';
import { nextHouseholdNo } from './household-number.ts';

const ENTRY_COLUMNS = HOUSEHOLD_ENTRY_FIELDS.map((f) => f.column);
const PLACE_COLUMNS = ['township_code', 'village_code', 'group_code'] as const;
const AUDIT_COLUMNS = [
  'household_no',
  ...PLACE_COLUMNS,
  ...ENTRY_COLUMNS,
  'status',
  'cancel_reason',
  'cancel_note',
  'cancel_date',
];
type Row = Record<string, unknown>;

function withFieldPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof LedgerError && e.code === 'validation' && Array.isArray(e.details)) {
      const details = (e.details as { field: string | null }[]).map((i) => ({
        ...i,
        field: i.field ? `${prefix}${i.field}` : null,
      }));
      throw new LedgerError(e.code, e.message, details);
    }
    throw e;
  }
}

/** A village or group code → the three place columns. */
export function placeColumns(ledger: Ledger, regionCode: string) {
  const region = findRegion(ledger, regionCode);
  if (region.level === 'group') {
    const village = findRegion(ledger, region.parentCode ?? '');
    return { township_code: village.parentCode ?? '', village_code: village.code, group_code: region.code };
  }
  if (region.level === 'village')
    return { township_code: region.parentCode ?? '', village_code: region.code, group_code: null };
  throw new LedgerError(
    'validation',
    `户必须落在村或组上，“${region.name}”是${region.level === 'county' ? '县' : '乡镇'}。`,
  );
}

/** The 户编号 a new household gets: the one typed, or the village's next free one; a used one is refused. */
export function claimHouseholdNo(ledger: Ledger, villageCode: string, typed: string | undefined): string {
  const householdNo = typed?.trim() || nextHouseholdNo(ledger, villageCode);
  if (ledger.prepare('SELECT 1 FROM households WHERE household_no = ?').get(householdNo)) {
    throw new LedgerError('conflict', `户编号 ${householdNo} 已被使用，请换一个。`);
  }
  return householdNo;
}

/** Inserts a household row (no members, no audit): shared by 新增户 and 新立一户. */
export function insertHousehold(
  ledger: Ledger,
  householdNo: string,
  place: ReturnType<typeof placeColumns>,
  entry: HouseholdEntry,
): number {
  const now = nowIso();
  const columns = [
    'household_no',
    ...PLACE_COLUMNS,
    ...ENTRY_COLUMNS,
    'year',
    'origin',
    'created_at',
    'updated_at',
  ];
  const values = [
    householdNo,
    place.township_code,
    place.village_code,
    place.group_code,
    ...ENTRY_COLUMNS.map((c) => entry[c as keyof HouseholdEntry] ?? null),
    dataYear(ledger),
    'manual',
    now,
    now,
  ];
  return Number(
    ledger
      .prepare(`INSERT INTO households (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...values).lastInsertRowid,
  );
}

/** The 新增 line of a household just created, with every value it was created with. */
export function auditHouseholdCreated(ledger: Ledger, operator: string, id: number): void {
  const row = getHouseholdRow(ledger, id);
  writeAudit(ledger, {
    operator,
    action: 'create',
    entity: 'household',
    entityId: id,
    householdId: id,
    label: row.household_no,
    changes: diffRows(null, row as unknown as Row, AUDIT_COLUMNS),
  });
}

export function createHousehold(
  ledger: Ledger,
  input: { regionCode: string; householdNo?: string; household: HouseholdEntry; head: PersonEntry },
) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const place = placeColumns(ledger, input.regionCode);
    // Field names are prefixed so the form can put each message under the right input (户 or 户主).
    throwIfErrors(
      checkHousehold(input.household).map((i) => ({ ...i, field: i.field ? `household.${i.field}` : null })),
    );
    const { entry: head, idFlagged } = withFieldPrefix('head.', () =>
      normalizePerson({ ...input.head, relation: '01' }),
    );
    assertIdFree(ledger, head.id_number);
    const householdNo = claimHouseholdNo(ledger, place.village_code, input.householdNo);
    const id = insertHousehold(ledger, householdNo, place, input.household);
    const headId = insertPerson(ledger, id, head, idFlagged);
    refreshHousehold(ledger, id);
    auditHouseholdCreated(ledger, operator, id);
    const person = getPersonRow(ledger, headId);
    writeAudit(ledger, {
      operator,
      action: 'create',
      entity: 'person',
      entityId: headId,
      householdId: id,
      label: person.name,
      changes: diffRows(null, person as unknown as Row, PERSON_AUDIT_COLUMNS),
    });
    return { id, householdNo, headId };
  })();
}

function auditHousehold(
  ledger: Ledger,
  operator: string,
  action: 'update' | 'cancel' | 'restore',
  old: HouseholdRow,
) {
  const row = getHouseholdRow(ledger, old.id);
  const changes = diffRows(old as unknown as Row, row as unknown as Row, AUDIT_COLUMNS);
  if (changes.length > 0 || action !== 'update') {
    writeAudit(ledger, {
      operator,
      action,
      entity: 'household',
      entityId: old.id,
      householdId: old.id,
      label: row.household_no,
      changes,
    });
  }
  return toHouseholdDetail(ledger, row);
}

export function updateHousehold(
  ledger: Ledger,
  id: number,
  patch: Partial<HouseholdEntry>,
  regionCode?: string,
) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const old = getHouseholdRow(ledger, id);
    if (old.status !== 'active')
      throw new LedgerError('validation', `户 ${old.household_no} 已注销，请先恢复再修改。`);
    const merged = { ...(toHouseholdDetail(ledger, old).entry as HouseholdEntry), ...patch };
    throwIfErrors(checkHousehold(merged));
    const place = regionCode
      ? placeColumns(ledger, regionCode)
      : { township_code: old.township_code, village_code: old.village_code, group_code: old.group_code };
    const sets = [...PLACE_COLUMNS, ...ENTRY_COLUMNS].map((c) => `${c} = ?`).join(', ');
    ledger
      .prepare(`UPDATE households SET ${sets}, updated_at = ? WHERE id = ?`)
      .run(
        place.township_code,
        place.village_code,
        place.group_code,
        ...ENTRY_COLUMNS.map((c) => merged[c as keyof HouseholdEntry] ?? null),
        nowIso(),
        id,
      );
    return auditHousehold(ledger, operator, 'update', old);
  })();
}

export function cancelHousehold(ledger: Ledger, input: CancelInput) {
  const operator = requireOperator(ledger);
  checkCancel(input);
  return ledger.sqlite.transaction(() => {
    const old = getHouseholdRow(ledger, input.id);
    if (old.status === 'cancelled') throw new LedgerError('validation', `户 ${old.household_no} 已经注销。`);
    const memberNote = withHouseholdNote(input.note);
    for (const m of memberRows(ledger, old.id, false)) {
      markPersonCancelled(ledger, m.id, { reason: input.reason, note: memberNote, date: input.date });
      const after = getPersonRow(ledger, m.id);
      writeAudit(ledger, {
        operator,
        action: 'cancel',
        entity: 'person',
        entityId: m.id,
        householdId: old.id,
        label: m.name,
        changes: diffRows(m as unknown as Row, after as unknown as Row, PERSON_AUDIT_COLUMNS),
      });
    }
    ledger
      .prepare(
        `UPDATE households SET status = 'cancelled', cancel_reason = ?, cancel_note = ?, cancel_date = ?, updated_at = ? WHERE id = ?`,
      )
      .run(input.reason, input.note, input.date, nowIso(), old.id);
    // 人数 and 户主 stay as they were at the 注销, so the cancelled household can still be found by them.
    return auditHousehold(ledger, operator, 'cancel', old);
  })();
}

export function restoreHousehold(ledger: Ledger, id: number) {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const old = getHouseholdRow(ledger, id);
    if (old.status === 'active')
      throw new LedgerError('validation', `户 ${old.household_no} 未注销，无需恢复。`);
    ledger
      .prepare(
        `UPDATE households SET status = 'active', cancel_reason = NULL, cancel_note = NULL, cancel_date = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(nowIso(), id);
    const members = memberRows(ledger, id, true).filter(
      (m) => m.status === 'cancelled' && cancelledWithHousehold(m.cancel_note),
    );
    for (const m of members) {
      markPersonRestored(ledger, m.id);
      const after = getPersonRow(ledger, m.id);
      writeAudit(ledger, {
        operator,
        action: 'restore',
        entity: 'person',
        entityId: m.id,
        householdId: id,
        label: m.name,
        changes: diffRows(m as unknown as Row, after as unknown as Row, PERSON_AUDIT_COLUMNS),
      });
    }
    refreshHousehold(ledger, id);
    return auditHousehold(ledger, operator, 'restore', old);
  })();
}

export function setHead(ledger: Ledger, householdId: number, personId: number, formerHeadRelation: string) {
  const operator = requireOperator(ledger);
  if (formerHeadRelation === '01' || !CODE_TABLES.relation.items.some((i) => i.code === formerHeadRelation)) {
    throw new LedgerError('validation', '请为原户主选择新的与户主关系（不能仍为户主）。');
  }
  return ledger.sqlite.transaction(() => {
    const household = getHouseholdRow(ledger, householdId);
    if (household.status !== 'active')
      throw new LedgerError('validation', `户 ${household.household_no} 已注销。`);
    const members = memberRows(ledger, householdId, false);
    const next = members.find((m) => m.id === personId);
    if (!next) throw new LedgerError('not-found', '该成员不在本户（或已注销）。');
    if (next.relation === '01') throw new LedgerError('validation', `${next.name} 已经是户主。`);
    const former = members.filter((m) => m.relation === '01');
    const after = members.map((m) => ({
      id: m.id,
      name: m.name,
      sex: m.sex,
      relation: m.id === personId ? '01' : m.relation === '01' ? formerHeadRelation : m.relation,
    }));
    checkMemberChange(
      members.map((m) => ({ id: m.id, name: m.name, sex: m.sex, relation: m.relation })),
      after,
    );
    const update = ledger.prepare('UPDATE persons SET relation = ?, updated_at = ? WHERE id = ?');
    for (const m of [...former, next]) {
      const relation = m.id === personId ? '01' : formerHeadRelation;
      update.run(relation, nowIso(), m.id);
      writeAudit(ledger, {
        operator,
        action: 'set-head',
        entity: 'person',
        entityId: m.id,
        householdId,
        label: m.name,
        changes: [{ field: 'relation', before: m.relation, after: relation }],
      });
    }
    refreshHousehold(ledger, householdId);
    return householdWithMembers(ledger, householdId, false);
  })();
}
