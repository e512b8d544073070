// The real import worker, except that the preview of HELD_FILE_NAME is never posted (held-import.ts).
import { parentPort } from 'node:worker_threads';
import type { FromWorker } from '../../main/core/import/worker-protocol.ts';
import { HELD_FILE_NAME } from './held-import.ts';

const port = parentPort;
if (!port) throw new Error('held-import-worker must run in a worker thread');
const post = port.postMessage.bind(port);
port.postMessage = (m: FromWorker) => {
  if (m.type === 'ready' && m.preview.fileName === HELD_FILE_NAME) return;
  post(m);
};
await import('../../main/core/import/import-worker.ts');
