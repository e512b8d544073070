// The real import worker, except that a worker started again for a released preview (workerData.resume)
// holds its 'ready' until the test posts 'release' on REREAD_CHANNEL (held-reread.ts).
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, WorkerStart } from '../../main/core/import/worker-protocol.ts';
import { REREAD_CHANNEL } from './held-reread.ts';

const port = parentPort;
if (!port) throw new Error('held-reread-worker must run in a worker thread');
const rereading = (workerData as WorkerStart).resume != null;
const post = port.postMessage.bind(port);
let held = false;
port.postMessage = (m: FromWorker) => {
  if (!rereading || held || m.type !== 'ready') return post(m);
  held = true;
  const channel = new BroadcastChannel(REREAD_CHANNEL);
  channel.onmessage = (e) => {
    if ((e as MessageEvent).data !== 'release') return;
    channel.close();
    post(m);
  };
  channel.postMessage('holding');
};
await import('../../main/core/import/import-worker.ts');
