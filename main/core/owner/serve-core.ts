// The core's end of the link (core-link.ts): opens the core when the host says so, answers its calls in
// the core's own order (core.call, one owner of writes), and asks the host for dialogs and printing.
import { LedgerError, type ErrorCode } from '../../../shared/result.ts';
import type { RegisteredFile } from '../files/file-registry.ts';
import { openCore, type Core } from '../index.ts';
import {
  servicesAsContext,
  type FromCore,
  type HostServices,
  type LinkPort,
  type ServiceName,
  type ToCore,
} from './core-link.ts';

/**
 * Serves the core over `port`; after 'close' is answered the host ends the thread or process. `opened`:
 * told the core once it is open (a test's core entry uses it to make the ledger's disk look full).
 */
export function serveCore(port: LinkPort<ToCore, FromCore>, opened?: (core: Core) => void): void {
  let core: Core | null = null;
  let nextService = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const log = (message: string, error?: unknown) =>
    port.post({
      type: 'log',
      message,
      error:
        error === undefined ? null : error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  // The host's answer has the type its HostServices method declares (core-link.ts).
  const ask = (<N extends ServiceName>(name: N, ...args: Parameters<HostServices[N]>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextService;
      pending.set(id, { resolve, reject });
      port.post({ type: 'service', id, name, args });
    })) as <N extends ServiceName>(
    name: N,
    ...args: Parameters<HostServices[N]>
  ) => ReturnType<HostServices[N]>;

  port.onMessage((m) => {
    switch (m.type) {
      case 'open': {
        const { services, ...options } = m.options;
        openCore({ ...options, ...servicesAsContext(ask, services), log }).then(
          (open) => {
            core = open;
            opened?.(open);
            port.post({ type: 'opened' });
          },
          (e: unknown) =>
            port.post({
              type: 'open-failed',
              code: e instanceof LedgerError ? e.code : 'internal',
              message: (e as Error)?.message ?? String(e),
              ...(e instanceof LedgerError && e.details !== undefined ? { details: e.details } : {}),
            }),
        );
        return;
      }
      case 'call': {
        const reply = (value: unknown) => port.post({ type: 'reply', id: m.id, value });
        if (core === null) {
          reply({
            ok: false,
            error: { code: 'internal', message: '台账尚未打开或已关闭，请重新启动程序。' },
          });
          return;
        }
        void core.call(m.method, m.request, { validateResponses: m.validateResponses, log }).then(reply);
        return;
      }
      // Answered at once, not in the owner's queue: they touch no ledger, only the core's file registry.
      case 'files-register':
        port.post({ type: 'reply', id: m.id, value: core === null ? null : core.files.register(m.file) });
        return;
      case 'files-get': {
        let file: RegisteredFile | null;
        try {
          file = core?.files.get(m.fileId) ?? null;
        } catch {
          file = null; // unknown or expired: the host answers 404
        }
        port.post({ type: 'reply', id: m.id, value: file });
        return;
      }
      case 'idle':
        void (core?.idle() ?? Promise.resolve()).then(() =>
          port.post({ type: 'reply', id: m.id, value: null }),
        );
        return;
      case 'close': {
        const open = core;
        core = null;
        void (open ? open.idle().then(() => open.close()) : Promise.resolve())
          .catch((e: unknown) => log('closing the ledger failed', e))
          .finally(() => port.post({ type: 'reply', id: m.id, value: null }));
        return;
      }
      case 'service-reply': {
        const waiting = pending.get(m.id);
        pending.delete(m.id);
        if (m.ok) waiting?.resolve(m.value);
        else
          waiting?.reject(
            m.code === null ? new Error(m.message) : new LedgerError(m.code as ErrorCode, m.message),
          );
        return;
      }
    }
  });
}
