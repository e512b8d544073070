// The Electron build runs the import worker from its own esbuild bundle (CommonJS, no .ts): bundle it
// the same way into a temporary folder and drive a whole import through it.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { workerBuildOptions } from '../../main/launcher/bundle-electron.ts';
import type { FromWorker } from '../../main/core/import/worker-protocol.ts';
import { ROOT, runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';

describe('bundled import worker', () => {
  it('analyses and commits a roster from dist-style CommonJS', async () => {
    const outfile = path.join(tempDir('worker-bundle-'), 'import-worker.cjs');
    await build({ ...workerBuildOptions(ROOT), outfile, sourcemap: false, logLevel: 'silent' });
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    const { file } = villageRoster({ households: 2 });
    const worker = new Worker(outfile, {
      workerData: { ledgerPath: db, file, fileName: '花名册.xlsx', sheet: null, regionCode: null },
    });
    const seen: FromWorker[] = [];
    const result = await new Promise<FromWorker>((resolve) => {
      worker.on('message', (m: FromWorker) => {
        seen.push(m);
        if (m.type === 'ready') worker.postMessage({ type: 'commit', skipInvalid: false, operator: '测试' });
        if (m.type === 'done' || m.type === 'failed') resolve(m);
      });
    });
    await worker.terminate();
    expect(result).toMatchObject({ type: 'done', result: { persons: { created: 4 } } });
    expect(seen.some((m) => m.type === 'progress')).toBe(true);
  });
});
