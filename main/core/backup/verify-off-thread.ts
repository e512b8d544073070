// verifyLedgerFile in a worker thread (the import worker's bundle, which answers a `verify` start): the
// checks of a county ledger take seconds (integrity_check of 100,000 households: see docs/reliability.md)
// and must not freeze the window or the browser host while they run.
import { Worker } from 'node:worker_threads';
import { DEFAULT_WORKER_URL } from '../import/import-jobs.ts';
import type { WorkerVerify } from '../import/worker-protocol.ts';
import type { LedgerFileReport, VerifyFile } from './verify-ledger-file.ts';

export const verifyOffThread =
  (workerUrl: URL | string = DEFAULT_WORKER_URL): VerifyFile =>
  (file, mode, audit) =>
    new Promise((resolve, reject) => {
      const verify: WorkerVerify = { verify: { file, mode, audit } };
      const worker = new Worker(workerUrl, { workerData: verify });
      worker.once('message', (report: LedgerFileReport) => {
        resolve(report);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`检查线程异常结束（${code}）`));
      });
    });
