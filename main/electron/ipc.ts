// The IPC surface of the Electron host: one `ipcMain.handle('ledger:<method>')` per contract method,
// each checking its sender before the request reaches the core. Kept apart from main.ts (and free
// of runtime 'electron' imports) so tests can drive it with a fake ipcMain.
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX } from '../../shared/api.ts';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/index.ts';
import { fail, type Result } from '../../shared/result.ts';
import { dispatch, type DispatchOptions, type Handlers } from '../core/api/dispatch.ts';

export const ipcChannel = (method: MethodName): string => IPC_PREFIX + method;

/** Every channel the host listens on; the preload can reach these and nothing else. */
export const ipcChannels = (): string[] => METHOD_NAMES.map(ipcChannel);

/** The part of Electron's `ipcMain` used here. */
export interface IpcRegistrar {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

export interface LedgerIpcOptions {
  /** The open core's handlers, or null before it is open / after it is closed. */
  handlers: () => Handlers | null;
  /** Whether the message comes from the main frame of our window showing our own page. */
  isAllowedSender: (event: IpcMainInvokeEvent) => boolean;
  dispatchOptions?: DispatchOptions;
}

export interface LedgerIpc {
  /** The channels registered, in METHOD_NAMES order. */
  channels: string[];
  /** Settles when every request received so far has been answered (wait for it before closing the core). */
  idle(): Promise<void>;
}

/** Registers one handler per contract method. */
export function registerLedgerIpc(ipc: IpcRegistrar, options: LedgerIpcOptions): LedgerIpc {
  // One request at a time, as in browser mode: the core owns one SQLite connection and a handler's
  // awaits must not interleave with another handler's transaction.
  let queue: Promise<unknown> = Promise.resolve();
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method);
    ipc.handle(channel, (event, request) => {
      if (!options.isAllowedSender(event)) {
        return Promise.resolve(fail('forbidden', '拒绝来自非本程序页面的请求。'));
      }
      const job = queue.then((): Promise<Result<unknown>> => {
        const handlers = options.handlers();
        if (handlers === null)
          return Promise.resolve(fail('internal', '台账尚未打开或已关闭，请重新启动程序。'));
        return dispatch(handlers, method, request, options.dispatchOptions);
      });
      queue = job.catch(() => undefined);
      return job;
    });
    channels.push(channel);
  }
  return { channels, idle: () => queue.then(() => undefined) };
}
