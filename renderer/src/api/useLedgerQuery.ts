// A small read hook over api.call: loads on mount and whenever the request (compared by value) or
// `deps` change; `reload()` asks again. While a new answer is on its way the last one stays in
// `data`/`error` and `loading` is true, so screens do not flash empty. A failure clears `data`.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/index.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from './transport.ts';

export interface LedgerQueryOptions {
  /** False: do not ask (e.g. the city list before a province is chosen); data is undefined. */
  enabled?: boolean;
}

export interface LedgerQuery<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  /** Which request (key + reload count) this answer belongs to. */
  for: string;
  data: T | undefined;
  error: AppError | undefined;
}

export function useLedgerQuery<M extends MethodName>(
  method: M,
  request: RequestOf<M>,
  deps: DependencyList = [],
  { enabled = true }: LedgerQueryOptions = {},
): LedgerQuery<ResponseOf<M>> {
  // Requests are plain JSON (they cross IPC/HTTP as JSON), so the key is the request itself.
  const key = JSON.stringify([method, request, deps]);
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<ResponseOf<M>>>({
    for: '',
    data: undefined,
    error: undefined,
  });
  const current = `${reloads}:${key}`;

  useEffect(() => {
    if (!enabled) return;
    const [m, req] = JSON.parse(key) as [M, RequestOf<M>];
    const forKey = `${reloads}:${key}`;
    let cancelled = false;
    void api.call(m, req).then((result) => {
      if (cancelled) return;
      if (result.ok) setSettled({ for: forKey, data: result.value, error: undefined });
      else setSettled({ for: forKey, data: undefined, error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [key, reloads, enabled]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  if (!enabled) return { data: undefined, error: undefined, loading: false, reload };
  return { data: settled.data, error: settled.error, loading: settled.for !== current, reload };
}
