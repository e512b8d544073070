// The core in Electron's utilityProcess (bundled to dist/electron/core-process.cjs): it owns the ledger and
// its only write connection, so a long query or an import's commit never freezes the window. The main
// process forwards IPC calls to it and answers its requests for dialogs and printing (core-link.ts).
import type { FromCore, ToCore } from '../core/owner/core-link.ts';
import { serveCore } from '../core/owner/serve-core.ts';

const port = process.parentPort;
serveCore({
  post: (m: FromCore) => port.postMessage(m),
  onMessage: (listener) => port.on('message', (event) => listener(event.data as ToCore)),
});
