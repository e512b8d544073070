// Where the built app's pieces live, relative to the app directory (the project root when run from
// source, `resources/app.asar` when installed). Shared by the bundler, `npm start` and main.ts so
// the three cannot disagree. No 'electron' import: the launcher runs in plain Node.
import path from 'node:path';

export const ELECTRON_OUT_DIR = path.join('dist', 'electron');
export const RENDERER_OUT_DIR = path.join('dist', 'renderer');
export const MAIN_BUNDLE = path.join(ELECTRON_OUT_DIR, 'main.cjs');
export const PRELOAD_BUNDLE = path.join(ELECTRON_OUT_DIR, 'preload.cjs');
/** The core's utilityProcess entry (core-process.ts): it owns the ledger, off the window's thread. */
export const CORE_PROCESS_BUNDLE = path.join(ELECTRON_OUT_DIR, 'core-process.cjs');
/** The import worker thread's entry (its own bundle: a worker starts from a file). */
export const IMPORT_WORKER_BUNDLE = path.join(ELECTRON_OUT_DIR, 'import-worker.cjs');
/** Copy of main/core/regions/data/: the bundled core cannot find it beside its source. */
export const REGION_DATA_DIR = path.join(ELECTRON_OUT_DIR, 'data');
export const REGION_DATA_FILE = path.join(REGION_DATA_DIR, 'regions.txt.gz');

export const inApp = (appDir: string, relative: string): string => path.join(appDir, relative);

/**
 * better-sqlite3 built for glibc 2.28, relative to process.resourcesPath: the Linux packages carry it
 * there (electron-builder.yml linux.extraResources) in place of the package's prebuild.
 */
export const PACKAGED_SQLITE_MODULE = path.join('native', 'better_sqlite3.node');
