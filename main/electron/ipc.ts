// The IPC surface of the Electron host: one `ipcMain.handle('ledger:<method>')` per contract method,
// each checking its sender before the request reaches the core. Kept apart from main.ts (and free
// of runtime 'electron' imports) so tests can drive it with a fake ipcMain.
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX } from '../../shared/api.ts';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/index.ts';
import { fail, type Result } from '../../shared/result.ts';
import type { DispatchOptions } from '../core/api/dispatch.ts';

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

/** The part of the core the IPC needs (core/index.ts): its call, which queues writes behind an import. */
export interface LedgerCaller {
  call(method: MethodName, request: unknown, options?: DispatchOptions): Promise<Result<unknown>>;
  idle(): Promise<void>;
}

export interface LedgerIpcOptions {
  /** The open core, or null before it is open / after it is closed. */
  core: () => LedgerCaller | null;
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
  // The core runs one request at a time and holds writes back while an import commits (core.call).
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method);
    ipc.handle(channel, (event, request): Promise<Result<unknown>> => {
      if (!options.isAllowedSender(event)) {
        return Promise.resolve(fail('forbidden', '拒绝来自非本程序页面的请求。'));
      }
      const core = options.core();
      if (core === null) return Promise.resolve(fail('internal', '台账尚未打开或已关闭，请重新启动程序。'));
      return core.call(method, request, options.dispatchOptions);
    });
    channels.push(channel);
  }
  return { channels, idle: () => options.core()?.idle() ?? Promise.resolve() };
}
