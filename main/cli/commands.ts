// The CLI commands. Each opens the ledger named by --db / LEDGER_DB / the data folder.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../../shared/result.ts';
import { DEMO_COUNTY, loadDemo } from '../core/api/handlers.ts';
import { openCore, type Core } from '../core/index.ts';
import { resolveLedgerPath } from '../core/paths.ts';
import { getRegionCatalog } from '../core/regions/catalog.ts';
import { ledgerCounty, setUpCounty } from '../core/regions/county-setup.ts';
import { countyRegion, findRegion } from '../core/regions/region-tree.ts';
import { regionSummary } from '../core/stats/region-summary.ts';
import { startBrowserHostOrRecovery } from '../browser/damaged-ledger-host.ts';
import { ensureRendererBuilt } from '../launcher/renderer-build.ts';
import { analyzeFile, commitAnalysis, type AnalysisCommit } from '../core/import/analyze-file.ts';
import { SheetChoiceError } from '../core/import/choose-sheet.ts';
import type { ImportIssue } from '../core/import/import-types.ts';
import { constantTargetByName, type ImportConstants } from '../../shared/import/constants.ts';
import { previewOf, rowNames } from '../core/import/preview.ts';
import { phaseLabel } from '../../shared/import/phases.ts';
import { getOperator } from '../core/ledger/operator.ts';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { ledgerTableSql } from '../../shared/ledgers/table-sql.ts';
import { ledgerCounts } from '../core/ledgers/ledger-summary.ts';
import { requireLedger } from '../core/ledgers/record-sql.ts';
import { ledgerUpgradeSql, reportKeeping } from '../core/ledgers/table-shape.ts';
import type { LedgerDef } from '../../shared/ledgers/define.ts';
import { runExport } from './export-command.ts';
import { reportParams } from '../../shared/contract/reports.ts';
import { allReports } from '../../shared/reports/index.ts';
import { reportCatalog, runReport } from '../core/reports/run-report.ts';
import { reportText } from './report-text.ts';
import { reliabilityCommands } from './reliability-commands.ts';
import { badOut, exportReport, exportSummary, SUMMARY_USAGE, writtenText } from './report-export-command.ts';
import { ledgerSummaryReport } from '../core/ledgers/ledger-summary.ts';
import { describePrint, formsList, formsText, PRINT_OPTION_FLAGS, runPrint } from './print-command.ts';
import { runReceipt, slipText } from './receipt-command.ts';
import { runCheck } from './check-command.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

type Values = Record<string, string | string[] | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const satisfies OptionSpec;

async function withCore<T>(values: Values, fn: (core: Core) => Promise<T> | T): Promise<T> {
  const core = await openCore({
    ledgerPath: resolveLedgerPath(values.db as string | undefined),
    host: 'browser',
    program: '县域统筹台账命令行',
  });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

function intOption(values: Values, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new LedgerError('bad-request', `--${name} 应为 ${min} 到 ${max} 之间的整数，实为 ${String(raw)}`);
  }
  return n;
}

const print = (io: CliIo, values: Values, data: unknown, text: string) =>
  io.out(values.json ? JSON.stringify(data) : text);

