// The whole import short of writing: read the sheet, find the header, fill merged cells, map columns
// (a saved template first), parse and plan against the ledger. Runs in the import worker (and inline in
// the CLI); the result stays there while the clerk adjusts the mapping, then commits.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  autoMapColumns,
  headerSignature,
  takesSeveralColumns,
  type ColumnMapping,
  type SourceColumn,
} from '../../../shared/import/map-columns.ts';
import { constantsProblem, type ImportConstants } from '../../../shared/import/constants.ts';
import { targetsFor } from '../../../shared/import/ledger-targets.ts';
import { LedgerError } from '../../../shared/result.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { ImportIssue, ImportTable } from './import-types.ts';
import { parseRows, type ParseResult } from './parse-rows.ts';
import { PlaceResolver } from './place-resolver.ts';
import { commitPlan, type CommitResult } from './commit-import.ts';
import { withBulkCache } from '../db/bulk.ts';
import { commitLedgerPlan } from '../ledgers/import/ledger-commit.ts';
import { planLedgerImport, type LedgerPlan } from '../ledgers/import/ledger-plan.ts';
import { deriveContext } from '../ledgers/ledger-context.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { getRegionCatalog, type RegionCatalog } from '../regions/catalog.ts';
import { dataVersion } from '../db/data-version.ts';
import { hasBlockingErrors, planImport, type Counts, type ImportPlan } from './plan-import.ts';
import { nothingWrittenReason, type RowAccount } from './row-accounting.ts';
import { fillAndClassify } from './read/fill-and-classify.ts';
import { HeaderNotFoundError } from './read/locate-header.ts';
import { listSheets, ReadError, type ReadOptions, type SheetInfo } from './read/index.ts';
import { readChosenSheet } from './choose-sheet.ts';

export interface Analysis {
  file: string;
  fileName: string;
  sha256: string;
  sheet: string;
  sheets: SheetInfo[];
  title: string | null;
  columns: SourceColumn[];
  mapping: ColumnMapping[];
  /** 整列填同一个值: target key → the value every row gets. */
  constants: ImportConstants;
  templateUsed: string | null;
  /** The village or group rows without place columns go to (chosen, or read from the title). */
  regionCode: string | null;
  /** What the clerk chose (null: let the title decide again after a remap). */
  chosenRegion: string | null;
  table: ImportTable;
  /** Rows parsed into households (kept so the commit re-plans without re-parsing). */
  parsed: ParseResult;
  plan: ImportPlan;
  /** The ledger's data version when `plan` was made: the commit reuses it if nothing changed since. */
  planVersion: string;
  /** A thematic ledger's id when the file goes there (then `ledgerPlan` holds the plan, `plan` only its issues). */
  into: string | null;
  ledgerPlan: LedgerPlan | null;
  /** The official catalogue (ledger imports derive 务工地 codes from it). */
  catalog: () => RegionCatalog;
}

export interface AnalyzeOptions extends ReadOptions {
  sheet?: string | null;
  regionCode?: string | null;
  /** A saved template by name, instead of the one matching the header signature. */
  templateName?: string | null;
  /** Display name when `file` is a temporary copy (uploads). */
  fileName?: string;
  /** A thematic ledger's id (shared/ledgers); absent or null: the household register. */
  into?: string | null;
  /** The region extract for 务工地 codes when it is not beside the code (the Electron bundle). */
  regionDataPath?: string;
  /** 整列填同一个值 by target key (the CLI's --set); over a template's. */
  constants?: ImportConstants;
}

const knownHeaders = (into: string | null) => targetsFor(into).flatMap((t) => [t.label, ...t.aliases]);
/** Templates are per destination: the same header means different things in different ledgers. */
const signatureOf = (into: string | null, columns: readonly SourceColumn[]) =>
  into === null ? headerSignature(columns) : `${into}|${headerSignature(columns)}`;

function sha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

interface TemplateRow {
  name: string;
  mapping: string;
}

/** A template as stored: header → target, plus (since whole-column values) the values given. */
interface StoredTemplate {
  v: 2;
  columns: Record<string, string | null>;
  constants: ImportConstants;
}

/** Older templates are the bare header → target object (its values are never numbers, so `v` tells). */
function readTemplate(row: TemplateRow): {
  columns: Record<string, string | null>;
  constants: ImportConstants;
} {
  const parsed = JSON.parse(row.mapping) as Record<string, string | null> | StoredTemplate;
  return typeof parsed.v === 'number'
    ? { columns: (parsed as StoredTemplate).columns, constants: (parsed as StoredTemplate).constants }
    : { columns: parsed as Record<string, string | null>, constants: {} };
}

