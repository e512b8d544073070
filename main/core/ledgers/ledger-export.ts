// 导出 of a ledger's current view (its filters, search and region) as .xlsx for the county: a title row,
// the header, one row per record with code labels, full 证件号码/电话 (the county needs them) written as
// text cells — inline strings, so nothing a clerk typed can become a formula. Streams: memory stays flat.
import { CODE_TABLES, codeLabel, MULTI_SEPARATOR } from '../../../shared/code-tables/index.ts';
import type { LedgerDef, LedgerField } from '../../../shared/ledgers/define.ts';
import type { Ledger } from '../db/open-ledger.ts';
import {
  createWorkbookWriter,
  dateCell,
  safeSheetName,
  textCell,
  type CellValue,
} from '../xlsx-write/index.ts';
import { placeNamer, recordWhere, type RecordQuery } from './record-read.ts';
import { requireLedger } from './record-sql.ts';

const EXPORT_CHUNK = 2000;
const HEADER = { bold: true, fill: 'FFD9D9D9', border: 'thin', align: 'center', wrap: true } as const;

function cellOf(f: LedgerField, v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (f.type) {
    case 'bool':
      return v === 1 ? '是' : '否';
    case 'code':
    case 'codes': {
      const table = f.codeTable ? CODE_TABLES[f.codeTable as keyof typeof CODE_TABLES] : undefined;
      const text = String(v)
        .split(MULTI_SEPARATOR)
        .map((c) => (table ? codeLabel(table, c) : c))
        .join('、');
      return textCell(text);
    }
    case 'date':
      return dateCell(String(v));
    case 'int':
    case 'year':
    case 'decimal':
      return typeof v === 'number' ? v : textCell(String(v));
    default:
      return textCell(String(v));
  }
}

function subjectHeaders(def: LedgerDef): string[] {
  const parent = def.parent && def.parent.key !== 'subject' ? ['所属记录'] : [];
  switch (def.subject) {
    case 'person':
      return ['姓名', '证件号码', '户编号', '乡镇村组', ...parent];
    case 'household':
      return ['户编号', '户主姓名', '户主证件号码', '乡镇村组', ...parent];
    default:
      return ['乡镇村组', '户编号', '户主姓名', ...parent];
  }
}

export async function exportRecords(
  ledger: Ledger,
  q: RecordQuery,
  path: string,
  county: string,
): Promise<{ rows: number; def: LedgerDef }> {
  const def = requireLedger(q.ledgerId);
  const w = recordWhere(ledger, def, q);
  const place = placeNamer(ledger);
  const fields = def.fields;
  const rollups = def.rollups ?? [];
  const headers = [
    '序号',
    ...subjectHeaders(def),
    ...fields.map((f) => f.label),
    ...rollups.map((r) => r.label),
  ];
  const book = createWorkbookWriter(path);
  let n = 0;
  try {
    const sheet = book.addSheet({
      name: safeSheetName(def.name),
      freeze: { rows: 2 },
      columns: headers.map((h) => ({ width: Math.min(30, Math.max(8, h.length * 2 + 2)) })),
      merges: [{ from: { row: 0, col: 0 }, to: { row: 0, col: headers.length - 1 } }],
      printTitleRows: { from: 1, to: 1 },
      landscape: true,
    });
    sheet.addRow([textCell(`${county}${def.name}台账`, { bold: true, fontSize: 14, align: 'center' })], {
      height: 24,
    });
    sheet.addRow(headers.map((h) => textCell(h, HEADER)));
    // The matching ids in order first, then the rows a chunk at a time with a pause between chunks: a
    // county-wide export (400,000 rows) must not hold the one thread that answers the UI for seconds.
    const ids = ledger.sqlite
      .prepare(`SELECT r.id FROM ${w.sql.from} WHERE ${w.where} ORDER BY ${w.order}`)
      .pluck()
      .all(...w.params) as number[];
    const chunk = ledger.sqlite.prepare(
      `SELECT r.*, ${w.sql.subject}${w.sql.rollups} FROM ${w.sql.from} WHERE r.id IN (SELECT value FROM json_each(?))`,
    );
    for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const part = ids.slice(start, start + EXPORT_CHUNK);
      const byId = new Map(
        (chunk.all(JSON.stringify(part)) as Array<Record<string, string | number | null>>).map((r) => [
          Number(r.id),
          r,
        ]),
      );
      for (const id of part) {
        const row = byId.get(id);
        if (!row) continue;
        n += 1;
        const text = (v: unknown) => (v === null || v === undefined ? null : textCell(String(v)));
        const where = text(place((row.s_region_code as string | null) ?? null));
        const parent = def.parent && def.parent.key !== 'subject' ? [text(row.s_parent_label)] : [];
        const subject =
          def.subject === 'person'
            ? [text(row.s_name), text(row.s_id_number), text(row.s_household_no), where, ...parent]
            : def.subject === 'household'
              ? [text(row.s_household_no), text(row.s_name), text(row.s_id_number), where, ...parent]
              : [where, text(row.s_household_no), text(row.s_name), ...parent];
        sheet.addRow([
          n,
          ...subject,
          ...fields.map((f) => cellOf(f, row[f.column])),
          ...rollups.map((r) => Number(row[`rollup_${r.column}`] ?? 0)),
        ]);
      }
    }
    sheet.end();
    await book.close();
  } catch (e) {
    await book.abort();
    throw e;
  }
  return { rows: n, def };
}
