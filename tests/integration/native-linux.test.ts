// The better-sqlite3 modules the Linux packages carry (npm run build:native): built for glibc 2.28 and
// without libstdc++, so they load on UOS 20 / Kylin V10, with the package's own SQLite options. The
// build runs here when build/native is missing or stale (~2 minutes per arch on 2 cores, then cached).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { SQLITE_BINDING_ENV } from '../../main/core/db/native-binding.ts';
import {
  buildNative,
  isUpToDate,
  MAX_GLIBC,
  MAX_GLIBCXX,
  nativeModulePath,
  ROOT,
  TARGETS,
} from '../../scripts/build-native.ts';
import { compareVersions, newestNeeded, readElf } from '../../scripts/elf-info.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const x64 = nativeModulePath('x64');
const canBuild = process.platform === 'linux' && process.arch === 'x64';

/** The ledger suite's database tests, run again on the built module. */
const DATABASE_TESTS = [
  'tests/integration/open-ledger.test.ts',
  'tests/integration/search-index.test.ts',
  'tests/integration/register.test.ts',
  'tests/integration/ledger-machinery.test.ts',
];

describe.runIf(canBuild)('better-sqlite3 for the Linux packages', () => {
  beforeAll(() => {
    buildNative({ log: () => {} });
    expect(isUpToDate()).toBe(true);
  }, 1_800_000);

  it.each(TARGETS)('linux-$arch needs at most glibc 2.28, no libstdc++, exports only N-API', (target) => {
    const elf = readElf(nativeModulePath(target.arch));
    expect(elf.machine).toBe(target.elfMachine);
    const glibc = newestNeeded(elf, 'GLIBC');
    expect(glibc).not.toBeNull();
    expect(compareVersions(glibc!, MAX_GLIBC)).toBeLessThanOrEqual(0);
    // libc++ is linked in statically, so no GLIBCXX version at all (at most 3.4.25 would do).
    const glibcxx = newestNeeded(elf, 'GLIBCXX');
    if (glibcxx !== null) expect(compareVersions(glibcxx, MAX_GLIBCXX)).toBeLessThanOrEqual(0);
    expect(elf.needed.filter((lib) => /libstdc\+\+|libc\+\+/.test(lib))).toEqual([]);
    expect(elf.exports.sort()).toEqual(['napi_register_module_v1', 'node_api_module_get_api_version_v1']);
  });

  it('the checks have teeth: the package prebuild fails them', () => {
    const prebuild = readElf(path.join(ROOT, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'));
    expect(compareVersions(newestNeeded(prebuild, 'GLIBC')!, MAX_GLIBC)).toBe(1);
    expect(prebuild.needed).toContain('libstdc++.so.6');
  });

  it('loads through nativeBinding with the same SQLite, compile options and FTS5 trigram', () => {
    const built = new Database(':memory:', { nativeBinding: x64 });
    const prebuilt = new Database(':memory:');
    try {
      const version = (db: Database.Database) => db.prepare('SELECT sqlite_version()').pluck().get();
      expect(version(built)).toBe(version(prebuilt));
      // Same options as the prebuild (deps/defines.gypi), apart from the compiler's name.
      const options = (db: Database.Database) =>
        (db.pragma('compile_options', { simple: false }) as { compile_options: string }[])
          .map((r) => r.compile_options)
          .filter((o) => !o.startsWith('COMPILER='));
      expect(options(built)).toEqual(options(prebuilt));
      built.exec(`CREATE VIRTUAL TABLE t USING fts5(name, tokenize = 'trigram')`);
      built.prepare('INSERT INTO t (name) VALUES (?), (?)').run('张三丰', '李四');
      expect(built.prepare(`SELECT name FROM t WHERE t MATCH '张三丰'`).pluck().all()).toEqual(['张三丰']);
      // The module really came from build/native.
      expect(fs.readFileSync('/proc/self/maps', 'utf8')).toContain(x64);
    } finally {
      built.close();
      prebuilt.close();
    }
  });

  it('openLedger loads the module named by COUNTY_LEDGER_SQLITE_BINDING', async () => {
    const before = process.env[SQLITE_BINDING_ENV];
    try {
      process.env[SQLITE_BINDING_ENV] = path.join(path.dirname(x64), 'missing.node');
      await expect(openLedger(tempLedgerPath())).rejects.toThrow(/missing\.node/);
      process.env[SQLITE_BINDING_ENV] = x64;
      const ledger = await openLedger(tempLedgerPath());
      expect(ledger.sqlite.prepare('SELECT COUNT(*) FROM households').pluck().get()).toBe(0);
      await ledger.close();
    } finally {
      if (before === undefined) delete process.env[SQLITE_BINDING_ENV];
      else process.env[SQLITE_BINDING_ENV] = before;
    }
  });

  it("runs the ledger suite's database tests on the built module", () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'FORCE_COLOR',
      ),
    );
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...DATABASE_TESTS],
      { cwd: ROOT, env: { ...env, NO_COLOR: '1', [SQLITE_BINDING_ENV]: x64 }, encoding: 'utf8' },
    );
    const out = `${r.stdout}\n${r.stderr}`;
    expect(out, out).toMatch(new RegExp(`Test Files\\s+${DATABASE_TESTS.length} passed`));
    expect(r.status).toBe(0);
  });
});
