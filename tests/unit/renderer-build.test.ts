import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererIsStale } from '../../main/launcher/renderer-build.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

/** A project tree with renderer/ and shared/ sources and a builder that writes dist/renderer/index.html. */
function project() {
  const root = tempDir('renderer-build-');
  for (const dir of ['renderer/src', 'shared', 'renderer/node_modules/x']) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  }
  fs.writeFileSync(path.join(root, 'renderer/src/App.tsx'), 'x');
  fs.writeFileSync(path.join(root, 'shared/fields.ts'), 'x');
  const builds: string[] = [];
  const build = (r: string) => {
    builds.push(r);
    fs.mkdirSync(path.join(r, 'dist/renderer'), { recursive: true });
    fs.writeFileSync(path.join(r, 'dist/renderer/index.html'), '<div id="root"></div>');
  };
  const age = (file: string, seconds: number) => {
    const t = new Date(Date.now() + seconds * 1000);
    fs.utimesSync(path.join(root, file), t, t);
  };
  return { root, builds, build, age };
}

describe('the renderer build that npm start and serve both ensure', () => {
  it('builds when there is no build (a fresh clone) and returns the folder to serve', () => {
    const p = project();
    expect(rendererIsStale(p.root)).toBe(true);
    const dir = ensureRendererBuilt(p.root, p.build);
    expect(p.builds).toEqual([p.root]);
    expect(dir).toBe(path.join(p.root, 'dist', 'renderer'));
    expect(fs.existsSync(path.join(dir, 'index.html'))).toBe(true);
  });

  it('does not rebuild a current build, rebuilds after a renderer/ or shared/ change', () => {
    const p = project();
    ensureRendererBuilt(p.root, p.build);
    p.age('renderer/src/App.tsx', -60);
    p.age('shared/fields.ts', -60);
    ensureRendererBuilt(p.root, p.build);
    expect(p.builds).toHaveLength(1);
    p.age('shared/fields.ts', 60);
    ensureRendererBuilt(p.root, p.build);
    expect(p.builds).toHaveLength(2);
  });

  it('ignores node_modules inside the sources', () => {
    const p = project();
    ensureRendererBuilt(p.root, p.build);
    p.age('renderer/src/App.tsx', -60);
    p.age('shared/fields.ts', -60);
    fs.writeFileSync(path.join(p.root, 'renderer/node_modules/x/index.js'), 'x');
    p.age('renderer/node_modules/x/index.js', 60);
    expect(rendererIsStale(p.root)).toBe(false);
  });
});
