// An import worker for tests of a save during an import (held-commit-worker.ts): the import of one file
// keeps the write lease until the test releases it.
import { BroadcastChannel } from 'node:worker_threads';

/** The file whose import holds the write lease after its commit until `releaseHeldCommit()`. */
export const HELD_COMMIT_FILE_NAME = '导入中的花名册.xlsx';
export const RELEASE_CHANNEL = 'county-ledger-test-release-commit';

/** The worker entry to give the host (`importWorker`). */
export const HELD_COMMIT_WORKER = new URL('./held-commit-worker.ts', import.meta.url);

/** Lets the held import finish (its worker reports 'done'; the lease is given back). */
export function releaseHeldCommit(): void {
  const channel = new BroadcastChannel(RELEASE_CHANNEL);
  channel.postMessage('release');
  channel.close();
}