/** Checks whole-column values; a column feeding the same target is no longer imported (the value wins). */
function withConstants(mapping: ColumnMapping[], into: string | null, constants: ImportConstants) {
  const problem = constantsProblem(into, constants);
  if (problem !== null) throw new LedgerError('validation', problem);
  return mapping.map((m) =>
    m.target !== null && Object.hasOwn(constants, m.target) ? { ...m, target: null, confidence: 0 } : m,
  );
}

function findTemplate(
  ledger: Ledger,
  signature: string,
  name: string | null | undefined,
): TemplateRow | null {
  const row = name
    ? ledger.sqlite
        .prepare('SELECT name, mapping FROM import_templates WHERE name = ? ORDER BY used_at DESC LIMIT 1')
        .get(name)
    : ledger.sqlite.prepare('SELECT name, mapping FROM import_templates WHERE signature = ?').get(signature);
  if (!row && name) throw new LedgerError('not-found', `没有名为“${name}”的导入模板。`);
  return (row as TemplateRow | undefined) ?? null;
}

/** Reads and analyses a file. ReadError / HeaderNotFoundError become LedgerErrors with their Chinese message. */
export async function analyzeFile(
  ledger: Ledger,
  file: string,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const into = options.into ?? null;
  if (into !== null) requireLedger(into);
  try {
    const sheets = await listSheets(file, options);
    const { table, columns, rowsRead } = await readTable(file, sheets, into, options);
    const template = findTemplate(ledger, signatureOf(into, columns), options.templateName);
    const saved = template ? readTemplate(template) : null;
    // A template's value the ledger no longer takes (a field or code since changed) is left out.
    const kept = Object.entries(saved?.constants ?? {}).filter(
      ([k, v]) => constantsProblem(into, { [k]: v }) === null,
    );
    const constants = { ...Object.fromEntries(kept), ...options.constants };
    const mapping = withConstants(autoMapColumns(columns, saved?.columns, targetsFor(into)), into, constants);
    const base = {
      file,
      fileName: table.fileName,
      sha256: sha256(file),
      sheet: table.sheet,
      sheets,
      title: table.title,
      columns,
      constants,
      templateUsed: template?.name ?? null,
      table,
      into,
    };
    options.onProgress?.({ phase: 'validate', rowsRead, percent: null });
    const chosenRegion = options.regionCode ?? null;
    const catalog = () => getRegionCatalog(options.regionDataPath);
    return {
      ...base,
      chosenRegion,
      catalog,
      ...plan(ledger, table, mapping, constants, chosenRegion, into, catalog),
    };
  } catch (e) {
    if (e instanceof ReadError)
      throw new LedgerError(e.code === 'cancelled' ? 'cancelled' : 'validation', e.message, {
        readError: e.code,
      });
    if (e instanceof HeaderNotFoundError) throw new LedgerError('validation', e.message);
    throw e;
  }
}

/**
 * The chosen sheet's data rows as an ImportTable (the kept rows of the reader's column store,
 * table-rows.ts) and its named columns.
 */
async function readTable(
  file: string,
  sheets: SheetInfo[],
  into: string | null,
  options: AnalyzeOptions,
): Promise<{ table: ImportTable; columns: SourceColumn[]; rowsRead: number }> {
  const { data, header } = await readChosenSheet(
    file,
    sheets,
    options.sheet ?? null,
    into,
    knownHeaders(into),
    options,
  );
  const classified = fillAndClassify(data, header);
  const table: ImportTable = {
    fileName: options.fileName ?? path.basename(file),
    sheet: data.sheet,
    rows: classified.table,
    skipped: classified.skipped,
    title: header.title,
  };
  const columns: SourceColumn[] = header.columns.map((c) => ({
    index: c.index,
    letter: c.letter,
    name: c.name,
    leaf: c.leaf,
  }));
  return { table, columns, rowsRead: data.rows.length };
}

