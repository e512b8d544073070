// An import into a thematic ledger, short of writing: every row's cells normalised per field, linked to
// its subject (a person by 证件号码, a household by 户编号, a place by 乡镇/村 names) and its parent record,
// matched to an existing record by the ledger's key, derived values computed and every rule checked —
// the same rules as the form. Unknown persons/households are errors naming the row and column.
import { CODE_TABLES } from '../../../../shared/code-tables/index.ts';
import type { ColumnMapping } from '../../../../shared/import/map-columns.ts';
import type { ImportConstants } from '../../../../shared/import/constants.ts';
import { keyColumnsProblem } from '../../../../shared/import/key-columns.ts';
import { normalizeNumberCell, normalizeValue } from '../../../../shared/import/normalize.ts';
import { ledgerImportTargets } from '../../../../shared/import/ledger-targets.ts';
import type { ImportTarget } from '../../../../shared/import/targets.ts';
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../../shared/ledgers/define.ts';
import {
  checkLedgerValues,
  fieldValues,
  ledgerFieldLabel,
  ledgerTableName,
  missingRequiredFields,
  withDerived,
} from '../../../../shared/ledgers/index.ts';
import { diffRows } from '../../audit/audit-log.ts';
import { maskIdNumber } from '../../../../shared/mask.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { issueCollector, type ImportIssue, type ImportTable } from '../../import/import-types.ts';
import type { PlaceResolver } from '../../import/place-resolver.ts';
import type { FieldChange } from '../../import/plan-import.ts';
import { currentYear } from '../../clock.ts';
import { accountRows, type RowAccount } from '../../import/row-accounting.ts';
import { requireLedger } from '../record-sql.ts';
import { fillFileYear } from './file-year.ts';
import type { SubjectColumns } from '../record-write.ts';
import { idPersonKey } from '../../../../shared/id-number.ts';
import { sameHolderIds } from '../../persons/id-registry.ts';

export interface RecordPlan {
  row: number;
  subject: SubjectColumns;
  values: LedgerValues;
  existingId: number | null;
  changes: FieldChange[];
  /** Household of the subject, for the audit log. */
  householdId: number | null;
  label: string;
}

export interface LedgerPlan {
  ledgerId: string;
  records: RecordPlan[];
  issues: ImportIssue[];
  counts: { created: number; updated: number; unchanged: number };
  /** Each data row written (a record) or listed with why (its errors, or the sheet's). */
  account: RowAccount;
}

type Scalar = string | number | null;
const CHUNK = 500;

/** Rows of `table` whose `column` is one of `keys`, looked up in chunks (bound parameters). */
function lookup<T>(ledger: Ledger, sql: (placeholders: string) => string, keys: readonly Scalar[]): T[] {
  const unique = [...new Set(keys.filter((k) => k !== null))];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    out.push(...(ledger.sqlite.prepare(sql(part.map(() => '?').join(', '))).all(...part) as T[]));
  }
  return out;
}

interface RowCells {
  row: number;
  record: LedgerValues;
  link: Record<string, Scalar>;
  place: { township: string | null; village: string | null; group: string | null };
  parentKey: Scalar;
  invalid: boolean;
}

