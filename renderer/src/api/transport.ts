// Picks how the renderer reaches the ledger core, once, at start-up:
//   Electron: the preload exposes a LedgerTransport as `window.ledger` (IPC underneath);
//   browser mode: `POST /api/<method>` with the token taken from `#token=…` (kept in sessionStorage).
import { PRELOAD_GLOBAL, type LedgerTransport } from '../../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/result.ts';
import { createHttpTransport, failure, isResultEnvelope } from './http-transport.ts';
import { watchImportWaits } from './import-wait.ts';
import { takeTokenFromHash } from './hash-token.ts';
import { setSessionToken } from './session-token.ts';

export type LedgerHost = 'electron' | 'browser';

const isTransport = (value: unknown): value is LedgerTransport =>
  typeof value === 'object' && value !== null && typeof (value as { call?: unknown }).call === 'function';

/** Guards the IPC path too: a thrown error or a malformed answer becomes a failed Result. */
function wrapPreload(preload: LedgerTransport): LedgerTransport {
  return {
    async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
      try {
        const result: unknown = await preload.call(method, request);
        if (isResultEnvelope(result)) return result as Result<ResponseOf<M>>;
        return failure('internal', '台账程序返回了无法识别的数据，操作结果未知。');
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return failure('internal', `与台账程序通信失败：${detail}`);
      }
    },
  };
}

const TOKEN_KEY = 'county-ledger-token';

function safeSession(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled by policy: the token then lives in memory only
  }
}

function pickTransport(): { host: LedgerHost; transport: LedgerTransport } {
  const preload: unknown = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL];
  if (isTransport(preload)) return { host: 'electron', transport: wrapPreload(preload) };

  const fromHash = takeTokenFromHash(window.location.hash);
  let token = fromHash.token;
  if (token !== null) {
    // Out of the address bar, the history entry and any bookmark. Kept in this tab's sessionStorage
    // (never a cookie, so no other site can ride on it) so that F5 does not lock the clerk out; it
    // dies with the tab and with the next program start, which makes a new token.
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search + fromHash.remainingHash);
    safeSession()?.setItem(TOKEN_KEY, token);
  } else {
    token = safeSession()?.getItem(TOKEN_KEY) ?? null;
  }
  setSessionToken(token);
  const transport = createHttpTransport({ token, fetch: (input, init) => window.fetch(input, init) });
  return { host: 'browser', transport };
}

const picked = pickTransport();
// Writes that wait for an import's commit are announced (components/ImportWaitNotice.tsx).
const watched = watchImportWaits(picked.transport);

export const api = {
  host: picked.host,
  /** One contract call; never throws — failures come back as `{ ok: false, error }` with a Chinese message. */
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
    return watched.transport.call(method, request);
  },
  /** Saves now waiting for an import's commit. */
  importWaits: watched.waits,
} as const;
