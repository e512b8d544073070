// A save sent while an import is writing waits in the core until the import's commit ends (one owner of
// writes, main/core/owner/). So that the clerk does not think the program froze, a write still unanswered
// after a moment asks the core why; if an import is committing, listeners are told until the write is
// answered (ImportWaitNotice shows 正在导入，稍候保存). Free of DOM and React so tests/unit can run it.
import type { LedgerTransport } from '../../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/index.ts';
import { writesLedger } from '../../../shared/contract/writes.ts';
import type { Result } from '../../../shared/result.ts';

/** How long a write may take before the core is asked whether it waits for an import. */
export const WAIT_CHECK_MS = 300;

export interface ImportWaits {
  /** Writes now known to wait for an import's commit. */
  count(): number;
  subscribe(listener: () => void): () => void;
}

export function watchImportWaits(
  inner: LedgerTransport,
  timers: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): { transport: LedgerTransport; waits: ImportWaits } {
  let waiting = 0;
  const listeners = new Set<() => void>();
  const changed = (by: number) => {
    waiting += by;
    for (const l of listeners) l();
  };
  const transport: LedgerTransport = {
    async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
      if (!writesLedger(method)) return inner.call(method, request);
      let answered = false;
      let counted = false;
      const check = timers.set(() => {
        void inner.call('app.writeState', {}).then((state) => {
          if (answered || !state.ok || !state.value.importCommitting) return;
          counted = true;
          changed(1);
        });
      }, WAIT_CHECK_MS);
      try {
        return await inner.call(method, request);
      } finally {
        answered = true;
        timers.clear(check);
        if (counted) changed(-1);
      }
    },
  };
  return {
    transport,
    waits: {
      count: () => waiting,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