export function planLedgerImport(
  ledger: Ledger,
  def: LedgerDef,
  table: ImportTable,
  mapping: readonly ColumnMapping[],
  places: PlaceResolver,
  ctx: DeriveContext,
  regionCode: string | null,
  /** 整列填同一个值: target key → the value every row gets. */
  constants: ImportConstants = {},
): LedgerPlan {
  const { issues, issue, missingColumns } = issueCollector(table.sheet);
  const targets = new Map(ledgerImportTargets(def).map((t) => [t.key, t]));
  const mapped = [
    ...mapping.map((m) => ({ ...m, fixed: null as string | null })),
    // A whole-column value reads like a column whose every cell holds it.
    ...Object.entries(constants).map(([target, value]) => ({ index: -1, letter: '', target, fixed: value })),
  ].flatMap((m) => {
    const t = m.target ? targets.get(m.target) : undefined;
    return t ? [{ ...m, target: t as ImportTarget }] : [];
  });
  const letter = (key: string) =>
    mapped.find((m) => m.target.key === key && m.fixed === null)?.letter ?? null;
  const has = (key: string) => mapped.some((m) => m.target.key === key);
  // Required fields no column feeds: rows that end up without them are one message, not one each.
  const noColumn = new Set(missingRequiredFields(def, (c) => has(`record.${c}`)).map((f) => f.column));
  // A township named in the title narrows the search for the 村 column's names.
  const titleTownship =
    regionCode === null && !has('place.township')
      ? (places.guessTownship(`${table.title ?? ''} ${table.sheet}`)?.code ?? null)
      : null;
  const dataRows = table.rows.allRowNumbers();
  // A sheet refused as a whole: every row is listed with the reason.
  const empty = (): LedgerPlan => ({
    ledgerId: def.id,
    records: [],
    issues,
    counts: { created: 0, updated: 0, unchanged: 0 },
    account: accountRows(dataRows, new Set(), issues, new Map()),
  });

  // File-level: the columns that link rows to their subject.
  const keyProblem = keyColumnsProblem(def.id, has, regionCode !== null);
  if (keyProblem !== null) {
    issue(0, null, null, keyProblem);
    return empty();
  }

  // 1. cells → values
  const source = table.rows;
  const rows: RowCells[] = [];
  for (let i = 0; i < source.length; i++) {
    const row = source.row(i);
    const r: RowCells = {
      row,
      record: {},
      link: {},
      place: { township: null, village: null, group: null },
      parentKey: null,
      invalid: false,
    };
    for (const m of mapped) {
      const text = m.fixed ?? source.cell(i, m.index);
      const [kind, name = ''] = m.target.key.split('.');
      if (kind === 'place') {
        const v = text.trim() === '' ? null : text.trim();
        r.place[name as 'township' | 'village' | 'group'] = v;
        continue;
      }
      if (!m.target.field) continue;
      // An ID or code the file stored as a number loses digits (see numberCellText).
      const n =
        m.fixed === null && source.isNumber(i, m.index)
          ? normalizeNumberCell(m.target.field, text, CODE_TABLES)
          : normalizeValue(m.target.field, text, CODE_TABLES);
      if (!n.ok) {
        issue(row, m.letter, m.target.label, n.message);
        r.invalid = true;
        continue;
      }
      if (n.note && m.fixed === null) issue(row, m.letter, m.target.label, n.note, 'warning');
      if (n.value === null) continue;
      if (kind === 'record') {
        // A second column of one multi-valued field (风险1 … 风险5) adds its codes to the first's.
        const before = r.record[name];
        r.record[name] =
          m.target.field.type === 'codes' && typeof before === 'string' && typeof n.value === 'string'
            ? [...new Set([...before.split(','), ...n.value.split(',')])].join(',')
            : n.value;
      } else if (kind === 'link') r.link[name] = n.value;
      else r.parentKey = n.value;
    }
    rows.push(r);
  }

  // 年度 (and any other `initial: 'current-year'` field) the rows leave empty: the file's year, said once.
  for (const n of fillFileYear(def, table, rows, (c) => has(`record.${c}`), currentYear()))
    issue(0, letter(`record.${n.column}`), n.label, n.message, 'warning');

  // 2. what the rows link to, looked up in batches
  const persons = new Map(
    lookup<{ id: number; name: string; id_number: string; household_id: number; status: string }>(
      ledger,
      (ph) => `SELECT id, name, id_number, household_id, status FROM persons WHERE id_number IN (${ph})`,
      rows.flatMap((r) => [r.link.id_number ?? null, r.link.head_id_number ?? null]),
    ).map((p) => [p.id_number, p]),
  );
  // Another number of a registered person (a 残疾人证号 on the register's 身份证号, or the reverse) is
  // that person: the first 18 characters name them, as in the register's own duplicate check.
  const linkIds = rows.flatMap((r) => [r.link.id_number ?? null, r.link.head_id_number ?? null]);
  const holders = sameHolderIds(ledger, () => linkIds);
  const personOf = (id: string) => {
    const exact = persons.get(id);
    if (exact !== undefined) return exact;
    const h = holders.get(idPersonKey(id));
    return h === undefined
      ? undefined
      : {
          id: h.personId,
          name: h.name,
          id_number: h.idNumber,
          household_id: h.householdId,
          status: h.status,
        };
  };
  const households = new Map(
    lookup<{ id: number; household_no: string; head_name: string | null; place: string }>(
      ledger,
      (ph) =>
        `SELECT id, household_no, head_name, COALESCE(group_code, village_code) AS place FROM households WHERE household_no IN (${ph})`,
      rows.map((r) => (r.link.household_no === undefined ? null : String(r.link.household_no))),
    ).map((h) => [h.household_no, h]),
  );
  const householdById = ledger.prepare('SELECT id, household_no, head_name FROM households WHERE id = ?');
  const parentDef = def.parent ? requireLedger(def.parent.ledger) : null;
  const parentByKey = new Map<string, number>();
  if (parentDef && def.parent) {
    // A parent found by its subject: the person (by 证件号码 when the parent may hold people outside
    // the register) or the household.
    const column =
      def.parent.key !== 'subject'
        ? def.parent.key
        : parentDef.subject !== 'person'
          ? 'household_id'
          : parentDef.personOptional
            ? 'person_id_number'
            : 'person_id';
    for (const p of ledger
      .prepare(`SELECT id, ${column} AS k FROM ${ledgerTableName(parentDef)} ORDER BY id`)
      .all() as Array<{ id: number; k: Scalar }>)
      if (p.k !== null) parentByKey.set(String(p.k), p.id);
  }

  // 3. existing records by key
  const keyColumns = def.key.map((k) =>
    k === 'subject' ? subjectKeyColumn(def) : k === 'parent' ? 'parent_id' : k,
  );
  const existing = new Map<string, { id: number; values: LedgerValues }>();
  if (def.key.length > 0) {
    const stmt = ledger.prepare(`SELECT * FROM ${ledgerTableName(def)}`);
    for (const raw of stmt.iterate()) {
      const row = raw as Record<string, Scalar>;
      existing.set(keyColumns.map((c) => String(row[c] ?? '')).join('\u0001'), {
        id: Number(row.id),
        values: fieldValues(def, row),
      });
    }
  }

  // 4. each row: subject, parent, key, final values, rules
  const records: RecordPlan[] = [];
  const fieldColumns = def.fields.map((f) => f.column);
  const seen = new Map<string, number>();
  const columnOf = (field: string | null) => (field ? letter(`record.${field}`) : null);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const r of rows) {
    let invalid = r.invalid;
    const fail = (column: string | null, field: string | null, message: string) => {
      issue(r.row, column, field, message);
      invalid = true;
    };
    const subject: SubjectColumns = {};
    let householdId: number | null = null;
    let label = '';
    if (def.subject === 'person') {
      const id = r.link.id_number;
      const p = typeof id === 'string' ? personOf(id) : undefined;
      const name = typeof r.link.name === 'string' ? r.link.name : null;
      if (typeof id !== 'string') {
        if (!r.invalid) fail(letter('link.id_number'), '证件号码', '证件号码为空');
      } else if (p) {
        if (name !== null && name !== p.name)
          fail(
            letter('link.name'),
            '姓名',
            `证件号码 ${maskIdNumber(id)} 在户籍台账中是“${p.name}”，本行姓名为“${name}”：请核对`,
          );
        if (p.status !== 'active')
          issue(r.row, letter('link.id_number'), '证件号码', `${p.name} 已在户籍台账中注销`, 'warning');
        subject.person_id = p.id;
        if (def.personOptional) {
          subject.person_name = p.name;
          subject.person_id_number = p.id_number;
        }
        householdId = p.household_id;
        label = p.name;
      } else if (def.personOptional) {
        if (name === null) fail(letter('link.name'), '姓名', '不在户籍台账中的人员需要填写姓名');
        subject.person_id = null;
        subject.person_name = name;
        subject.person_id_number = id;
        subject.region_code = placeCode(r, true);
        label = name ?? '';
      } else
        fail(
          letter('link.id_number'),
          '证件号码',
          `证件号码 ${maskIdNumber(id)} 不在户籍台账中：请先在户籍台账登记此人，或核对号码`,
        );
    } else if (def.subject === 'household') {
      const no = r.link.household_no;
      const head = r.link.head_id_number;
      let h = no !== undefined && no !== null ? households.get(String(no)) : undefined;
      if (!h && typeof head === 'string') {
        const p = personOf(head);
        if (p) h = householdById.get(p.household_id) as typeof h;
      }
      if (h) {
        subject.household_id = h.id;
        householdId = h.id;
        label = h.head_name ?? h.household_no;
      } else if (no !== undefined && no !== null)
        fail(letter('link.household_no'), '户编号', `户编号 ${String(no)} 不在户籍台账中`);
      else if (typeof head === 'string')
        fail(
          letter('link.head_id_number'),
          '户主证件号码',
          `户主证件号码 ${maskIdNumber(head)} 不在户籍台账中`,
        );
      else if (!r.invalid) fail(letter('link.household_no'), '户编号', '户编号为空');
    } else {
      const no = r.link.household_no;
      const h = no !== undefined && no !== null ? households.get(String(no)) : undefined;
      if (no !== undefined && no !== null && !h)
        fail(letter('link.household_no'), '户编号', `户编号 ${String(no)} 不在户籍台账中`);
      if (h) {
        subject.household_id = h.id;
        householdId = h.id;
        label = h.head_name ?? h.household_no;
      } else subject.household_id = null;
      const code = placeCode(r, def.subject === 'none') ?? h?.place ?? null;
      if (code === null && def.subject === 'region' && !invalid)
        fail(null, '村', '没有乡镇或村：请填写，或在导入时选择所属的乡镇/村');
      subject.region_code = code;
    }
    if (r.invalid) invalid = true;
    if (parentDef && def.parent) {
      const k =
        def.parent.key === 'subject'
          ? parentDef.personOptional
            ? String(r.link.id_number ?? '')
            : String(subject.person_id ?? subject.household_id ?? '')
          : r.parentKey === null
            ? ''
            : String(r.parentKey);
      const parentId = parentByKey.get(k);
      if (parentId !== undefined) subject.parent_id = parentId;
      else if (!invalid)
        fail(
          def.parent.key === 'subject' ? null : letter('parent.key'),
          parentDef.name,
          def.parent.key === 'subject'
            ? `${label} 还没有“${parentDef.name}”记录：请先导入或登记`
            : `“${parentDef.name}”中没有“${k}”：请先导入或登记`,
        );
    }
    if (invalid) continue;
    const key = keyColumns
      .map((c) =>
        String(
          (subject as Record<string, Scalar | undefined>)[c] ?? (c === 'person_id' ? '' : r.record[c]) ?? '',
        ),
      )
      .join('\u0001');
    const found = def.key.length > 0 ? existing.get(key) : undefined;
    if (def.key.length > 0) {
      const prev = seen.get(key);
      if (prev !== undefined) {
        issue(
          r.row,
          null,
          null,
          `与第 ${prev} 行是同一条“${def.name}”记录（${def.key.map((k) => (k === 'subject' ? '同一对象' : k === 'parent' ? '同一所属记录' : ledgerFieldLabel(def, k))).join('、')}相同）`,
        );
        continue;
      }
      seen.set(key, r.row);
    }
    // A blank cell never clears a value: the file's values go over the record's.
    const final = withDerived(def, { ...found?.values, ...r.record }, ctx);
    let ruleError = false;
    for (const i of checkLedgerValues(def, final)) {
      if (i.level === 'error') ruleError = true;
      if (i.field !== null && noColumn.has(i.field) && (final[i.field] ?? '') === '') {
        missingColumns.count(ledgerFieldLabel(def, i.field));
        continue;
      }
      issue(r.row, columnOf(i.field), i.field ? ledgerFieldLabel(def, i.field) : null, i.message, i.level);
    }
    if (ruleError) continue;
    const changes: FieldChange[] = found ? diffRows(found.values, final, fieldColumns) : [];
    if (!found) counts.created += 1;
    else if (changes.length > 0) counts.updated += 1;
    else counts.unchanged += 1;
    records.push({
      row: r.row,
      subject,
      values: final,
      existingId: found?.id ?? null,
      changes,
      householdId,
      label,
    });
  }
  missingColumns.report();
  const written = new Set(records.map((r) => r.row));
  const names = new Map<number, string>();
  for (const r of rows) {
    if (written.has(r.row)) continue;
    const name = r.link.name ?? r.link.head_name;
    if (typeof name === 'string') names.set(r.row, name);
  }
  return {
    ledgerId: def.id,
    records,
    issues,
    counts,
    account: accountRows(dataRows, written, issues, new Map(), names),
  };

  function placeCode(r: RowCells, optional: boolean): string | null {
    const { township, village, group } = r.place;
    if (village !== null) {
      const p = places.resolve(township, village, group, regionCode, titleTownship);
      if (!p.ok) {
        issue(r.row, letter('place.village'), '村', p.message, 'error', p.fix);
        r.invalid = true;
        return null;
      }
      if (p.newGroup)
        issue(r.row, letter('place.group'), '组', `组“${group}”不在区划中，记在村上`, 'warning');
      return p.groupCode ?? p.villageCode;
    }
    if (township !== null) {
      const t = places.township(township);
      if (!t.ok) {
        issue(r.row, letter('place.township'), '乡镇', t.message);
        r.invalid = true;
        return null;
      }
      return t.code;
    }
    return optional || regionCode !== null ? regionCode : null;
  }
}

function subjectKeyColumn(def: LedgerDef): string {
  switch (def.subject) {
    case 'person':
      return def.personOptional ? 'person_id_number' : 'person_id';
    case 'household':
      return 'household_id';
    default:
      return 'region_code';
  }
}
