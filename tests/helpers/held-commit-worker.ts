// The real import worker, except that once HELD_COMMIT_FILE_NAME is imported its 'done' is held back until
// the test posts on RELEASE_CHANNEL (held-commit.ts): the import keeps the write lease as long as the test
// needs a save to be waiting for it, however fast the machine commits.
import { BroadcastChannel, parentPort } from 'node:worker_threads';
import type { FromWorker } from '../../main/core/import/worker-protocol.ts';
import { HELD_COMMIT_FILE_NAME, RELEASE_CHANNEL } from './held-commit.ts';

const port = parentPort;
if (!port) throw new Error('held-commit-worker must run in a worker thread');
const post = port.postMessage.bind(port);
let held = false;
port.postMessage = (m: FromWorker) => {
  if (m.type === 'ready') held = m.preview.fileName === HELD_COMMIT_FILE_NAME;
  if (m.type !== 'done' || !held) return post(m);
  const channel = new BroadcastChannel(RELEASE_CHANNEL);
  channel.onmessage = () => {
    channel.close();
    post(m);
  };
};
await import('../../main/core/import/import-worker.ts');
