// What an import would do, computed against the ledger before anything is written: households and
// persons new / changed (with the fields) / unchanged, and the ledger rules (an ID already in another
// household is a conflict naming both places). The same plan is recomputed inside the commit.
// The plan is what "跳过有错误的行" writes: rows with errors are never written, and a household whose
// 户主 row or household-level value is refused is held back whole; every such row is listed with why
// (`account`), so the preview's numbers are the result's.
import { HOUSEHOLD_ENTRY_FIELDS, PERSON_ENTRY_FIELDS } from '../../../shared/fields/entry-fields.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { HouseholdRow, PersonRow } from '../db/tables.ts';
import { placeOf } from '../households/household-read.ts';
import { conflictMessage, sameHolderIds } from '../persons/id-registry.ts';
import { idPersonKey } from '../../../shared/id-number.ts';
import type { ImportIssue, ParsedHousehold, ParsedPerson, Values } from './import-types.ts';
import { memberRuleIssues } from './parse-rows.ts';
import { accountRows, type RowAccount } from './row-accounting.ts';

export interface FieldChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

/**
 * What the commit and the preview need of a registered person: the whole row is read for the comparison
 * only (kept for 400,000 persons it was ~200 MB of a re-import's memory).
 */
export type KnownPerson = Pick<PersonRow, 'id' | 'name' | 'household_id' | 'status' | 'relation' | 'sex'>;

export interface PersonPlan {
  parsed: ParsedPerson;
  existing: KnownPerson | null;
  /** Fields that differ from the ledger's row; empty for a new or unchanged person. */
  changes: readonly FieldChange[];
  /** Not written: an error in its row (parsing or ledger rules). */
  invalid: boolean;
}

export interface HouseholdPlan {
  parsed: ParsedHousehold;
  existing: HouseholdRow | null;
  /** Fields that differ from the ledger's row; empty for a new household. */
  changes: FieldChange[];
  persons: PersonPlan[];
  /** Not written at all: a household-level error, its 户主 row refused, or nothing valid left in it. */
  skip: boolean;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  households: HouseholdPlan[];
  issues: ImportIssue[];
  counts: { households: Counts; persons: Counts };
  newGroups: string[];
  /** Each data row written or listed with why. */
  account: RowAccount;
}

type LedgerMember = { name: string; relation: string; sex: string; id_number: string };

const HOUSEHOLD_COLUMNS = HOUSEHOLD_ENTRY_FIELDS.map((f) => f.column);
const PERSON_COLUMNS = PERSON_ENTRY_FIELDS.map((f) => f.column);

/**
 * Fields given in the file that differ from the row (a blank cell never clears a value). A new row has
 * none: it is written whole, and nothing reads the changes of new rows (a 400,000-person first import
 * would otherwise keep about 8 million change entries).
 */
function diff(
  existing: Record<string, unknown> | null | undefined,
  values: Values,
  columns: readonly string[],
): readonly FieldChange[] {
  // Not found is `undefined` from a prepared statement's get(): both mean new.
  if (existing == null) return NO_CHANGES;
  let out: FieldChange[] | null = null;
  for (const c of columns) {
    if (!(c in values)) continue;
    const before = (existing[c] ?? null) as string | number | null;
    const after = values[c] ?? null;
    if (before !== after) (out ??= []).push({ field: c, before, after });
  }
  return out ?? NO_CHANGES;
}

/** The changes of every new or unchanged row: one shared empty list, not 400,000 of them. */
const NO_CHANGES: readonly FieldChange[] = Object.freeze([]);

