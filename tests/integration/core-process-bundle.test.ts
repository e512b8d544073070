// The Electron build runs the core in a utilityProcess from its own esbuild bundle (core-process.cjs). The
// Electron binary cannot run here, so the bundle is started in a worker thread with Electron's
// `process.parentPort` stood in by the thread's port (the same messages), and driven over the same link
// main.ts uses: it opens a real ledger, answers calls, asks the host for the open dialog, and closes.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { coreProcessBuildOptions } from '../../main/launcher/bundle-electron.ts';
import { openLinkedCore, type LinkedCore } from '../../main/core/owner/connect-core.ts';
import type { FromCore, ToCore } from '../../main/core/owner/core-link.ts';
import { defaultRegionDataPath } from '../../main/core/regions/catalog.ts';
import { ROOT } from '../helpers/run-cli.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const outDir = path.join(ROOT, 'dist', `test-core-process-${process.pid}`);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** Electron's ParentPort, as far as core-process.ts uses it, over a worker thread's port. */
const PARENT_PORT_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
process.parentPort = {
  postMessage: (m) => parentPort.postMessage(m),
  on: (event, listener) => parentPort.on(event, (data) => listener({ data, ports: [] })),
};
require(workerData.bundle);
`;

describe('bundled core process', () => {
  it('opens a ledger, answers calls and asks the host for dialogs, from dist-style CommonJS', async () => {
    const bundle = path.join(outDir, 'core-process.cjs');
    await build({ ...coreProcessBuildOptions(ROOT), outfile: bundle, sourcemap: false, logLevel: 'silent' });
    const worker = new Worker(PARENT_PORT_SHIM, { eval: true, workerData: { bundle } });
    const ledgerPath = tempLedgerPath();
    const picked: string[] = [];
    const core: LinkedCore = await openLinkedCore(
      {
        port: {
          post: (m: ToCore) => worker.postMessage(m),
          onMessage: (listener) => worker.on('message', (m: FromCore) => listener(m)),
        },
        onExit: (listener) => worker.on('exit', listener),
        end: () => worker.terminate(),
      },
      {
        options: { ledgerPath, host: 'electron', regionDataPath: defaultRegionDataPath() },
        dialogs: {
          pickFile: (purpose) => (picked.push(purpose), Promise.resolve(null)),
          saveFile: () => Promise.resolve(null),
        },
      },
    );
    try {
      expect(await core.call('ledger.create', { countyCode: '420626' })).toMatchObject({ ok: true });
      expect(await core.call('app.info', {})).toMatchObject({
        ok: true,
        value: { host: 'electron', initialized: true, ledgerPath },
      });
      expect(await core.call('files.pick', { purpose: 'import' })).toEqual({
        ok: true,
        value: { fileId: null, fileName: null },
      });
      expect(picked).toEqual(['import']);
    } finally {
      await core.close();
    }
    expect(fs.existsSync(`${ledgerPath}-wal`)).toBe(false); // closed properly: the WAL was checkpointed away
  });
});
