// Which compiled better-sqlite3 module a ledger connection loads. Normally the package finds its own
// prebuild; the Linux packages carry a module built for glibc 2.28 instead (scripts/build-native.ts),
// because the prebuilds need glibc 2.34 and do not load on UOS 20 / Kylin V10. The Electron host names
// that file in this environment variable before the core starts; worker threads inherit it, so the
// import worker loads the same file. Tests set it to run the database tests on the built module.
import type Database from 'better-sqlite3';

export const SQLITE_BINDING_ENV = 'COUNTY_LEDGER_SQLITE_BINDING';

/** better-sqlite3 constructor options naming the module to load, or none for the package's default. */
export function nativeBindingOptions(env: NodeJS.ProcessEnv = process.env): Database.Options {
  const file = env[SQLITE_BINDING_ENV];
  return file ? { nativeBinding: file } : {};
}