function plan(
  ledger: Ledger,
  table: ImportTable,
  mapping: ColumnMapping[],
  constants: ImportConstants,
  regionCode: string | null,
  into: string | null,
  catalog: () => RegionCatalog = () => getRegionCatalog(),
) {
  if (into !== null) {
    const ledgerPlan = planLedgerImport(
      ledger,
      requireLedger(into),
      table,
      mapping,
      new PlaceResolver(ledger),
      deriveContext(ledger, requireLedger(into), catalog),
      regionCode,
      constants,
    );
    return {
      mapping,
      regionCode,
      parsed: { households: [], issues: [], regionCode },
      plan: {
        households: [],
        issues: ledgerPlan.issues,
        counts: { households: ZERO_COUNTS, persons: ZERO_COUNTS },
        newGroups: [],
        account: ledgerPlan.account,
      },
      planVersion: dataVersion(ledger),
      ledgerPlan,
    };
  }
  const parsed = parseRows(table, { mapping, regionCode, constants }, new PlaceResolver(ledger), catalog);
  return {
    mapping,
    regionCode: parsed.regionCode,
    parsed,
    plan: planImport(ledger, table.sheet, parsed.households, parsed.issues, dataRowsOf(table)),
    planVersion: dataVersion(ledger),
    ledgerPlan: null,
  };
}

const ZERO_COUNTS = { created: 0, updated: 0, unchanged: 0 };
const dataRowsOf = (table: ImportTable) => table.rows.allRowNumbers();

/**
 * The clerk changed column targets (header → target key or null), the village, or whole-column values
 * (target key → value, null removes it): parse and plan again.
 */
export function remapAnalysis(
  ledger: Ledger,
  a: Analysis,
  changes: Record<string, string | null> | undefined,
  regionCode: string | null | undefined,
  constantChanges: Record<string, string | null> = {},
): Analysis {
  const mapping = a.mapping.map((m) => {
    if (!changes || !Object.hasOwn(changes, m.header)) return m;
    const target = changes[m.header] ?? null;
    if (target !== null && !targetsFor(a.into).some((t) => t.key === target))
      throw new LedgerError('validation', `没有“${target}”这个字段。`);
    return { ...m, target, confidence: target === null ? 0 : 1 };
  });
  // A target chosen for one column is taken away from any other column.
  const targets = targetsFor(a.into);
  const several = new Set(targets.filter(takesSeveralColumns).map((t) => t.key));
  const owners = new Map<string, string>();
  for (const m of mapping)
    if (m.target && !several.has(m.target) && changes && Object.hasOwn(changes, m.header))
      owners.set(m.target, m.header);
  const deduped = mapping.map((m) =>
    m.target && owners.has(m.target) && owners.get(m.target) !== m.header
      ? { ...m, target: null, confidence: 0 }
      : m,
  );
  // A column now chosen for a target takes over from a whole-column value for it.
  const constants: ImportConstants = { ...a.constants };
  for (const key of owners.keys()) delete constants[key];
  for (const [key, value] of Object.entries(constantChanges)) {
    if (value === null) delete constants[key];
    else constants[key] = value;
  }
  return {
    ...a,
    constants,
    ...plan(
      ledger,
      a.table,
      withConstants(deduped, a.into, constants),
      constants,
      regionCode === undefined ? a.regionCode : regionCode,
      a.into,
      a.catalog,
    ),
  };
}

/** What a commit did: the batch (null when nothing was written), the counts and the rows not written. */
export interface AnalysisCommit extends Omit<CommitResult, 'batchId'> {
  batchId: number | null;
  plan: ImportPlan;
  records: LedgerPlan['counts'];
  /** Why no batch was recorded (every row matched the ledger unchanged), else null. */
  nothingWritten: string | null;
}

/**
 * Commits: plans again inside the write transaction (the ledger may have changed since the preview) and
 * refuses when errors remain and skipInvalid is off, or when no row at all would be written. Rows that
 * are all unchanged record no batch. Saves the mapping as the template for this kind of file.
 */
export function commitAnalysis(
  ledger: Ledger,
  a: Analysis,
  skipInvalid: boolean,
  options: { templateName?: string; operator?: string } = {},
): AnalysisCommit {
  if (a.into !== null) return commitLedgerAnalysis(ledger, a, skipInvalid, options);
  return withBulkCache(
    ledger,
    () =>
      ledger.sqlite.transaction(() => {
        // The preview's plan still holds if nothing was written since.
        const fresh =
          a.planVersion === dataVersion(ledger)
            ? a.plan
            : planImport(ledger, a.table.sheet, a.parsed.households, a.parsed.issues, dataRowsOf(a.table));
        if (hasBlockingErrors(fresh) && !skipInvalid) refuseErrors(fresh.issues);
        refuseNothingWritten(fresh.account);
        const unchanged = unchangedOnly(fresh.account, [fresh.counts.households, fresh.counts.persons]);
        if (unchanged !== null && fresh.newGroups.length === 0)
          return {
            batchId: null,
            counts: fresh.counts,
            plan: fresh,
            records: ZERO_COUNTS,
            nothingWritten: unchanged,
          };
        const result = commitPlan(ledger, fresh, batchOf(a, options));
        saveTemplate(ledger, a, options.templateName);
        return { ...result, plan: fresh, records: ZERO_COUNTS, nothingWritten: null };
      })(),
    IMPORT_CACHE_KIB,
  );
}

