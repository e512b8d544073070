// Writes a plan in ONE transaction as one import batch: groups it needs, households and persons
// upserted by their natural keys (户编号, 证件号码), unchanged rows not rewritten, every change in the
// audit log pointing at the batch. Any error rolls everything back.
import { HOUSEHOLD_ENTRY_FIELDS, PERSON_ENTRY_FIELDS } from '../../../shared/fields/entry-fields.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { auditImport } from '../audit/batch-audit.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { refreshHousehold } from '../households/derived.ts';
import { nextHouseholdNo } from '../households/household-number.ts';
import { dataYear, requireOperator } from '../ledger/operator.ts';
import { withSearchIndexPaused } from '../persons/search-index.ts';
import { insertGroup } from '../regions/region-edit.ts';
import { findRegion, type RegionNode } from '../regions/region-tree.ts';
import { withIndexesDeferred } from './deferred-indexes.ts';
import type { ImportPlan } from './plan-import.ts';
import { batchRowSummary } from './row-accounting.ts';

const HOUSEHOLD_COLUMNS = HOUSEHOLD_ENTRY_FIELDS.map((f) => f.column) as readonly string[];
const PERSON_COLUMNS = PERSON_ENTRY_FIELDS.map((f) => f.column) as readonly string[];
/** Where 证件类型 goes among a new person's parameters (after household_id): the number's kind fills it. */
const ID_TYPE_PARAM = 1 + PERSON_COLUMNS.indexOf('id_type');
if (ID_TYPE_PARAM === 0) throw new Error('PERSON_ENTRY_FIELDS has no id_type');

export interface BatchInfo {
  fileName: string;
  sha256: string;
  sheet: string;
  mapping: unknown;
  /** Who imports; defaults to the ledger's operator (the CLI passes its own). */
  operator?: string;
}

export interface CommitResult {
  batchId: number;
  counts: ImportPlan['counts'];
}

