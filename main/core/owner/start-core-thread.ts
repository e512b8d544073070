// Starts the core in a worker thread and links to it (core-link.ts): the host's thread then only forwards.
import { Worker } from 'node:worker_threads';
import { openLinkedCore, type ConnectOptions, type LinkedCore } from './connect-core.ts';
import type { FromCore, ToCore } from './core-link.ts';

export const CORE_THREAD_URL = new URL('./core-thread.ts', import.meta.url);

export function startCoreThread(
  connect: ConnectOptions,
  entry: URL | string = CORE_THREAD_URL,
): Promise<LinkedCore> {
  const worker = new Worker(entry, { execArgv: ['--disable-warning=ExperimentalWarning'] });
  worker.on('error', (e) => connect.log?.('the core thread failed', e));
  return openLinkedCore(
    {
      port: {
        post: (m: ToCore) => worker.postMessage(m),
        onMessage: (listener) => worker.on('message', (m: FromCore) => listener(m)),
      },
      onExit: (listener) => worker.on('exit', listener),
      end: () => worker.terminate(),
    },
    connect,
  );
}