/**
 * SQLite's page cache during an import's commit. Re-importing the 400,000-person file into the full
 * ledger (200,000 persons changed) took the same CPU time with 64 MiB as with the 256 MiB bulk cache
 * (44.9 s vs 45.9 s) and peaked at 0.81 GB instead of 1.13 GB (BENCHMARKS.md, issue 13).
 */
const IMPORT_CACHE_KIB = 65_536;

/** Errors left and no skipping: nothing is written, and the clerk is told what to do. */
function refuseErrors(issues: readonly ImportIssue[]): never {
  const errors = issues.filter((i) => i.level === 'error');
  throw new LedgerError(
    'validation',
    `文件中有 ${errors.length} 处错误，未导入任何数据。请修改文件，或选择“跳过有错误的行”。`,
    errors.slice(0, 50),
  );
}

/** No row would be written: refused (no batch, no template), saying why. */
function refuseNothingWritten(account: RowAccount): void {
  if (account.written > 0) return;
  throw new LedgerError('validation', `没有写入任何记录：${nothingWrittenReason(account)}`, {
    notImported: account.unwritten.slice(0, 50),
  });
}

/** Every written row matched the ledger unchanged: the message saying so, else null. */
function unchangedOnly(account: RowAccount, counts: readonly Counts[]): string | null {
  if (counts.some((c) => c.created + c.updated > 0)) return null;
  const rest = account.unwritten.length > 0 ? `，另有 ${account.unwritten.length} 行未导入` : '';
  return `没有写入任何记录：表中 ${account.written} 行与台账中已有的相同，无需修改${rest}`;
}

const batchOf = (a: Analysis, options: { operator?: string }) => ({
  fileName: a.fileName,
  sha256: a.sha256,
  sheet: a.sheet,
  mapping: Object.keys(a.constants).length === 0 ? a.mapping : { columns: a.mapping, constants: a.constants },
  ...(options.operator ? { operator: options.operator } : {}),
});

function commitLedgerAnalysis(
  ledger: Ledger,
  a: Analysis,
  skipInvalid: boolean,
  options: { templateName?: string; operator?: string },
): AnalysisCommit {
  return ledger.sqlite.transaction(() => {
    const fresh =
      a.ledgerPlan !== null && a.planVersion === dataVersion(ledger)
        ? { ledgerPlan: a.ledgerPlan, plan: a.plan }
        : plan(ledger, a.table, a.mapping, a.constants, a.regionCode, a.into, a.catalog);
    const lp = fresh.ledgerPlan as LedgerPlan;
    if (lp.issues.some((i) => i.level === 'error') && !skipInvalid) refuseErrors(lp.issues);
    refuseNothingWritten(lp.account);
    const counts = { households: ZERO_COUNTS, persons: ZERO_COUNTS };
    const unchanged = unchangedOnly(lp.account, [lp.counts]);
    if (unchanged !== null)
      return { batchId: null, counts, plan: fresh.plan, records: lp.counts, nothingWritten: unchanged };
    const result = commitLedgerPlan(ledger, lp, batchOf(a, options));
    saveTemplate(ledger, a, options.templateName);
    return {
      batchId: result.batchId,
      counts,
      plan: fresh.plan,
      records: result.counts,
      nothingWritten: null,
    };
  })();
}

function saveTemplate(ledger: Ledger, a: Analysis, name?: string): void {
  const stored: StoredTemplate = {
    v: 2,
    columns: Object.fromEntries(a.mapping.map((m) => [m.header, m.target])),
    constants: a.constants,
  };
  const now = nowIso();
  ledger.sqlite
    .prepare(
      `INSERT INTO import_templates (signature, name, mapping, created_at, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, used_at = excluded.used_at,
         name = CASE WHEN ? IS NULL THEN import_templates.name ELSE excluded.name END`,
    )
    .run(signatureOf(a.into, a.columns), name ?? a.fileName, JSON.stringify(stored), now, now, name ?? null);
}

export { hasBlockingErrors };
