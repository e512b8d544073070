// Starts the core in a worker thread and links to it (core-link.ts): the host's thread then only forwards.
import { Worker } from 'node:worker_threads';
import { connectCore, type ConnectOptions, type LinkedCore } from './connect-core.ts';
import type { FromCore, ToCore } from './core-link.ts';

export const CORE_THREAD_URL = new URL('./core-thread.ts', import.meta.url);

export async function startCoreThread(
  connect: ConnectOptions,
  entry: URL | string = CORE_THREAD_URL,
): Promise<LinkedCore> {
  const worker = new Worker(entry, { execArgv: ['--disable-warning=ExperimentalWarning'] });
  const link = connectCore(
    {
      post: (m: ToCore) => worker.postMessage(m),
      onMessage: (listener) => worker.on('message', (m: FromCore) => listener(m)),
    },
    connect,
  );
  worker.on('error', (e) => connect.log?.('the core thread failed', e));
  worker.on('exit', () => link.gone('台账核心已停止，请重新启动程序。'));
  try {
    const core = await link.opened;
    return {
      ...core,
      close: async () => {
        await core.close();
        await worker.terminate();
      },
    };
  } catch (e) {
    await worker.terminate();
    throw e;
  }
}
