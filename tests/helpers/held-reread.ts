// An import worker for tests of the commit of a released preview (held-reread-worker.ts): a worker started
// again to read the file a second time holds its 'ready' (the re-read is done, the commit not yet asked
// for) until the test releases it, so a test can act during the re-read however fast the machine is.
import { BroadcastChannel } from 'node:worker_threads';

export const REREAD_CHANNEL = 'county-ledger-test-held-reread';

/** The worker entry to give the core (`importWorker`). */
export const HELD_REREAD_WORKER = new URL('./held-reread-worker.ts', import.meta.url);

/** Resolves once a re-reading worker holds its 'ready'; `release()` lets it go on. */
export function heldReread(): { holding: Promise<void>; release(): void; close(): void } {
  const channel = new BroadcastChannel(REREAD_CHANNEL);
  const holding = new Promise<void>((resolve) => {
    channel.onmessage = (e) => {
      if ((e as MessageEvent).data === 'holding') resolve();
    };
  });
  return {
    holding,
    release: () => channel.postMessage('release'),
    close: () => channel.close(),
  };
}
