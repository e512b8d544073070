// The CLI commands. Each opens the ledger named by --db / LEDGER_DB / the data folder.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../../shared/result.ts';
import { DEMO_COUNTY, loadDemo } from '../core/api/handlers.ts';
import { openCore, type Core } from '../core/index.ts';
import { resolveLedgerPath } from '../core/paths.ts';
import { getRegionCatalog } from '../core/regions/catalog.ts';
import { ledgerCounty, setUpCounty } from '../core/regions/county-setup.ts';
import { countyRegion, findRegion } from '../core/regions/region-tree.ts';
import { regionSummary } from '../core/stats/region-summary.ts';
import { startBrowserHost } from '../browser/server.ts';
import { analyzeFile, commitAnalysis } from '../core/import/analyze-file.ts';
import { previewOf } from '../core/import/preview.ts';
import { phaseLabel } from '../../shared/import/phases.ts';
import { getOperator } from '../core/ledger/operator.ts';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { ledgerTableSql } from '../../shared/ledgers/table-sql.ts';
import { ledgerCounts } from '../core/ledgers/ledger-summary.ts';
import { requireLedger } from '../core/ledgers/record-sql.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const satisfies OptionSpec;

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

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

export const commands = {
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
        );
        const seconds = (Date.now() - started) / 1000;
        print(
          io,
          values,
          { ...result, seconds },
          `已生成示例数据（${result.county.fullName}）：${result.households} 户，${result.persons} 人，用时 ${seconds.toFixed(1)} 秒。`,
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
      // For writing the migration of a new ledger: its table as the definition calls for it.
      const defs = positionals.map((id) => requireLedger(id));
      if (defs.length === 0) throw new LedgerError('bad-request', '用法：ledger-sql 台账编号 …');
      const statements = defs.flatMap((d) => ledgerTableSql(d));
      io.out(values.json ? JSON.stringify(statements) : statements.map((x) => `${x};`).join('\n'));
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
    } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => runImport(values, io, positionals),
  },

  serve: {
    options: { db: { type: 'string' }, port: { type: 'string' } } satisfies OptionSpec,
    run: async (values: Values, io: CliIo) => {
      const host = await startBrowserHost({
        ledgerPath: resolveLedgerPath(values.db as string | undefined),
        rendererDir: RENDERER_DIR,
        port: intOption(values, 'port', 0, 0, 65535),
        log: (m, e) => io.err(`${m}${e ? `：${String((e as Error).stack ?? e)}` : ''}`),
      });
      io.out(host.url); // first line on stdout: scripts and tests read the URL (token included) from it
      io.err(
        `浏览器模式已启动：请在本机浏览器中打开上面的地址。台账文件：${host.core.ledger.path}。按 Ctrl+C 退出。`,
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
};

/** Exit codes: 0 imported (or a clean dry run), 1 errors stopped the import, 2 the file could not be read. */
async function runImport(values: Values, io: CliIo, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new LedgerError('bad-request', '用法：import 文件路径 [--sheet 工作表] [--region 区划代码] …');
  return withCore(values, async (core) => {
    requireCountyForCli(core);
    const started = Date.now();
    let analysis;
    try {
      analysis = await analyzeFile(core.ledger, path.resolve(file), {
        sheet: (values.sheet as string | undefined) ?? null,
        regionCode: (values.region as string | undefined) ?? null,
        templateName: (values.template as string | undefined) ?? null,
        into: (values.into as string | undefined) ?? null,
        onProgress: (p) => {
          if (!values.json)
            io.err(
              `${phaseLabel(p.phase)}：已读 ${p.rowsRead} 行${p.percent !== null ? `（${Math.round(p.percent)}%）` : ''}`,
            );
        },
      });
    } catch (e) {
      if (e instanceof LedgerError && e.code !== 'not-found') {
        print(io, values, { error: e.message }, `无法读取：${e.message}`);
        return 2;
      }
      throw e;
    }
    const preview = previewOf(analysis);
    const out = (
      committed: { batchId: number } | null,
      plan = analysis.plan,
      records = analysis.ledgerPlan?.counts ?? null,
    ) => ({
      households: plan.counts.households,
      persons: plan.counts.persons,
      ...(analysis.into !== null ? { into: analysis.into, records } : {}),
      skipped: preview.skipped,
      errors: plan.issues
        .filter((i) => i.level === 'error')
        .map(({ sheet, row, column, field, message }) => ({ sheet, row, column, field, message })),
      warnings: plan.issues.filter((i) => i.level === 'warning').length,
      batchId: committed?.batchId ?? null,
      dryRun: values['dry-run'] === true,
      seconds: (Date.now() - started) / 1000,
    });
    const errors = preview.errorCount;
    if (values['dry-run'] || (errors > 0 && !values['skip-invalid'])) {
      const result = out(null);
      print(io, values, result, describeImport(result, analysis.fileName));
      return errors > 0 && !values['skip-invalid'] ? 1 : 0;
    }
    const operator =
      (values.operator as string | undefined) ??
      getOperator(core.ledger) ??
      `命令行（${os.userInfo().username}）`;
    const committed = commitAnalysis(core.ledger, analysis, values['skip-invalid'] === true, { operator });
    const result = out(committed, committed.plan, analysis.into !== null ? committed.records : null);
    print(io, values, result, describeImport(result, analysis.fileName));
    return 0;
  });
}

function describeImport(
  r: {
    households: Counts;
    persons: Counts;
    records?: Counts | null;
    errors: { row: number; column: string | null; message: string }[];
    skipped: unknown[];
    batchId: number | null;
  },
  fileName: string,
): string {
  const c = (x: Counts) => `新增 ${x.created}，修改 ${x.updated}，未变 ${x.unchanged}`;
  const lines = [
    `${fileName}：${r.batchId ? `已导入（批次 ${r.batchId}）` : '未写入台账'}`,
    ...(r.records ? [`记录：${c(r.records)}`] : [`户：${c(r.households)}`, `人：${c(r.persons)}`]),
    `跳过的行：${r.skipped.length}`,
  ];
  if (r.errors.length > 0) {
    lines.push(`错误 ${r.errors.length} 处：`);
    for (const e of r.errors.slice(0, 50))
      lines.push(`  第 ${e.row} 行${e.column ? ` ${e.column} 列` : ''}：${e.message}`);
    if (r.errors.length > 50) lines.push(`  ……（其余 ${r.errors.length - 50} 处用 --json 查看）`);
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
