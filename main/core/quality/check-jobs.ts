// 数据质量 checks as background jobs: a check runs rule by rule, yielding between rules, so the hosts keep
// answering (progress polls, other pages) while a county is checked; cancelling stops it before it writes.
import crypto from 'node:crypto';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { runQualityCheck, type CheckOptions, type CheckSummary } from './run-check.ts';

export interface CheckJob {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  current: string | null;
  summary: Omit<CheckSummary, 'cancelled'> | null;
  error: string | null;
}

const KEEP = 20;

/** `write`: where the findings are stored (the owner's write queue in the hosts). */
export function createCheckJobs(ledger: Ledger, write?: CheckOptions['write']) {
  const jobs = new Map<string, CheckJob & { cancel: boolean }>();
  let running: string | null = null;
  const view = ({ cancel: _cancel, ...job }: CheckJob & { cancel: boolean }): CheckJob => job;
  return {
    start(region: RegionNode): string {
      // One check at a time: a second would store findings computed before the first one's writes.
      if (running !== null) return running;
      const jobId = crypto.randomUUID();
      const job = { jobId, state: 'running' as const, done: 0, total: 0, current: null, summary: null, error: null, cancel: false };
      jobs.set(jobId, job);
      running = jobId;
      void runQualityCheck(ledger, { region }, {
        onProgress: (done, total, rule) => Object.assign(job, { done, total, current: rule.title }),
        cancelled: () => job.cancel,
        ...(write ? { write } : {}),
      })
        .then(({ cancelled, ...summary }) => Object.assign(job, cancelled ? { state: 'cancelled' } : { state: 'done', summary, current: null }))
        .catch((e: unknown) => Object.assign(job, { state: 'failed', error: `核查时出错：${(e as Error)?.message ?? String(e)}` }))
        .finally(() => {
          running = null;
          for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP))) jobs.delete(id);
        });
      return jobId;
    },
    get(jobId: string): CheckJob {
      const job = jobs.get(jobId);
      if (!job) throw new LedgerError('not-found', '没有这个核查任务（可能已过期），请重新核查。');
      return view(job);
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job || job.state !== 'running') return false;
      job.cancel = true;
      return true;
    },
  };
} // prettier-ignore

export type CheckJobs = ReturnType<typeof createCheckJobs>;
