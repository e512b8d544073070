// The CLI commands. Each opens the ledger named by --db / LEDGER_DB / the data folder.
import path from 'node:path';
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
          { ledger: core.ledger, host: 'browser', catalog: () => getRegionCatalog() },
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
        print(io, values, { county, ...s }, lines.join('\n'));
        return 0;
      }),
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

export const projectRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