/** What a ledger file lacks against the definitions, read without writing to it. */
function upgradeSql(file: string, defs: readonly LedgerDef[]): string[] {
  if (!fs.existsSync(file)) throw new LedgerError('not-found', `没有台账文件 ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return defs.flatMap((d) => ledgerUpgradeSql(db, d));
  } finally {
    db.close();
  }
}

export const commands = {
  ...reliabilityCommands,

  init: {
    options: { ...common, county: { type: 'string' } } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, (core) => {
        const code = values.county as string | undefined;
        if (!code) {
          const county = ledgerCounty(core.ledger);
          print(
            io,
            values,
            { ledgerPath: core.ledger.path, county },
            `台账文件：${core.ledger.path}${county ? `（${county.fullName}）` : '（尚未选择本县：在程序中选择，或用 --county 指定）'}`,
          );
          return 0;
        }
        const result = setUpCounty(core.ledger, getRegionCatalog(), code);
        print(
          io,
          values,
          { ledgerPath: core.ledger.path, ...result },
          `已建立 ${result.county.fullName} 台账：${result.townships} 个乡镇，${result.villages} 个村（社区）。文件：${core.ledger.path}`,
        );
        return 0;
      }),
  },

  demo: {
    options: {
      ...common,
      households: { type: 'string' },
      seed: { type: 'string' },
      county: { type: 'string' },
      'register-only': { type: 'boolean' },
    } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, (core) => {
        const households = intOption(values, 'households', 2000, 1, 1_000_000);
        const seed = intOption(values, 'seed', 1, 0, 2 ** 31);
        const started = Date.now();
        const result = loadDemo(
          core.ledger,
          () => getRegionCatalog(),
          households,
          seed,
          (values.county as string | undefined) ?? (ledgerCounty(core.ledger) ? undefined : DEMO_COUNTY),
          { ledgers: values['register-only'] !== true },
        );
        const seconds = (Date.now() - started) / 1000;
        print(
          io,
          values,
          { ...result, seconds },
          `已生成示例数据（${result.county.fullName}）：${result.households} 户，${result.persons} 人，专项台账 ${result.records} 条记录，用时 ${seconds.toFixed(1)} 秒。`,
        );
        return 0;
      }),
  },

  stats: {
    options: { ...common, region: { type: 'string' } } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, (core) => {
        const county = ledgerCounty(core.ledger);
        if (!county)
          throw new LedgerError('not-initialized', '台账尚未建立：请先运行 init --county 代码 或 demo。');
        const regionCode = values.region as string | undefined;
        const region = regionCode ? findRegion(core.ledger, regionCode) : countyRegion(core.ledger);
        const s = regionSummary(core.ledger, region);
        const lines = [
          `${county.fullName} · ${region.name}`,
          `户数 ${s.households}  人数 ${s.persons}  乡镇 ${s.townships}  村 ${s.villages}  组 ${s.groups}`,
          `残疾 ${s.disabledPersons} 人  低保 ${s.dibaoPersons} 人  劳动力 ${s.laborForce} 人`,
          ...[
            ['贫困户属性', s.byPovertyAttribute],
            ['户类型', s.byHouseholdType],
            ['脱贫状态', s.byPovertyStatus],
          ].map(
            ([title, rows]) =>
              `${title as string}：${(rows as typeof s.byHouseholdType).map((r) => `${r.label} ${r.count}`).join('，')}`,
          ),
        ];
        // Every thematic ledger's record count (in the region), keyed by its id.
        const ledgers = ledgerCounts(core.ledger, region);
        lines.push(
          `专项台账：${
            allLedgers()
              .filter((d) => (ledgers[d.id] ?? 0) > 0)
              .map((d) => `${d.name} ${ledgers[d.id]}`)
              .join('，') || '暂无记录'
          }`,
        );
        print(io, values, { county, ...s, ledgers }, lines.join('\n'));
        return 0;
      }),
  },

  ledgers: {
    options: { ...common } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, (core) => {
        const counts = ledgerCounty(core.ledger) ? ledgerCounts(core.ledger) : {};
        const list = allLedgers().map((d) => ({
          id: d.id,
          name: d.name,
          group: d.group,
          subject: d.subject,
          parent: d.parent?.ledger ?? null,
          records: counts[d.id] ?? 0,
          fields: d.fields.map((f) => ({
            column: f.column,
            label: f.label,
            type: f.type,
            required: f.required === true,
            ...(f.requiredUnless ? { requiredUnless: f.requiredUnless } : {}),
          })),
        }));
        print(
          io,
          values,
          list,
          list.map((d) => `${d.id.padEnd(24)} ${d.name}（${d.records} 条）`).join('\n'),
        );
        return 0;
      }),
  },

  'ledger-sql': {
    options: { ...common } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => {
      // For writing a migration: the ledger's table as the definition calls for it or, with --db, only
      // what that file lacks (ALTER TABLE … ADD COLUMN, CREATE INDEX). The file is read, never migrated.
      const defs = positionals.map((id) => requireLedger(id));
      if (defs.length === 0)
        throw new LedgerError('bad-request', '用法：ledger-sql 台账编号 … [--db 台账文件]');
      const file = values.db as string | undefined;
      const statements =
        file === undefined
          ? defs.flatMap((d) => [...ledgerTableSql(d), ...reportKeeping(d)])
          : upgradeSql(file, defs);
      io.out(
        values.json
          ? JSON.stringify(statements)
          : statements.map((x) => (x.startsWith('--') ? x : `${x};`)).join('\n'),
      );
      return Promise.resolve(0);
    },
  },

  import: {
    options: {
      ...common,
      into: { type: 'string' },
      sheet: { type: 'string' },
      region: { type: 'string' },
      template: { type: 'string' },
      operator: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      set: { type: 'string', multiple: true },
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => runImport(values, io, positionals),
  },

  export: {
    options: {
      ...common,
      region: { type: 'string' },
      filter: { type: 'string', multiple: true },
      search: { type: 'string' },
      masked: { type: 'boolean' },
      'yes-full-ids': { type: 'boolean' },
      out: { type: 'string' },
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) =>
      withCore(values, async (core) => {
        let r;
        try {
          r = await runExport(core, values, positionals);
        } catch (e) {
          // A wrong --filter, --out or positional is usage (2); a refusal of the export itself is 1.
          if (e instanceof LedgerError && e.code === 'bad-request') {
            io.err(`错误：${e.message}`);
            return 2;
          }
          throw e;
        }
        print(
          io,
          values,
          r,
          `已导出 ${r.rows} 行${r.masked ? '（已脱敏）' : `，含完整证件号码 ${r.fullIds} 人`}：${r.file}\nSHA-256 ${r.sha256}（已记入操作日志）`,
        );
        return 0;
      }),
  },

  reports: {
    options: { ...common } satisfies OptionSpec,
    run: (values: Values, io: CliIo) => {
      const list = reportCatalog(allReports());
      print(
        io,
        values,
        list,
        list.map((r) => `${r.id.padEnd(24)} ${r.title}（参数：${r.parameters.join('、')}）`).join('\n'),
      );
      return Promise.resolve(0);
    },
  },

  report: {
    options: {
      ...common,
      region: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => {
      const [id, ...more] = positionals;
      if (!id || more.length > 0)
        throw new LedgerError('bad-request', '请给出一个报表编号（见 reports 命令），如 report migrant_work');
      const out = values.out as string | undefined;
      // A wrong --out is usage (2), like export's.
      if (badOut(out, io)) return Promise.resolve(2);
      const params = reportParams.safeParse({
        regionCode: (values.region as string | undefined) ?? null,
        year: values.year === undefined ? null : intOption(values, 'year', 0, 2000, 2100),
        asOf: (values['as-of'] as string | undefined) ?? null,
      });
      if (!params.success)
        throw new LedgerError('bad-request', params.error.issues.map((i) => i.message).join('；'));
      return withCore(values, async (core) => {
        requireCountyForCli(core);
        // --out writes the workbook (with --json: the file's line as JSON); else the report itself.
        if (out !== undefined) {
          const r = await exportReport(core, { id, ...params.data }, out);
          print(io, values, r, writtenText(r));
          return 0;
        }
        const report = runReport(core.ledger, id, params.data);
        print(io, values, report, reportText(report));
        return 0;
      });
    },
  },

  summary: {
    options: {
      ...common,
      region: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => {
      const [ledgerId, ...more] = positionals;
      const out = values.out as string | undefined;
      // A wrong --out is usage (2), like export's.
      if (badOut(out, io)) return Promise.resolve(2);
      if (!ledgerId || more.length > 0 || (out === undefined && values.json !== true)) {
        io.err(`错误：${SUMMARY_USAGE}`);
        return Promise.resolve(2);
      }
      const request = {
        ledgerId,
        regionCode: (values.region as string | undefined) ?? null,
        year: values.year === undefined ? null : intOption(values, 'year', 0, 1900, 2100),
      };
      return withCore(values, async (core) => {
        requireCountyForCli(core);
        requireLedger(ledgerId);
        if (out !== undefined) {
          const r = await exportSummary(core, request, out);
          print(io, values, r, writtenText(r));
          return 0;
        }
        const { report } = ledgerSummaryReport(core.ledger, ledgerId, request.regionCode, request.year);
        print(io, values, report, reportText(report));
        return 0;
      });
    },
  },

  receipt: {
    options: {
      ...common,
      date: { type: 'string' },
      arrived: { type: 'string' },
      employer: { type: 'string' },
      'employer-phone': { type: 'string' },
      proof: { type: 'string' },
      operator: { type: 'string' },
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) =>
      withCore(values, (core) => {
        requireCountyForCli(core);
        const slip = runReceipt(core, values, positionals);
        print(io, values, slip, `${values.date === undefined ? '' : '已登记回执。\n'}${slipText(slip)}`);
        return 0;
      }),
  },

  serve: {
    options: { db: { type: 'string' }, port: { type: 'string' } } satisfies OptionSpec,
    run: async (values: Values, io: CliIo) => {
      // As `npm start` does: a fresh clone has no renderer build yet (it would answer only 「未找到。」).
      let rendererDir: string;
      try {
        rendererDir = ensureRendererBuilt();
      } catch (e) {
        throw new LedgerError('internal', (e as Error).message);
      }
      const host = await startBrowserHostOrRecovery(
        {
          ledgerPath: resolveLedgerPath(values.db as string | undefined),
          rendererDir,
          port: intOption(values, 'port', 0, 0, 65535),
          log: (m, e) => io.err(`${m}${e ? `：${String((e as Error).stack ?? e)}` : ''}`),
        },
        {
          // A damaged ledger: the page offering the newest sound backup comes first (damaged-ledger-host.ts).
          announce: (url) => {
            io.out(url);
            io.err('台账文件已损坏，程序没有打开它：请在浏览器中打开上面的地址，选择恢复备份或退出。');
          },
        },
      );
      io.out(host.url); // first line on stdout: scripts and tests read the URL (token included) from it
      io.err(
        `浏览器模式已启动：请在本机浏览器中打开上面的地址。台账文件：${host.ledgerPath}。按 Ctrl+C 退出。`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      return 0;
    },
  },
  check: {
    options: { ...common, region: { type: 'string' } } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, async (core) => {
        requireCountyForCli(core);
        const code = values.region as string | undefined;
        const region = code ? findRegion(core.ledger, code) : countyRegion(core.ledger);
        const { output, text } = await runCheck(core.ledger, region);
        print(io, values, output, text);
        return 0;
      }),
  },

  forms: {
    options: { ...common } satisfies OptionSpec,
    run: (values: Values, io: CliIo) =>
      withCore(values, async (core) => {
        const forms = await formsList(core);
        print(io, values, forms, formsText(forms));
        return 0;
      }),
  },

  print: {
    options: {
      ...common,
      region: { type: 'string' },
      household: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      ...PRINT_OPTION_FLAGS,
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[]) =>
      withCore(values, async (core) => {
        requireCountyForCli(core);
        const result = await runPrint(core, values, positionals);
        print(io, values, result, describePrint(result));
        return 0;
      }),
  },
};

/**
 * `--set 字段=值` (repeatable) → whole-column values by target key; the field by its label as the clerk
 * sees it. The value itself is checked with the file (analyzeFile), like a cell.
 */
function parseSets(into: string | null, sets: readonly string[]): ImportConstants | string {
  const out: ImportConstants = {};
  for (const item of sets) {
    const eq = item.search(/[=＝]/);
    if (eq <= 0) return `--set 应写成 字段=值（如 --set 务工状态=已外出），实为“${item}”`;
    const target = constantTargetByName(into, item.slice(0, eq).trim());
    if (typeof target === 'string') return `--set ${item}：${target}`;
    out[target.key] = item.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Exit codes: 0 imported (or a clean dry run), 1 errors stopped the import, 2 the file could not be read
 * (or several sheets could be the one, or a --set is wrong).
 */
async function runImport(values: Values, io: CliIo, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new LedgerError('bad-request', '用法：import 文件路径 [--sheet 工作表] [--region 区划代码] …');
  const into = (values.into as string | undefined) ?? null;
  const constants = parseSets(into, (values.set as string[] | undefined) ?? []);
  if (typeof constants === 'string') {
    print(io, values, { error: constants }, `无法导入：${constants}`);
    return 2;
  }
  return withCore(values, async (core) => {
    requireCountyForCli(core);
    const started = Date.now();
    let analysis;
    try {
      analysis = await analyzeFile(core.ledger, path.resolve(file), {
        constants,
        sheet: (values.sheet as string | undefined) ?? null,
        regionCode: (values.region as string | undefined) ?? null,
        templateName: (values.template as string | undefined) ?? null,
        into,
        onProgress: (p) => {
          if (!values.json)
            io.err(
              `${phaseLabel(p.phase)}：已读 ${p.rowsRead} 行${p.percent !== null ? `（${Math.round(p.percent)}%）` : ''}`,
            );
        },
      });
    } catch (e) {
      if (e instanceof SheetChoiceError) {
        const message = `${e.message}（用 --sheet 工作表名 指定）`;
        print(io, values, { error: message, sheets: e.sheets }, `无法读取：${message}`);
        return 2;
      }
      if (e instanceof LedgerError && e.code !== 'not-found') {
        print(io, values, { error: e.message }, `无法读取：${e.message}`);
        return 2;
      }
      throw e;
    }
    const preview = previewOf(analysis);
    const names = rowNames(analysis, [
      ...analysis.plan.issues.map((i) => i.row),
      ...analysis.plan.account.unwritten.map((u) => u.row),
    ]);
    const issueOut = ({ sheet, row, column, field, message, fix }: ImportIssue) => ({
      sheet,
      row,
      column,
      field,
      message: fix ? `${message}：${CLI_FIX_HINTS[fix]}` : message,
      name: names.get(row) ?? null,
    });
    const out = (committed: AnalysisCommit | null) => {
      const plan = committed?.plan ?? analysis.plan;
      const { account } = plan;
      return {
        households: plan.counts.households,
        persons: plan.counts.persons,
        ...(analysis.into !== null
          ? { into: analysis.into, records: committed?.records ?? analysis.ledgerPlan?.counts ?? null }
          : {}),
        // Every data row is written or in `skipped` (kind 'error' or 'held'): rows = written + those.
        rows: account.dataRows,
        written: account.written,
        skipped: [
          ...preview.skipped.map((x) => ({ row: x.row, kind: 'not-data' as const, reason: x.reason })),
          ...account.unwritten.map((u) => ({ ...u, name: u.name ?? names.get(u.row) ?? null })),
        ].sort((x, y) => x.row - y.row),
        errors: plan.issues.filter((i) => i.level === 'error').map(issueOut),
        warnings: plan.issues.filter((i) => i.level === 'warning').map(issueOut),
        // What holds for the whole file (the 年度 it was filed under), printed in full.
        notes: plan.issues.filter((i) => i.level === 'warning' && i.row === 0).map((i) => i.message),
        nothingWritten: committed ? committed.nothingWritten : preview.nothingWritten,
        batchId: committed?.batchId ?? null,
        dryRun: values['dry-run'] === true,
        seconds: (Date.now() - started) / 1000,
      };
    };
    const errors = preview.errorCount;
    const refused = errors > 0 && !values['skip-invalid'];
    // Nothing would be written: said so, no batch (exit 1 like any import that did not happen).
    if (values['dry-run'] || refused || preview.nothingWritten !== null) {
      const result = out(null);
      print(io, values, result, describeImport(result, analysis.fileName));
      return refused || preview.nothingWritten !== null ? 1 : 0;
    }
    const operator =
      (values.operator as string | undefined) ??
      getOperator(core.ledger) ??
      `命令行（${os.userInfo().username}）`;
    const committed = commitAnalysis(core.ledger, analysis, values['skip-invalid'] === true, { operator });
    const result = out(committed);
    print(io, values, result, describeImport(result, analysis.fileName));
    return 0;
  });
}

/** What the clerk does about an issue that a CLI option fixes. */
const CLI_FIX_HINTS: Record<NonNullable<ImportIssue['fix']>, string> = {
  region: '请用 --region 区划代码 指定所属村（或组）',
};

function describeImport(
  r: {
    households: Counts;
    persons: Counts;
    records?: Counts | null;
    rows: number;
    written: number;
    errors: { row: number; column: string | null; message: string; name: string | null }[];
    skipped: { row: number; kind: string; reason: string; name?: string | null }[];
    nothingWritten: string | null;
    notes: string[];
    batchId: number | null;
  },
  fileName: string,
): string {
  const c = (x: Counts) => `新增 ${x.created}，修改 ${x.updated}，未变 ${x.unchanged}`;
  const who = (x: { row: number; name?: string | null }) => `第 ${x.row} 行${x.name ? `（${x.name}）` : ''}`;
  const notImported = r.skipped.filter((x) => x.kind !== 'not-data');
  const lines = [
    `${fileName}：${r.batchId ? `已导入（批次 ${r.batchId}）` : (r.nothingWritten ?? '未写入台账')}`,
    ...(r.records ? [`记录：${c(r.records)}`] : [`户：${c(r.households)}`, `人：${c(r.persons)}`]),
    `数据行 ${r.rows}：写入 ${r.written}，不导入 ${notImported.length}`,
    `略过的非数据行：${r.skipped.length - notImported.length}`,
    ...r.notes.map((n) => `提示：${n}`),
  ];
  if (r.errors.length > 0) {
    lines.push(`错误 ${r.errors.length} 处：`);
    for (const e of r.errors.slice(0, 50))
      lines.push(`  ${e.row > 0 ? who(e) : '全表'}${e.column ? ` ${e.column} 列` : ''}：${e.message}`);
    if (r.errors.length > 50) lines.push(`  ……（其余 ${r.errors.length - 50} 处用 --json 查看）`);
  }
  const held = notImported.filter((x) => x.kind === 'held');
  if (held.length > 0) {
    lines.push(`因同户（或整表）有错误暂不导入 ${held.length} 行：`);
    for (const h of held.slice(0, 50)) lines.push(`  ${who(h)}：${h.reason}`);
    if (held.length > 50) lines.push(`  ……（其余 ${held.length - 50} 行用 --json 查看）`);
  }
  return lines.join('\n');
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

function requireCountyForCli(core: Core): void {
  if (!ledgerCounty(core.ledger))
    throw new LedgerError('not-initialized', '台账尚未建立：请先运行 init --county 代码。');
}

export const projectRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