export function commitPlan(ledger: Ledger, plan: ImportPlan, batch: BatchInfo): CommitResult {
  const operator = batch.operator ?? requireOperator(ledger);
  const db = ledger.sqlite;
  const prepare = (sql: string) => ledger.prepare(sql);
  const now = nowIso();
  const year = dataYear(ledger);
  return db.transaction(() => {
    const batchId = Number(
      prepare(
        `INSERT INTO import_batches (kind, file_name, sha256, sheet, operator, summary, mapping, created_at) VALUES ('import', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        batch.fileName,
        batch.sha256,
        batch.sheet,
        operator,
        JSON.stringify({ ...plan.counts, ...batchRowSummary(plan.account) }),
        JSON.stringify(batch.mapping),
        now,
      ).lastInsertRowid,
    );
    // 组 named in the file that the village does not have yet.
    const groupCodes = new Map<string, string>();
    for (const key of plan.newGroups) {
      const [villageCode = '', name = ''] = key.split('|');
      const code = insertGroup(ledger, {
        village: findRegion(ledger, villageCode),
        name,
        origin: 'import',
        operator,
        batchId,
        at: now,
      });
      groupCodes.set(key, code);
    }

    const insertHousehold = prepare(
      `INSERT INTO households (household_no, township_code, village_code, group_code, ${HOUSEHOLD_COLUMNS.join(', ')}, member_count, head_name, head_id_number, year, origin, batch_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ${HOUSEHOLD_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?, 'import', ?, ?, ?)`,
    );
    const insertPerson = prepare(
      `INSERT INTO persons (household_id, ${PERSON_COLUMNS.join(', ')}, id_flagged, year, origin, batch_id, created_at, updated_at)
       VALUES (?, ${PERSON_COLUMNS.map(() => '?').join(', ')}, ?, ?, 'import', ?, ?, ?)`,
    );
    // One parameter array for every new person, filled in place, instead of a fresh array of ~25 values
    // and a spread for each of 400,000 rows (not measured apart from migration 0017's indexes).
    const personParams: unknown[] = new Array<unknown>(PERSON_COLUMNS.length + 6);
    const touched = new Set<number>();
    // The rows this batch creates, for its audit entry (ascending: each insert takes the next id).
    const createdIds = { households: [] as number[], persons: [] as number[] };
    // A county has a few hundred villages and a load 100,000 households: look each village up once.
    const villages = new Map<string, RegionNode>();
    const villageOf = (code: string) => {
      let v = villages.get(code);
      if (!v) villages.set(code, (v = findRegion(ledger, code)));
      return v;
    };

    const rows = () => {
      for (const hp of plan.households) {
        if (hp.skip) continue;
        const h = hp.parsed;
        const groupCode = h.newGroup
          ? (groupCodes.get(`${h.villageCode}|${h.newGroup}`) ?? null)
          : h.groupCode;
        let householdId: number;
        if (hp.existing === null) {
          const village = villageOf(h.villageCode ?? '');
          const no = h.householdNo ?? nextHouseholdNo(ledger, village.code);
          // A new household's derived values come from its rows here, instead of a refresh query each.
          const members = hp.persons.filter((pp) => !pp.invalid);
          const head = members.find((pp) => pp.parsed.values.relation === '01')?.parsed.values;
          householdId = Number(
            insertHousehold.run(
              no,
              village.parentCode,
              village.code,
              groupCode,
              ...HOUSEHOLD_COLUMNS.map((c) => h.values[c] ?? null),
              members.length,
              head?.name ?? null,
              head?.id_number ?? null,
              year,
              batchId,
              now,
              now,
            ).lastInsertRowid,
          );
          createdIds.households.push(householdId);
          // Rows an import creates carry origin 'import' and its batch id: the history shows them from
          // there, so a 400,000-row import does not also write 400,000 audit entries.
        } else {
          householdId = hp.existing.id;
          if (hp.changes.length > 0) {
            const sets = hp.changes.map((c) =>
              c.field === 'village_code'
                ? 'village_code = ?, township_code = ?, group_code = ?'
                : `${c.field} = ?`,
            );
            const values = hp.changes.flatMap((c) =>
              c.field === 'village_code'
                ? [c.after, villageOf(String(c.after)).parentCode, groupCode]
                : [c.after],
            );
            prepare(`UPDATE households SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(
              ...values,
              now,
              householdId,
            );
            writeAudit(ledger, {
              operator,
              action: 'update',
              entity: 'household',
              entityId: householdId,
              householdId,
              label: hp.existing.household_no,
              changes: hp.changes,
              batchId,
              at: now,
            });
          }
        }
        if (hp.existing !== null) touched.add(householdId);
        for (const pp of hp.persons) {
          if (pp.invalid) continue;
          const v = pp.parsed.values;
          if (pp.existing === null) {
            // The number was parsed once while reading the file (ParsedPerson.idKind).
            const flagged = pp.parsed.idFlagged ? 1 : 0;
            const kind = pp.parsed.idKind;
            const idType =
              v.id_type ?? (kind === 'disability-card' ? '09' : kind === 'placeholder' ? '99' : '01');
            personParams[0] = householdId;
            for (let c = 0; c < PERSON_COLUMNS.length; c += 1)
              personParams[c + 1] = v[PERSON_COLUMNS[c] as string] ?? null;
            personParams[ID_TYPE_PARAM] = idType;
            const n = PERSON_COLUMNS.length;
            personParams[n + 1] = flagged;
            personParams[n + 2] = year;
            personParams[n + 3] = batchId;
            personParams[n + 4] = now;
            personParams[n + 5] = now;
            createdIds.persons.push(Number(insertPerson.run(personParams).lastInsertRowid));
          } else if (pp.changes.length > 0) {
            prepare(
              `UPDATE persons SET ${pp.changes.map((c) => `${c.field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
            ).run(...pp.changes.map((c) => c.after), now, pp.existing.id);
            writeAudit(ledger, {
              operator,
              action: 'update',
              entity: 'person',
              entityId: pp.existing.id,
              householdId,
              label: pp.existing.name,
              changes: pp.changes,
              batchId,
              at: now,
            });
          }
        }
      }
    };
    // The trigram fill runs inside the deferred span too (its smaller cache; indexes built last).
    withIndexesDeferred(ledger, plan.counts.persons.created, () => withSearchIndexPaused(ledger, rows));
    for (const id of touched) refreshHousehold(ledger, id);
    auditImport(ledger, {
      batchId,
      operator,
      fileName: batch.fileName,
      sha256: batch.sha256,
      at: now,
      tables: ['households', 'persons'],
      createdIds,
      label: `导入 ${batch.fileName ?? ''}`.trim(),
    });
    return { batchId, counts: plan.counts };
  })();
}
