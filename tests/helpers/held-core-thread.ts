// A browser-mode core thread that, given a call of HELD_METHOD, blocks the whole thread (as a long query
// does: no message is answered meanwhile) until the test creates the release file; then the call runs as
// usual. The thread writes the held file once it is blocked, so the test knows without timing.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FromCore, ToCore } from '../../main/core/owner/core-link.ts';
import { serveCore } from '../../main/core/owner/serve-core.ts';

/** The core thread's entry to give the host (`coreThread`). */
export const HELD_CORE_THREAD = new URL(import.meta.url);
/** The call that holds the core: a county report, the long query a clerk starts. */
export const HELD_METHOD = 'reports.run';
/** Exists while the core thread is held. */
export const heldFile = (ledgerPath: string) => `${ledgerPath}.held`;
/** Created by the test to let the held call go on. */
export const releaseFile = (ledgerPath: string) => `${ledgerPath}.release`;

function hold(ledgerPath: string): void {
  fs.writeFileSync(heldFile(ledgerPath), '');
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(releaseFile(ledgerPath))) Atomics.wait(nap, 0, 0, 20);
  fs.rmSync(heldFile(ledgerPath), { force: true });
}

const port = parentPort;
if (port) {
  let ledgerPath = '';
  serveCore({
    post: (m: FromCore) => port.postMessage(m),
    onMessage: (listener) =>
      port.on('message', (m: ToCore) => {
        if (m.type === 'open') ledgerPath = m.options.ledgerPath;
        if (m.type === 'call' && m.method === HELD_METHOD) hold(ledgerPath);
        listener(m);
      }),
  });
}
