// A browser-mode core thread whose ledger cannot grow: once the core is open, its own connection may use
// no more pages than the file has (max_page_count), so the next write meets SQLITE_FULL as on a full disk.
import { parentPort } from 'node:worker_threads';
import type { FromCore, ToCore } from '../../main/core/owner/core-link.ts';
import { serveCore } from '../../main/core/owner/serve-core.ts';

/** The core thread's entry to give the host (`coreThread`). */
export const FULL_LEDGER_CORE_THREAD = new URL(import.meta.url);

const port = parentPort;
if (port) {
  serveCore(
    {
      post: (m: FromCore) => port.postMessage(m),
      onMessage: (listener) => port.on('message', (m: ToCore) => listener(m)),
    },
    (core) => {
      const pages = Number(core.ledger.sqlite.pragma('page_count', { simple: true }));
      core.ledger.sqlite.pragma(`max_page_count = ${pages}`);
    },
  );
}
