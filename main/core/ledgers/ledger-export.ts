// 导出 of a ledger's current view (its filters, search and region) as a 花名册 (exports/roster-sheet.ts):
// the subject's columns (姓名, 证件号码, 户编号, 乡镇村组), every field with code labels, the rollups.
// Full 证件号码/电话 unless masked; more than 100 full IDs only when confirmed (exports/export-guard.ts).
import type { LedgerDef, LedgerField } from '../../../shared/ledgers/define.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { checkFullIds, type ExportSafety } from '../exports/export-guard.ts';
import { rosterTitle } from '../exports/register-roster.ts';
import { inChunks, rosterCell, writeRoster, type RosterColumn } from '../exports/roster-sheet.ts';
import { placeNamer, recordWhere, type RecordQuery } from './record-read.ts';
import { requireLedger } from './record-sql.ts';

const TEXT = (header: string): RosterColumn => ({ header, kind: 'text' });
const ID = (header: string): RosterColumn => ({ header, kind: 'id-number' });

function subjectColumns(def: LedgerDef): RosterColumn[] {
  const parent = def.parent && def.parent.key !== 'subject' ? [TEXT('所属记录')] : [];
  switch (def.subject) {
    case 'person':
      return [TEXT('姓名'), ID('证件号码'), TEXT('户编号'), TEXT('乡镇村组'), ...parent];
    case 'household':
      return [TEXT('户编号'), TEXT('户主姓名'), ID('户主证件号码'), TEXT('乡镇村组'), ...parent];
    default:
      return [TEXT('乡镇村组'), TEXT('户编号'), TEXT('户主姓名'), ...parent];
  }
}

const fieldColumn = (f: LedgerField): RosterColumn => ({
  header: f.label,
  kind: f.type,
  ...(f.codeTable ? { codeTable: f.codeTable } : {}),
});

type Row = Record<string, string | number | null>;

export async function exportRecords(
  ledger: Ledger,
  q: RecordQuery,
  path: string,
  safety: ExportSafety,
): Promise<{ rows: number; fullIds: number; def: LedgerDef }> {
  const def = requireLedger(q.ledgerId);
  const w = recordWhere(ledger, def, q);
  const place = placeNamer(ledger);
  const fields = def.fields.map(fieldColumn);
  const rollups = def.rollups ?? [];
  const subject = subjectColumns(def);
  const columns = [
    ...subject,
    ...fields,
    ...rollups.map((r): RosterColumn => ({ header: r.label, kind: 'decimal' })),
  ];
  // The matching ids in order (with whether the subject has an ID number, for the confirmation) first,
  // then the rows a chunk at a time.
  const matched = ledger.sqlite
    .prepare(`SELECT r.id, ${w.sql.subject} FROM ${w.sql.from} WHERE ${w.scanWhere} ORDER BY ${w.order}`)
    .all(...w.params) as Row[];
  const idsCarried = def.subject === 'person' || def.subject === 'household';
  // Persons, not rows: a person with twelve 走访 records is one person's ID in the file.
  const fullIds =
    safety.masked || !idsCarried
      ? 0
      : new Set(matched.map((r) => r.s_id_number).filter((v) => v !== null && v !== '')).size;
  checkFullIds(fullIds, safety);
  const ids = matched.map((r) => Number(r.id));
  const chunk = ledger.sqlite.prepare(
    `SELECT r.*, ${w.sql.subject}${w.sql.rollups} FROM ${w.sql.from} WHERE r.id IN (SELECT value FROM json_each(?))`,
  );
  const cell = (c: RosterColumn, v: unknown) => rosterCell(c, v, safety.masked);
  const rows = await writeRoster(
    path,
    {
      title: rosterTitle(ledger, q.regionCode, def.name),
      sheetName: def.name,
      columns,
      exportedAt: new Date(),
      ...(safety.masked ? { note: '（已脱敏）' } : {}),
    },
    (add) =>
      inChunks(ids, (part) => {
        const byId = new Map((chunk.all(JSON.stringify(part)) as Row[]).map((r) => [Number(r.id), r]));
        for (const id of part) {
          const row = byId.get(id);
          if (!row) continue;
          const where = place((row.s_region_code as string | null | undefined) ?? null) || null;
          const parent = def.parent && def.parent.key !== 'subject' ? [row.s_parent_label] : [];
          const values =
            def.subject === 'person'
              ? [row.s_name, row.s_id_number, row.s_household_no, where, ...parent]
              : def.subject === 'household'
                ? [row.s_household_no, row.s_name, row.s_id_number, where, ...parent]
                : [where, row.s_household_no, row.s_name, ...parent];
          add([
            ...values.map((v, i) => cell(subject[i]!, v)),
            ...def.fields.map((f, i) => cell(fields[i]!, row[f.column])),
            ...rollups.map((r) => Number(row[`rollup_${r.column}`] ?? 0)),
          ]);
        }
      }),
  );
  return { rows, fullIds, def };
}
