// The renderer build (dist/renderer) that Electron and browser mode show. `npm start` and
// `npm run ledger -- serve` both call ensureRendererBuilt, so a fresh clone serves the app either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_OUT_DIR } from '../electron/layout.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const RENDERER_SOURCES = ['renderer', 'shared'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite']);

/** Newest modification time of any file under `dir` (0 when it does not exist). */
export function newestMtime(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** The renderer must be rebuilt when index.html is missing or older than any renderer/ or shared/ file. */
export function rendererIsStale(root: string): boolean {
  const index = path.join(root, RENDERER_OUT_DIR, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return RENDERER_SOURCES.some((dir) => newestMtime(path.join(root, dir)) > built);
}

/**
 * Runs Vite from node_modules (never npx: nothing is downloaded). Its output goes to stderr, so that
 * `serve` keeps the URL as the first line on stdout.
 */
export function viteBuild(root: string): void {
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  console.error('正在构建界面… Building the renderer…');
  const result = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', path.join('renderer', 'vite.config.ts')],
    { cwd: root, stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) {
    throw new Error(
      `界面构建失败（vite build 退出码 ${result.status ?? result.signal}），请先运行 npm install`,
    );
  }
}

/** Builds the renderer when it is missing or stale; returns the folder to serve. */
export function ensureRendererBuilt(
  root: string = PROJECT_ROOT,
  build: (root: string) => void = viteBuild,
): string {
  if (rendererIsStale(root)) build(root);
  return path.join(root, RENDERER_OUT_DIR);
}
