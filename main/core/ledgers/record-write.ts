// Creating, changing and deleting ledger records: values checked against the definition (the same
// rules the form shows and the import applies), derived values computed, the subject resolved, and
// every write in the audit log (entity 'record', id '<ledger>:<record>') in the same transaction.
import type { z } from 'zod';
import type { recordLink } from '../../../shared/contract/ledgers.ts';
import { fieldSchema } from '../../../shared/fields/record-schema.ts';
import { parseIdNumber } from '../../../shared/id-number.ts';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import {
  asFieldDef,
  checkLedgerValues,
  childLedgers,
  enteredFields,
  fieldValues,
  ledgerTableName,
  withDerived,
  withInitialValues,
} from '../../../shared/ledgers/index.ts';
import { LedgerError } from '../../../shared/result.ts';
import { writeAudit, diffRows } from '../audit/audit-log.ts';
import { currentYear, nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import { throwIfErrors } from '../persons/person-entry.ts';
import { findRegion } from '../regions/region-tree.ts';
import { getRecordRow } from './record-read.ts';
import { requireLedger } from './record-sql.ts';

export type RecordLink = z.output<typeof recordLink>;

/** The columns of a record's subject as stored. */
export interface SubjectColumns {
  person_id?: number | null;
  person_name?: string | null;
  person_id_number?: string | null;
  household_id?: number | null;
  region_code?: string | null;
  parent_id?: number;
}

/** Shape-checks values given for entered fields; unknown or derived columns are refused. */
export function checkShapes(def: LedgerDef, values: Readonly<LedgerValues>): LedgerValues {
  const out: LedgerValues = {};
  for (const [column, v] of Object.entries(values)) {
    const f = enteredFields(def).find((x) => x.column === column);
    if (!f) {
      const derived = def.fields.some((x) => x.column === column);
      throw new LedgerError(
        'validation',
        derived
          ? `“${def.fields.find((x) => x.column === column)?.label}”是自动计算的，不能填写。`
          : `“${def.name}”没有“${column}”这一项。`,
      );
    }
    const text = typeof v === 'string' ? v.trim() : v;
    const value = text === '' ? null : text;
    const parsed = fieldSchema({ ...asFieldDef(f), required: false }).safeParse(value);
    if (!parsed.success)
      throw new LedgerError('validation', `${f.label}：${parsed.error.issues[0]?.message ?? '格式不正确'}`, [
        { field: f.column, level: 'error', message: `${f.label}格式不正确` },
      ]);
    out[column] = value;
  }
  return out;
}

/** The values to store: given merged over the old ones, derived ones computed, then every rule checked. */
export function finalValues(
  def: LedgerDef,
  merged: Readonly<LedgerValues>,
  ctx: DeriveContext,
): LedgerValues {
  const final = withDerived(def, merged, ctx);
  throwIfErrors(checkLedgerValues(def, final));
  return final;
}

/**
 * A child kept on the same subject as its parent (劝返记录 of a pupil, 帮扶措施 of a plan) may be given by
 * its parent alone, as the parent's dialog does: the subject is then the parent's.
 */
function withParentSubject(ledger: Ledger, def: LedgerDef, link: RecordLink): RecordLink {
  if (def.parent?.key !== 'subject' || link.parentId === undefined) return link;
  if (link.personId !== undefined || link.householdId !== undefined || link.personIdNumber !== undefined)
    return link;
  const parent = requireLedger(def.parent.ledger);
  const row = ledger.prepare(`SELECT * FROM ${ledgerTableName(parent)} WHERE id = ?`).get(link.parentId) as
    Record<string, unknown> | undefined;
  if (row === undefined) return link; // refused below as not found
  if (def.subject === 'household' && typeof row.household_id === 'number')
    return { ...link, householdId: row.household_id };
  if (def.subject !== 'person') return link;
  if (typeof row.person_id === 'number') return { ...link, personId: row.person_id };
  if (typeof row.person_name === 'string' && typeof row.person_id_number === 'string')
    return {
      ...link,
      personName: row.person_name,
      personIdNumber: row.person_id_number,
      ...(typeof row.region_code === 'string' ? { regionCode: row.region_code } : {}),
    };
  return link;
}

/** Where a new record hangs: checked against the ledger's subject and its parent. */
export function resolveLink(ledger: Ledger, def: LedgerDef, given: RecordLink): SubjectColumns {
  const db = ledger.sqlite;
  const link = withParentSubject(ledger, def, given);
  const cols: SubjectColumns = {};
  if (def.subject === 'person') {
    if (link.personId !== undefined) {
      const p = db.prepare('SELECT id, name, id_number FROM persons WHERE id = ?').get(link.personId) as
        { id: number; name: string; id_number: string } | undefined;
      if (!p) throw new LedgerError('not-found', `没有编号为 ${link.personId} 的人员。`);
      cols.person_id = p.id;
      if (def.personOptional) {
        // Kept on the record too: the key of imports, whether or not the person is in the register.
        cols.person_name = p.name;
        cols.person_id_number = p.id_number;
      }
    } else if (def.personOptional && link.personName && link.personIdNumber) {
      const id = parseIdNumber(link.personIdNumber);
      if (!id.ok)
        throw new LedgerError('validation', id.message, [
          { field: 'person_id_number', level: 'error', message: id.message },
        ]);
      // Someone who is in the register after all is linked, not copied.
      const known = db
        .prepare('SELECT id FROM persons WHERE id_number = ?')
        .pluck()
        .get(id.info.normalized) as number | undefined;
      cols.person_name = link.personName;
      cols.person_id_number = id.info.normalized;
      if (known !== undefined) cols.person_id = known;
      else {
        cols.person_id = null;
        cols.person_name = link.personName;
        cols.person_id_number = id.info.normalized;
        cols.region_code = link.regionCode === undefined ? null : findRegion(ledger, link.regionCode).code;
      }
    } else
      throw new LedgerError(
        'validation',
        def.personOptional
          ? '请选择人员，或填写不在户籍台账中的人员的姓名和证件号码。'
          : '请选择这条记录的人员。',
      );
  } else if (def.subject === 'household') {
    if (link.householdId === undefined) throw new LedgerError('validation', '请选择这条记录的户。');
    if (!db.prepare('SELECT 1 FROM households WHERE id = ?').get(link.householdId))
      throw new LedgerError('not-found', `没有编号为 ${link.householdId} 的户。`);
    cols.household_id = link.householdId;
  } else {
    let region = link.regionCode ?? null;
    if (link.householdId !== undefined) {
      const h = db
        .prepare('SELECT id, COALESCE(group_code, village_code) AS place FROM households WHERE id = ?')
        .get(link.householdId) as { id: number; place: string } | undefined;
      if (!h) throw new LedgerError('not-found', `没有编号为 ${link.householdId} 的户。`);
      cols.household_id = h.id;
      region ??= h.place;
    }
    if (region === null && def.subject === 'region')
      throw new LedgerError('validation', '请选择所在的乡镇、村或组。');
    cols.region_code = region === null ? null : findRegion(ledger, region).code;
  }
  if (def.parent) {
    const parent = requireLedger(def.parent.ledger);
    let parentId = link.parentId;
    // Found by the same subject when not chosen: the person (by 证件号码 where the parent also keeps
    // people outside the register) or the household.
    if (parentId === undefined && def.parent.key === 'subject') {
      const [column, value] =
        parent.subject !== 'person'
          ? ['household_id', cols.household_id ?? null]
          : parent.personOptional
            ? ['person_id_number', cols.person_id_number ?? null]
            : ['person_id', cols.person_id ?? null];
      if (value !== null)
        parentId = db
          .prepare(`SELECT id FROM ${ledgerTableName(parent)} WHERE ${column} = ? ORDER BY id DESC LIMIT 1`)
          .pluck()
          .get(value) as number | undefined;
    }
    if (parentId === undefined) throw new LedgerError('validation', `请选择所属的“${parent.name}”记录。`);
    if (!db.prepare(`SELECT 1 FROM ${ledgerTableName(parent)} WHERE id = ?`).get(parentId))
      throw new LedgerError('not-found', `“${parent.name}”中没有编号为 ${parentId} 的记录。`);
    cols.parent_id = parentId;
  }
  return cols;
}

/** '张三 · 外出务工' — how the history names a record. */
export function recordLabel(def: LedgerDef, row: Readonly<Record<string, unknown>>): string {
  const name = row.s_name ?? row.person_name ?? null;
  const key = def.fields.find((f) => f.column === 'name') ? row.name : null;
  return [typeof name === 'string' ? name : null, typeof key === 'string' ? key : null, def.name]
    .filter(Boolean)
    .join(' · ');
}

/** INSERT text per ledger and subject shape: built once, not per row of a bulk load. */
const insertSql = new WeakMap<LedgerDef, Map<string, string>>();

export function insertRecord(
  ledger: Ledger,
  def: LedgerDef,
  subject: SubjectColumns,
  values: Readonly<LedgerValues>,
  meta: { origin: 'manual' | 'import' | 'demo'; batchId: number | null; at: string },
): number {
  const subjectColumns = Object.keys(subject);
  const shape = subjectColumns.join(',');
  let byShape = insertSql.get(def);
  if (!byShape) insertSql.set(def, (byShape = new Map()));
  let sql = byShape.get(shape);
  if (sql === undefined) {
    const cols = [
      ...subjectColumns,
      ...def.fields.map((f) => f.column),
      'origin',
      'batch_id',
      'created_at',
      'updated_at',
    ];
    sql = `INSERT INTO ${ledgerTableName(def)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    byShape.set(shape, sql);
  }
  const vals = [
    ...Object.values(subject),
    ...def.fields.map((f) => values[f.column] ?? null),
    meta.origin,
    meta.batchId,
    meta.at,
    meta.at,
  ];
  return Number(ledger.prepare(sql).run(...vals).lastInsertRowid);
}

export function createRecord(
  ledger: Ledger,
  ctx: DeriveContext,
  ledgerId: string,
  link: RecordLink,
  values: Readonly<LedgerValues>,
): number {
  const def = requireLedger(ledgerId);
  const operator = requireOperator(ledger);
  const given = withInitialValues(def, checkShapes(def, values), currentYear());
  return ledger.sqlite.transaction(() => {
    const subject = resolveLink(ledger, def, link);
    const final = finalValues(def, given, ctx);
    const at = nowIso();
    const id = insertRecord(ledger, def, subject, final, { origin: 'manual', batchId: null, at });
    const row = getRecordRow(ledger, def, id);
    writeAudit(ledger, {
      operator,
      action: 'create',
      entity: 'record',
      entityId: `${def.id}:${id}`,
      householdId: (row.s_household_id as number | null) ?? null,
      label: recordLabel(def, row),
      changes: diffRows(
        null,
        final,
        def.fields.map((f) => f.column),
      ),
      at,
    });
    return id;
  })();
}

export function updateRecord(
  ledger: Ledger,
  ctx: DeriveContext,
  ledgerId: string,
  id: number,
  patch: Readonly<LedgerValues>,
  /** Who changes it when not the clerk of the settings (a CLI's --operator). */
  operator: string = requireOperator(ledger),
): void {
  const def = requireLedger(ledgerId);
  const given = checkShapes(def, patch);
  ledger.sqlite.transaction(() => {
    const before = getRecordRow(ledger, def, id);
    const final = finalValues(def, { ...fieldValues(def, before), ...given }, ctx);
    const changes = diffRows(
      before,
      final,
      def.fields.map((f) => f.column),
    );
    if (changes.length === 0) return;
    const at = nowIso();
    ledger
      .prepare(
        `UPDATE ${ledgerTableName(def)} SET ${changes.map((c) => `${c.field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      )
      .run(...changes.map((c) => c.after), at, id);
    writeAudit(ledger, {
      operator,
      action: 'update',
      entity: 'record',
      entityId: `${def.id}:${id}`,
      householdId: (before.s_household_id as number | null) ?? null,
      label: recordLabel(def, before),
      changes,
      at,
    });
  })();
}

export function deleteRecord(ledger: Ledger, ledgerId: string, id: number): void {
  const def = requireLedger(ledgerId);
  const operator = requireOperator(ledger);
  ledger.sqlite.transaction(() => {
    const before = getRecordRow(ledger, def, id);
    for (const child of childLedgers(def)) {
      const n = ledger
        .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(child)} WHERE parent_id = ?`)
        .pluck()
        .get(id) as number;
      if (n > 0)
        throw new LedgerError('conflict', `这条记录下还有 ${n} 条“${child.name}”记录，请先删除它们。`);
    }
    ledger.prepare(`DELETE FROM ${ledgerTableName(def)} WHERE id = ?`).run(id);
    writeAudit(ledger, {
      operator,
      action: 'delete',
      entity: 'record',
      entityId: `${def.id}:${id}`,
      householdId: (before.s_household_id as number | null) ?? null,
      label: recordLabel(def, before),
      changes: diffRows(
        before,
        null,
        def.fields.map((f) => f.column),
      ),
    });
  })();
}
