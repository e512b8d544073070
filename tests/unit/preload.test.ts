import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { externalImports, MAIN_EXTERNALS, preloadBuildOptions } from '../../main/launcher/bundle-electron.ts';
import { METHOD_NAMES } from '../../shared/contract/index.ts';

const source = (file: string) =>
  readFileSync(new URL(`../../main/electron/${file}`, import.meta.url), 'utf8');
/** `import … from 'electron'` that is not `import type`, or require('electron'). */
const RUNTIME_ELECTRON_IMPORT =
  /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(['"]electron['"]\)/m;

describe('preload bundle', () => {
  it("requires nothing but 'electron' and contains no zod", async () => {
    const result = await build({ ...preloadBuildOptions(), write: false });
    expect(result.metafile && externalImports(result.metafile)).toEqual(['electron']);
    expect(Object.keys(result.metafile?.inputs ?? {}).some((input) => input.includes('node_modules'))).toBe(
      false,
    );
    const text = result.outputFiles[0]?.text ?? '';
    expect(text).not.toMatch(/zod/i);
    // The contract module was replaced by its list of names.
    for (const name of METHOD_NAMES) expect(text).toContain(JSON.stringify(name));
    expect(text).toContain('exposeInMainWorld');
  });
});

describe('electron imports', () => {
  it('only main.ts and the preload load Electron at run time', () => {
    expect(source('main.ts')).toMatch(RUNTIME_ELECTRON_IMPORT);
    expect(source('preload.cts')).toMatch(RUNTIME_ELECTRON_IMPORT);
    // These are imported by tests and by the launcher in plain Node, where require('electron')
    // would try to download the Electron binary.
    for (const file of ['security.ts', 'ipc.ts', 'layout.ts']) {
      expect(source(file), file).not.toMatch(RUNTIME_ELECTRON_IMPORT);
    }
  });

  it('keeps electron and better-sqlite3 out of main.cjs', () => {
    expect([...MAIN_EXTERNALS]).toEqual(['electron', 'better-sqlite3']);
  });
});
