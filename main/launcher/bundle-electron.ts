// `npm run build:electron`: bundles the Electron host with esbuild.
//   main/electron/main.ts     → dist/electron/main.cjs     (Node/CommonJS; electron and better-sqlite3 stay external)
//   main/electron/preload.cts → dist/electron/preload.cjs  (sandboxed preload: may require 'electron' only)
//   main/core/import/import-worker.ts → dist/electron/import-worker.cjs (the import worker thread)
//   main/electron/core-process.ts → dist/electron/core-process.cjs (the core's utilityProcess)
//   main/core/regions/data/   → dist/electron/data/        (the core reads it from there when bundled)
// Also imported by start.ts and the tests, so running it does nothing unless it is the entry point.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { METHOD_NAMES } from '../../shared/contract/index.ts';
import {
  CORE_PROCESS_BUNDLE,
  ELECTRON_OUT_DIR,
  IMPORT_WORKER_BUNDLE,
  MAIN_BUNDLE,
  PRELOAD_BUNDLE,
  REGION_DATA_DIR,
} from '../electron/layout.ts';

import { PROJECT_ROOT } from './renderer-build.ts';

export { PROJECT_ROOT };

/** Modules main.cjs loads at run time instead of containing them. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3'] as const;

/**
 * CommonJS has no import.meta; code that locates files with `new URL(…, import.meta.url)` gets the
 * bundle's own URL instead, so such paths resolve relative to dist/electron/.
 */
const IMPORT_META_SHIM = 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';

export function mainBuildOptions(root: string = PROJECT_ROOT): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [path.join(root, 'main', 'electron', 'main.ts')],
    outfile: path.join(root, MAIN_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: [...MAIN_EXTERNALS],
    banner: { js: IMPORT_META_SHIM },
    define: {
      'import.meta.url': '__importMetaUrl',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    // Stack traces in a clerk's error report should name our source files; the map stays small
    // without the sources themselves.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    charset: 'utf8', // keep the Chinese messages readable in the bundle
    logLevel: 'warning',
  };
}

/** The import worker: same settings as main, its own entry and file. */
export function workerBuildOptions(root: string = PROJECT_ROOT): BuildOptions {
  return {
    ...mainBuildOptions(root),
    entryPoints: [path.join(root, 'main', 'core', 'import', 'import-worker.ts')],
    outfile: path.join(root, IMPORT_WORKER_BUNDLE),
    external: ['better-sqlite3'],
  };
}

/** The core's utilityProcess: same settings as main, its own entry and file. */
export function coreProcessBuildOptions(root: string = PROJECT_ROOT): BuildOptions {
  return {
    ...mainBuildOptions(root),
    entryPoints: [path.join(root, 'main', 'electron', 'core-process.ts')],
    outfile: path.join(root, CORE_PROCESS_BUNDLE),
  };
}

const CONTRACT_MODULE = /[\\/]shared[\\/]contract[\\/]index\.ts$/;

/**
 * The preload needs the contract's method names, not its zod schemas. Replace the module with a
 * generated one holding just the names; anything else imported from it fails the build.
 */
const contractNamesOnly: Plugin = {
  name: 'contract-names-only',
  setup(b) {
    b.onLoad({ filter: CONTRACT_MODULE }, () => ({
      contents: `export const METHOD_NAMES = ${JSON.stringify(METHOD_NAMES)};\n`,
      loader: 'ts',
    }));
  },
};

export function preloadBuildOptions(root: string = PROJECT_ROOT): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [path.join(root, 'main', 'electron', 'preload.cts')],
    outfile: path.join(root, PRELOAD_BUNDLE),
    bundle: true,
    // 'browser': a Node builtin would be an error here rather than a require() the sandbox refuses.
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
    plugins: [contractNamesOnly],
    metafile: true,
    charset: 'utf8', // keep the Chinese messages readable in the bundle
    logLevel: 'warning',
  };
}

/** Module names an output file require()s at run time, e.g. ['electron']. */
export function externalImports(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) names.add(imported.path);
  }
  return [...names].sort();
}

function copyRegionData(root: string): void {
  const from = path.join(root, 'main', 'core', 'regions', 'data');
  const to = path.join(root, REGION_DATA_DIR);
  fs.cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.md') });
}

export interface BundleResult {
  outDir: string;
  mainExternals: string[];
  preloadExternals: string[];
}

export async function bundleElectron(root: string = PROJECT_ROOT): Promise<BundleResult> {
  const outDir = path.join(root, ELECTRON_OUT_DIR);
  fs.rmSync(outDir, { recursive: true, force: true }); // no stale chunks or data from older builds
  const [main, preload] = await Promise.all([
    build(mainBuildOptions(root)),
    build(preloadBuildOptions(root)),
    build(workerBuildOptions(root)),
    build(coreProcessBuildOptions(root)),
  ]);
  const preloadExternals = externalImports(preload.metafile ?? { inputs: {}, outputs: {} });
  if (preloadExternals.some((name) => name !== 'electron')) {
    throw new Error(`preload.cjs must require only 'electron', but requires: ${preloadExternals.join(', ')}`);
  }
  copyRegionData(root);
  return {
    outDir,
    mainExternals: externalImports(main.metafile ?? { inputs: {}, outputs: {} }),
    preloadExternals,
  };
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const started = Date.now();
  bundleElectron().then(
    (result) =>
      console.log(
        `Electron bundle → ${path.relative(PROJECT_ROOT, result.outDir)} (${Date.now() - started} ms)`,
      ),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