export function planImport(
  ledger: Ledger,
  sheet: string,
  parsed: ParsedHousehold[],
  fileIssues: ImportIssue[],
  /** Every data row's number (a sheet refused as a whole parses into no households). */
  dataRows: readonly number[],
): ImportPlan {
  const prepare = (sql: string) => ledger.prepare(sql);
  const byNoStmt = prepare('SELECT * FROM households WHERE household_no = ?');
  const byIdStmt = prepare('SELECT * FROM persons WHERE id_number = ?');
  // Most rows of a big import are new: find the few keys the ledger already has in batches, and look
  // up whole rows only for those.
  const knownIds = existingKeys(ledger, 'persons', 'id_number', () =>
    parsed.flatMap((h) => h.persons.map((p) => p.values.id_number)),
  );
  const knownNos = existingKeys(ledger, 'households', 'household_no', () => parsed.map((h) => h.householdNo));
  const byId = { get: (id: unknown) => (knownIds.has(String(id)) ? byIdStmt.get(id) : undefined) };
  const byNo = { get: (no: string) => (knownNos.has(no) ? byNoStmt.get(no) : undefined) };
  // A registered person under another number of the same person (身份证号 vs 残疾人证号).
  const holders = sameHolderIds(ledger, () =>
    parsed.flatMap((h) => h.persons.map((p) => p.values.id_number)),
  );
  const householdById = prepare('SELECT * FROM households WHERE id = ?');
  const members = prepare(
    `SELECT id, name, relation, sex, id_number FROM persons WHERE household_id = ? AND status = 'active'`,
  );
  const issues = [...fileIssues];
  const issue = (row: number, column: string | null, field: string | null, message: string) =>
    issues.push({ sheet, row, column, field, message, level: 'error' });
  const counts = {
    households: { created: 0, updated: 0, unchanged: 0 },
    persons: { created: 0, updated: 0, unchanged: 0 },
  };
  const newGroups = new Set<string>();
  const plans: HouseholdPlan[] = [];
  /** Valid rows held back with their household, and why. */
  const held = new Map<number, string>();
  const written = new Set<number>();

  for (const h of parsed) {
    let existing = (h.householdNo ? byNo.get(h.householdNo) : undefined) as HouseholdRow | undefined;
    const personPlans: PersonPlan[] = [];
    let householdInvalid = h.invalid;
    let problem = h.problem;
    for (const p of h.persons) {
      let invalid = p.invalid;
      const id = p.values.id_number;
      const found = typeof id === 'string' ? (byId.get(id) as PersonRow | undefined) : undefined;
      const holder = !found && typeof id === 'string' ? holders.get(idPersonKey(id)) : undefined;
      if (holder && typeof id === 'string') {
        issue(p.row, p.columns['person.id_number'] ?? null, '证件号码', conflictMessage(id, holder, true));
        invalid = true;
      }
      // Without a 户编号 the household is the one its members already belong to.
      if (found && !existing && !h.householdNo)
        existing = householdById.get(found.household_id) as HouseholdRow | undefined;
      if (found && existing && found.household_id !== existing.id) {
        const other = householdById.get(found.household_id) as HouseholdRow;
        const there = placeOf(ledger, other);
        issue(
          p.row,
          p.columns['person.id_number'] ?? null,
          '证件号码',
          `证件号码 ${maskIdNumber(String(id))} 已登记在 ${there.townshipName}${there.villageName} 户编号 ${other.household_no}（${found.name}），文件中却在户编号 ${existing.household_no}：请核对后再导入`,
        );
        invalid = true;
      } else if (found && !existing) {
        const other = householdById.get(found.household_id) as HouseholdRow;
        const there = placeOf(ledger, other);
        issue(
          p.row,
          p.columns['person.id_number'] ?? null,
          '证件号码',
          `证件号码 ${maskIdNumber(String(id))} 已登记在 ${there.townshipName}${there.villageName} 户编号 ${other.household_no}（${found.name}），文件中却是新户 ${h.householdNo ?? ''}`.trim(),
        );
        invalid = true;
      }
      if (found?.status === 'cancelled' && !invalid) {
        issue(
          p.row,
          p.columns['person.id_number'] ?? null,
          '证件号码',
          `${found.name} 在台账中已注销；如需恢复，请在户籍台账中恢复后再导入`,
        );
        invalid = true;
      }
      personPlans.push({
        parsed: p,
        invalid,
        existing: found
          ? {
              id: found.id,
              name: found.name,
              household_id: found.household_id,
              status: found.status,
              relation: found.relation,
              sex: found.sex,
            }
          : null,
        changes: diff(found as unknown as Record<string, unknown> | undefined, p.values, PERSON_COLUMNS),
      });
    }
    if (existing?.status === 'cancelled') {
      const message = `户编号 ${existing.household_no} 在台账中已注销`;
      issue(h.firstRow, null, '户编号', message);
      householdInvalid = true;
      problem ??= { row: h.firstRow, message };
    }
    // The household's members after the import: those in the ledger not in the file, plus the file's.
    // Rows with errors count here too (their household is judged as the file shows it); a refused 户主
    // row then holds the household back below.
    let kept: LedgerMember[] = [];
    if (existing) {
      const fileIds = new Set(personPlans.map((pp) => pp.parsed.values.id_number));
      kept = (members.all(existing.id) as LedgerMember[]).filter((m) => !fileIds.has(m.id_number));
    }
    const incoming = personPlans.map((pp) => ({
      name: String(pp.parsed.values.name ?? pp.existing?.name ?? ''),
      relation: String(pp.parsed.values.relation ?? pp.existing?.relation ?? ''),
      sex: String(pp.parsed.values.sex ?? pp.existing?.sex ?? ''),
    }));
    // Grouped by 户主 rows, a first row whose 与户主关系 cannot be read started this new household
    // (parseRows): its head is unknown, so the household waits, and "本户没有户主" would only repeat that.
    const lead = personPlans[0];
    const unknownHead =
      !existing &&
      h.householdNo === null &&
      lead?.invalid === true &&
      lead.parsed.values.relation === undefined
        ? lead
        : undefined;
    const memberIssues = unknownHead ? [] : memberRuleIssues(sheet, h, [...kept, ...incoming]);
    if (memberIssues.length > 0) {
      issues.push(...memberIssues);
      householdInvalid = true;
      problem ??= { row: h.firstRow, message: memberIssues[0]?.message ?? '' };
    }
    const changes = [
      ...diff(existing as unknown as Record<string, unknown> | undefined, h.values, HOUSEHOLD_COLUMNS),
    ];
    if (
      existing &&
      (h.villageCode !== existing.village_code ||
        (h.groupCode !== null && h.groupCode !== existing.group_code))
    ) {
      if (h.villageCode !== null)
        changes.push({ field: 'village_code', before: existing.village_code, after: h.villageCode });
    }
    const refusedHead =
      personPlans.find((pp) => pp.invalid && pp.parsed.values.relation === '01') ?? unknownHead;
    const skip = householdInvalid || refusedHead !== undefined || personPlans.every((pp) => pp.invalid);
    if (skip) {
      const others = personPlans.length - 1;
      const reason = refusedHead
        ? refusedHead === unknownHead
          ? `第 ${refusedHead.parsed.row} 行有错误，看不出与户主的关系，其后同户的 ${others} 人暂未导入`
          : `同户第 ${refusedHead.parsed.row} 行（户主）有错误，本户其余 ${others} 人暂未导入`
        : problem
          ? `本户有错误（第 ${problem.row} 行：${problem.message}），本户 ${personPlans.length} 人均暂未导入`
          : null;
      if (reason !== null) for (const pp of personPlans) held.set(pp.parsed.row, reason);
    }
    plans.push({ parsed: h, existing: existing ?? null, changes, persons: personPlans, skip });
  }

  for (const p of plans) {
    const usable = !p.skip;
    if (!usable) continue;
    if (p.parsed.newGroup) newGroups.add(`${p.parsed.villageCode}|${p.parsed.newGroup}`);
    const k = p.existing === null ? 'created' : p.changes.length > 0 ? 'updated' : 'unchanged';
    counts.households[k] += 1;
    for (const pp of p.persons) {
      if (pp.invalid) continue;
      const pk = pp.existing === null ? 'created' : pp.changes.length > 0 ? 'updated' : 'unchanged';
      counts.persons[pk] += 1;
      written.add(pp.parsed.row);
    }
  }
  // 姓名 of the rows not written only (a big import writes nearly all of its rows).
  const names = new Map<number, string>();
  for (const h of plans)
    for (const pp of h.persons)
      if ((h.skip || pp.invalid) && typeof pp.parsed.values.name === 'string')
        names.set(pp.parsed.row, pp.parsed.values.name);
  const account = accountRows(dataRows, written, issues, held, names);
  return { households: plans, issues, counts, newGroups: [...newGroups], account };
}

const KEY_BATCH = 500;

function existingKeys(
  ledger: Ledger,
  table: 'persons' | 'households',
  column: string,
  values: () => readonly unknown[],
): Set<string> {
  const found = new Set<string>();
  // The first import into a new ledger has nothing to look up (nor to list the keys for).
  if (ledger.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined) return found;
  const keys = [...new Set(values().filter((v): v is string => typeof v === 'string'))];
  for (let i = 0; i < keys.length; i += KEY_BATCH) {
    const chunk = keys.slice(i, i + KEY_BATCH);
    const rows = ledger
      .prepare(`SELECT ${column} FROM ${table} WHERE ${column} IN (${chunk.map(() => '?').join(', ')})`)
      .pluck()
      .all(...chunk) as string[];
    for (const r of rows) found.add(r);
  }
  return found;
}

export const hasBlockingErrors = (plan: ImportPlan): boolean => plan.issues.some((i) => i.level === 'error');
