// The host's end of the link (core-link.ts): the core answers in its own thread or process, so a long
// query or an import's commit never holds the thread that draws the window or serves HTTP.
import { LedgerError, type ErrorCode, type Result } from '../../../shared/result.ts';
import type { HandlerContext } from '../api/handlers.ts';
import type { RegisteredFile } from '../files/file-registry.ts';
import type { PrintHost } from '../api/print-handlers.ts';
import {
  hostServices,
  type FromCore,
  type LinkedCoreOptions,
  type LinkPort,
  type ToCore,
} from './core-link.ts';

export interface LinkedCore {
  call(method: string, request: unknown, options?: { validateResponses?: boolean }): Promise<Result<unknown>>;
  /** The core's file registry (browser mode: an upload is registered, a download id resolved). */
  files: {
    /** Rejects once the core has stopped. */
    register(file: RegisteredFile): Promise<string>;
    /** Null for an unknown or expired id. */
    get(fileId: string): Promise<RegisteredFile | null>;
  };
  idle(): Promise<void>;
  /** Closes the ledger (after the calls in flight) and lets the thread or process end. */
  close(): Promise<void>;
}

const CORE_NOT_OPEN = '台账尚未打开或已关闭，请重新启动程序。';

export interface ConnectOptions {
  options: Omit<LinkedCoreOptions, 'services'>;
  dialogs?: HandlerContext['dialogs'];
  printing?: PrintHost;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Opens the core at the other end of `port`; rejects as openCore would (a LedgerError with the code and
 * Chinese message). `onGone` is how the host learns that the thread or process ended.
 */
export function connectCore(
  port: LinkPort<FromCore, ToCore>,
  { options, dialogs, printing, log }: ConnectOptions,
): { opened: Promise<LinkedCore>; gone: (reason: string) => void } {
  const services = hostServices(dialogs, printing);
  const replies = new Map<number, (value: unknown) => void>();
  let next = 0;
  let goneReason: string | null = null;
  let settleOpen: { resolve: (c: LinkedCore) => void; reject: (e: Error) => void } | null = null;
  const request = (build: (id: number) => ToCore): Promise<unknown> =>
    goneReason !== null
      ? Promise.resolve(null)
      : new Promise((resolve) => {
          const id = ++next;
          replies.set(id, resolve);
          port.post(build(id));
        });

  const core: LinkedCore = {
    call: async (method, req, callOptions) => {
      if (goneReason !== null) return { ok: false, error: { code: 'internal', message: goneReason } };
      return (await request((id) => ({
        type: 'call',
        id,
        method,
        request: req,
        validateResponses: callOptions?.validateResponses ?? false,
      }))) as Result<unknown>;
    },
    files: {
      register: async (file) => {
        const fileId = await request((id) => ({ type: 'files-register', id, file }));
        if (typeof fileId !== 'string') throw new LedgerError('internal', goneReason ?? CORE_NOT_OPEN);
        return fileId;
      },
      get: async (fileId) =>
        ((await request((id) => ({ type: 'files-get', id, fileId }))) ?? null) as RegisteredFile | null,
    },
    idle: async () => {
      await request((id) => ({ type: 'idle', id }));
    },
    close: async () => {
      await request((id) => ({ type: 'close', id }));
    },
  };

  port.onMessage((m) => {
    switch (m.type) {
      case 'opened':
        settleOpen?.resolve(core);
        settleOpen = null;
        return;
      case 'open-failed':
        settleOpen?.reject(new LedgerError(m.code as ErrorCode, m.message, m.details));
        settleOpen = null;
        return;
      case 'reply': {
        const resolve = replies.get(m.id);
        replies.delete(m.id);
        resolve?.(m.value);
        return;
      }
      case 'service': {
        const run = services[m.name] as (...args: unknown[]) => Promise<unknown>;
        void run(...m.args).then(
          (value) => port.post({ type: 'service-reply', id: m.id, ok: true, value }),
          (e: unknown) =>
            port.post({
              type: 'service-reply',
              id: m.id,
              ok: false,
              code: e instanceof LedgerError ? e.code : null,
              message: (e as Error)?.message ?? String(e),
            }),
        );
        return;
      }
      case 'log':
        log?.(m.message, m.error ?? undefined);
        return;
    }
  });

  const opened = new Promise<LinkedCore>((resolve, reject) => {
    settleOpen = { resolve, reject };
    port.post({
      type: 'open',
      options: { ...options, services: { dialogs: dialogs !== undefined, printing: printing !== undefined } },
    });
  });
  return {
    opened,
    // Calls in flight are answered with the reason; later ones too.
    gone: (reason) => {
      goneReason = reason;
      settleOpen?.reject(new LedgerError('internal', reason));
      settleOpen = null;
      const failed: Result<never> = { ok: false, error: { code: 'internal', message: reason } };
      for (const resolve of replies.values()) resolve(failed);
      replies.clear();
    },
  };
}

/** What carries the core: a worker thread or Electron's utilityProcess, seen alike. */
export interface CoreCarrier {
  port: LinkPort<FromCore, ToCore>;
  onExit(listener: () => void): void;
  /** Ends the thread or process (after the ledger is closed, or when it failed to open). */
  end(): Promise<unknown> | void;
}

/** Opens the core carried by `carrier`; its close also ends the carrier. */
export async function openLinkedCore(carrier: CoreCarrier, connect: ConnectOptions): Promise<LinkedCore> {
  const link = connectCore(carrier.port, connect);
  carrier.onExit(() => link.gone('台账核心已停止，请重新启动程序。'));
  try {
    const core = await link.opened;
    return {
      ...core,
      close: async () => {
        await core.close();
        await carrier.end();
      },
    };
  } catch (e) {
    await carrier.end();
    throw e;
  }
}
