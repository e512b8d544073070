// The core in a worker thread (node:worker_threads): the entry the thread starts from. See core-link.ts.
import { parentPort } from 'node:worker_threads';
import type { FromCore, ToCore } from './core-link.ts';
import { serveCore } from './serve-core.ts';

const port = parentPort;
if (!port) throw new Error('core-thread must run in a worker thread');
serveCore({
  post: (m: FromCore) => port.postMessage(m),
  onMessage: (listener) => port.on('message', (m: ToCore) => listener(m)),
});
