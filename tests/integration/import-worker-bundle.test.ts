// The Electron build runs the import worker from its own esbuild bundle (CommonJS, no .ts): bundle it
// the same way into a temporary folder and drive a whole import through it.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { workerBuildOptions } from '../../main/launcher/bundle-electron.ts';
import type { FromWorker } from '../../main/core/import/worker-protocol.ts';
import { defaultRegionDataPath } from '../../main/core/regions/catalog.ts';
import { ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';

describe('bundled import worker', () => {
  it('analyses and commits a roster from dist-style CommonJS', async () => {
    // Inside the project so that the external better-sqlite3 resolves from node_modules, as in the app.
    const outfile = path.join(ROOT, 'dist', 'test-worker', `import-worker-${process.pid}.cjs`);
    await build({ ...workerBuildOptions(ROOT), outfile, sourcemap: false, logLevel: 'silent' });
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    const { file } = villageRoster({ households: 2 });
    const worker = new Worker(outfile, {
      // As the Electron host does: the bundle has no import.meta.url to find the region data beside it
      // (the register import looks up each 证件号码's address code there).
      workerData: {
        ledgerPath: db,
        file,
        fileName: '花名册.xlsx',
        sheet: null,
        regionCode: null,
        regionDataPath: defaultRegionDataPath(),
      },
    });
    const seen: FromWorker[] = [];
    const result = await new Promise<FromWorker>((resolve) => {
      worker.on('error', (e) => resolve({ type: 'failed', error: { code: 'internal', message: e.message } }));
      worker.on('message', (m: FromWorker) => {
        seen.push(m);
        if (m.type === 'ready') worker.postMessage({ type: 'commit', skipInvalid: false, operator: '测试' });
        if (m.type === 'done' || m.type === 'failed') resolve(m);
      });
    });
    await worker.terminate();
    fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
    expect(result).toMatchObject({ type: 'done', result: { persons: { created: 4 } } });
    expect(seen.some((m) => m.type === 'progress')).toBe(true);
  });
});
