// One import job as the page sees it: start it, poll its status every 300 ms while the core works
// (reading, analysing, committing), and ask for remaps, the commit or a cancel. The job's id outlives
// the page (import-session.ts), so a clerk who looks at another page meanwhile comes back to it.
import { useCallback, useEffect, useState } from 'react';
import type { RequestOf } from '../../../../shared/contract/index.ts';
import type { AppError, Result } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { forgetImportJob, rememberImportJob, rememberedImportJob } from './import-session.ts';

import { isBusy, POLL_MS, type ImportState, type ImportStatus } from './import-job-state.ts';

/** After a failed status request. */
const RETRY_MS = 2000;

export interface ImportJob {
  jobId: string | null;
  /** The chosen file's name (known before the preview, and kept after the commit). */
  fileName: string | null;
  status: ImportStatus | undefined;
  /** A call the core refused (start, remap, commit) or a failed status request (e.g. a lost job). */
  callError: AppError | undefined;
  /** A request is on its way (start, remap, commit, cancel). */
  sending: boolean;
  start: (request: RequestOf<'import.start'>, fileName: string | null) => Promise<void>;
  remap: (change: Omit<RequestOf<'import.remap'>, 'jobId'>) => Promise<void>;
  commit: (skipInvalid: boolean) => Promise<void>;
  /** True when the job was stopped (the ledger is unchanged). */
  cancel: () => Promise<boolean>;
  /** Back to choosing a file (the job, if any, is left to expire). */
  reset: () => void;
}

export function useImportJob(): ImportJob {
  const [session, setSession] = useState(rememberedImportJob);
  const jobId = session?.jobId ?? null;
  const [status, setStatus] = useState<ImportStatus>();
  const [callError, setCallError] = useState<AppError>();
  const [pollError, setPollError] = useState<AppError>();
  const [sending, setSending] = useState(false);
  /** Bumped after every request that makes the core work again: polling starts over. */
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      const r = await api.call('import.status', { jobId });
      if (stopped) return;
      if (!r.ok) {
        setPollError(r.error);
        // A job the core no longer knows is gone for good; anything else (the service busy or
        // restarting) is asked again a little later.
        if (r.error.code === 'not-found') forgetImportJob();
        else timer = window.setTimeout(() => void tick(), RETRY_MS);
        return;
      }
      setPollError(undefined);
      setStatus(r.value);
      if (isBusy(r.value.state)) timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId, round]);

  const send = useCallback(async <T>(call: () => Promise<Result<T>>): Promise<T | undefined> => {
    setSending(true);
    setCallError(undefined);
    const r = await call();
    setSending(false);
    if (!r.ok) {
      setCallError(r.error);
      return undefined;
    }
    return r.value;
  }, []);

  const start = useCallback(
    async (request: RequestOf<'import.start'>, fileName: string | null) => {
      const started = await send(() => api.call('import.start', request));
      if (started === undefined) return;
      const next = { jobId: started.jobId, fileName };
      rememberImportJob(next);
      setStatus(undefined);
      setSession(next);
    },
    [send],
  );

  const again = useCallback((state: ImportState) => {
    // Shown at once, before the first poll answers: the buttons must not offer the same thing twice.
    setStatus((s) => (s === undefined ? s : { ...s, state, error: null }));
    setRound((n) => n + 1);
  }, []);

  const remap = useCallback(
    async (change: Omit<RequestOf<'import.remap'>, 'jobId'>) => {
      if (jobId === null) return;
      const done = await send(() => api.call('import.remap', { jobId, ...change }));
      if (done !== undefined) again('analysing');
    },
    [jobId, send, again],
  );

  const commit = useCallback(
    async (skipInvalid: boolean) => {
      if (jobId === null) return;
      const done = await send(() => api.call('import.commit', { jobId, skipInvalid }));
      if (done !== undefined) again('committing');
    },
    [jobId, send, again],
  );

  const cancel = useCallback(async () => {
    if (jobId === null) return false;
    const r = await send(() => api.call('import.cancel', { jobId }));
    setRound((n) => n + 1);
    return r?.cancelled === true;
  }, [jobId, send]);

  const reset = useCallback(() => {
    forgetImportJob();
    setSession(null);
    setStatus(undefined);
    setCallError(undefined);
    setPollError(undefined);
  }, []);

  const fileName = status?.preview?.fileName ?? session?.fileName ?? null;
  return {
    jobId,
    fileName,
    status,
    callError: callError ?? pollError,
    sending,
    start,
    remap,
    commit,
    cancel,
    reset,
  };
}
