// `npm start [-- --db PATH] [--browser] [--port N]`: builds what is stale, then runs the app in
// Electron when its binary is installed, otherwise in browser mode on 127.0.0.1. Nothing here
// touches the network: the Electron binary is looked up, never downloaded (unlike
// require('electron'), which downloads a missing binary), and vite runs from node_modules, not npx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveLedgerPath } from '../core/paths.ts';
import { bundleElectron } from './bundle-electron.ts';
import { ensureRendererBuilt, PROJECT_ROOT } from './renderer-build.ts';

const USAGE = '用法 Usage: npm start -- [--db 台账文件.db] [--browser 强制浏览器模式] [--port 端口]';
/**
 * The Electron executable if it is installed: node_modules/electron/path.txt names it relative to
 * node_modules/electron/dist (or ELECTRON_OVERRIDE_DIST_PATH, as electron's own index.js does).
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let relative: string | null;
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = null; // the binary was never downloaded (path.txt is written after the download)
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = distDir
    ? path.join(distDir, relative || 'electron')
    : relative
      ? path.join(pkgDir, 'dist', relative)
      : null;
  return candidate !== null && fs.existsSync(candidate) ? candidate : null;
}

function runElectron(binary: string, root: string, forwarded: string[]): void {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node instead of the app
  const child = spawn(binary, [root, ...forwarded], { cwd: root, stdio: 'inherit', env });
  // Ctrl+C reaches Electron too (same process group); stay alive until it has closed the ledger.
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (e) => {
    console.error(`无法启动 Electron：${e.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

async function runBrowser(rendererDir: string, ledgerPath: string, port: number | undefined): Promise<void> {
  // Imported here so the Electron path does not load the core into this process.
  const { startBrowserHostOrRecovery } = await import('../browser/damaged-ledger-host.ts');
  const host = await startBrowserHostOrRecovery(
    {
      ledgerPath,
      rendererDir,
      ...(port === undefined ? {} : { port }),
      log: (message, error) => console.error(`[ledger] ${message}`, error ?? ''),
    },
    {
      announce: (url) => {
        console.log(`台账文件已损坏，程序没有打开它。请在浏览器中打开：${url}`);
        console.log('页面上可以恢复最近一份完好的备份，或退出。');
      },
    },
  );
  console.log(`台账文件：${ledgerPath}`);
  console.log(`请在浏览器中打开：${host.url}`);
  console.log('按 Ctrl+C 退出。Press Ctrl+C to stop.');
  let stopping = false;
  const stop = () => {
    if (stopping) {
      process.exit(130); // second Ctrl+C: do not wait any longer
    }
    stopping = true;
    host.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('关闭时出错：', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  let values: { db?: string | undefined; browser?: boolean | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        browser: { type: 'boolean', default: false },
        port: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${USAGE}`, { cause: e });
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port 应为 1–65535 的整数：${values.port}`);
  }
  const root = PROJECT_ROOT;
  const rendererDir = ensureRendererBuilt(root);

  const electron = values.browser ? null : findElectronBinary(root);
  if (electron !== null) {
    await bundleElectron(root);
    runElectron(electron, root, values.db === undefined ? [] : ['--db', path.resolve(values.db)]);
    return;
  }
  if (!values.browser) {
    console.log(
      '未找到 Electron 程序（此机器无法下载）：改用浏览器模式。Electron binary not found; starting browser mode.',
    );
  }
  await runBrowser(rendererDir, resolveLedgerPath(values.db), port);
}

// Tests import the helpers above; only `node main/launcher/start.ts` starts anything.
const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
