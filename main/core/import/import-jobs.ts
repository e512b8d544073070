// Import jobs as the UI sees them: one worker thread per job, its progress, preview and result kept
// here for `import.status` polling. Cancel before the commit leaves the ledger untouched; cancel during
// the commit stops the thread, and SQLite rolls the unfinished transaction back.
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { constantsProblem } from '../../../shared/import/constants.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { ImportCommitResult, ImportPreview } from './preview.ts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.ts';

export type JobState =
  'reading' | 'analysing' | 'choose-sheet' | 'ready' | 'committing' | 'done' | 'failed' | 'cancelled';

interface Job {
  id: string;
  worker: Worker;
  state: JobState;
  phase: string;
  rowsRead: number;
  percent: number | null;
  preview: ImportPreview | null;
  /** In 'choose-sheet': the sheets that could be the one. */
  sheetChoice: { sheets: string[]; message: string } | null;
  result: ImportCommitResult | null;
  error: { code: string; message: string } | null;
  reports: Array<(path: string | Error) => void>;
  lastUsed: number;
  /** Gives back the write lease while the worker commits (owner/write-owner.ts); null otherwise. */
  release: (() => void) | null;
}

/** Where the worker's entry is: the .ts beside this file, or the Electron bundle's own file. */
export const DEFAULT_WORKER_URL = new URL('./import-worker.ts', import.meta.url);
const IDLE_MS = 30 * 60_000;

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #workerUrl: URL | string;
  readonly #onChange: () => void;

  readonly #regionDataPath: string | null;

  constructor(
    workerUrl: URL | string = DEFAULT_WORKER_URL,
    onChange: () => void = () => {},
    /** Where the region extract is when not beside the code (the Electron bundle): the worker needs it
     * to derive 去向类别 in ledger imports. */
    regionDataPath: string | null = null,
  ) {
    this.#workerUrl = workerUrl;
    this.#onChange = onChange;
    this.#regionDataPath = regionDataPath;
  }

  start(request: Omit<WorkerStart, 'regionDataPath'>): string {
    const start: WorkerStart = { ...request, regionDataPath: this.#regionDataPath };
    this.#sweep();
    const id = crypto.randomBytes(12).toString('base64url');
    const worker = new Worker(this.#workerUrl, {
      workerData: start,
      execArgv: ['--disable-warning=ExperimentalWarning'],
      // A hostile file must not take the whole program's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 3072 },
    });
    const job: Job = {
      id,
      worker,
      state: 'reading',
      phase: 'detect',
      rowsRead: 0,
      percent: null,
      preview: null,
      sheetChoice: null,
      result: null,
      error: null,
      reports: [],
      lastUsed: Date.now(),
      release: null,
    };
    worker.on('message', (m: FromWorker) => this.#onMessage(job, m));
    worker.on('error', (e) => {
      job.state = 'failed';
      job.error = { code: 'internal', message: `导入任务意外中止：${e.message}` };
    });
    worker.on('exit', () => {
      // A worker that ends without finishing (out of memory, a crash) failed; the ledger is untouched
      // because its transaction never committed.
      if (job.state === 'reading' || job.state === 'analysing' || job.state === 'committing') {
        job.state = 'failed';
        job.error ??= { code: 'internal', message: '导入任务意外中止（内存不足或文件异常），台账未改动。' };
      }
      for (const r of job.reports.splice(0)) r(new Error('导入任务已结束'));
      this.#release(job);
    });
    this.#jobs.set(id, job);
    return id;
  }

  #onMessage(job: Job, m: FromWorker): void {
    job.lastUsed = Date.now();
    switch (m.type) {
      case 'progress':
        job.phase = m.phase;
        job.rowsRead = m.rowsRead;
        job.percent = m.percent;
        if (job.state === 'reading' && (m.phase === 'header' || m.phase === 'validate'))
          job.state = 'analysing';
        break;
      case 'choose-sheet':
        job.state = 'choose-sheet';
        job.sheetChoice = { sheets: m.sheets, message: m.message };
        job.phase = 'ready';
        break;
      case 'ready':
        job.state = 'ready';
        job.sheetChoice = null;
        job.preview = m.preview;
        job.phase = 'ready';
        job.percent = 100;
        break;
      case 'done':
        job.state = 'done';
        job.result = m.result;
        this.#release(job);
        void job.worker.terminate();
        this.#onChange();
        break;
      case 'report-done':
        for (const r of job.reports.splice(0)) r(m.path);
        break;
      case 'failed':
        // A failed commit leaves the preview usable (e.g. errors appeared since); a failed read does not.
        job.error = m.error;
        job.state =
          job.state === 'committing' ? 'ready' : m.error.code === 'cancelled' ? 'cancelled' : 'failed';
        if (job.state === 'ready' && job.preview === null) job.state = 'failed';
        for (const r of job.reports.splice(0)) r(new Error(m.error.message));
        this.#release(job);
        break;
    }
  }

  #get(id: string): Job {
    const job = this.#jobs.get(id);
    if (!job) throw new LedgerError('not-found', '导入任务不存在或已过期，请重新选择文件。');
    job.lastUsed = Date.now();
    return job;
  }

  status(id: string) {
    const j = this.#get(id);
    return {
      jobId: j.id,
      state: j.state,
      phase: j.phase,
      rowsRead: j.rowsRead,
      percent: j.percent,
      preview: j.state === 'done' ? null : j.preview,
      sheetChoice: j.sheetChoice,
      result: j.result,
      error: j.error,
    };
  }

  #send(job: Job, m: ToWorker): void {
    job.worker.postMessage(m);
  }

  remap(id: string, m: Omit<Extract<ToWorker, { type: 'remap' }>, 'type'>): void {
    const job = this.#get(id);
    const choosing = job.state === 'choose-sheet' && m.sheet !== undefined;
    if (job.state !== 'ready' && !choosing) throw new LedgerError('validation', '文件正在处理中，请稍候。');
    // A bad whole-column value is refused here, so the preview stays as it was.
    const given = Object.entries(m.constants ?? {}).filter((e): e is [string, string] => e[1] !== null);
    const problem = constantsProblem(job.preview?.into ?? null, Object.fromEntries(given));
    if (problem !== null) throw new LedgerError('validation', problem);
    job.state = 'analysing';
    job.error = null;
    this.#send(job, { type: 'remap', ...m });
  }

  commit(id: string, skipInvalid: boolean, operator: string, templateName?: string): void {
    const job = this.#get(id);
    if (job.state !== 'ready')
      throw new LedgerError(
        'validation',
        job.state === 'done' ? '本文件已经导入。' : '文件还没有分析完，不能导入。',
      );
    job.state = 'committing';
    job.error = null;
    job.phase = 'backup';
    this.#onChange();
    // The ledger is backed up before every import (backup/rotation.ts); a failed backup stops the import.
    void this.beforeCommit().then(
      async () => {
        if (job.state !== 'committing') return; // cancelled while the backup ran
        // The worker writes on its own connection only while it holds the owner's write lease.
        const release = await this.writeLease();
        if (job.state !== 'committing') return release(); // cancelled while waiting for it
        job.release = release;
        this.#send(job, { type: 'commit', skipInvalid, operator, ...(templateName ? { templateName } : {}) });
      },
      (e: unknown) => {
        job.state = 'ready';
        job.error = { code: 'internal', message: `导入前备份台账失败，未导入：${(e as Error).message}` };
        this.#onChange();
      },
    );
  }

  /** Run before each commit (the host sets it to take a backup). */
  beforeCommit: () => Promise<unknown> = () => Promise.resolve();

  /** The exclusive write lease a commit waits for (the core sets it to its WriteOwner's). */
  writeLease: () => Promise<() => void> = () => Promise.resolve(() => {});

  #release(job: Job): void {
    const release = job.release;
    job.release = null;
    release?.();
  }

  /** Resolves with the written path. */
  errorReport(id: string, path: string): Promise<string> {
    const job = this.#get(id);
    if (job.state !== 'ready') throw new LedgerError('validation', '只有在预览时才能生成错误报告。');
    return new Promise((resolve, reject) => {
      job.reports.push((r) =>
        r instanceof Error ? reject(new LedgerError('internal', r.message)) : resolve(r),
      );
      this.#send(job, { type: 'report', path });
    });
  }

  cancel(id: string): boolean {
    const job = this.#jobs.get(id);
    if (!job || job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') return false;
    job.state = 'cancelled';
    job.error = { code: 'cancelled', message: '已取消，台账未改动。' };
    this.#send(job, { type: 'cancel' });
    // The lease is given back once the thread is gone: until then its transaction may still be open.
    void job.worker.terminate();
    return true;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) {
      if (now - job.lastUsed > IDLE_MS && job.state !== 'committing') {
        void job.worker.terminate();
        this.#jobs.delete(id);
      }
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.#jobs.values()].map((j) => j.worker.terminate()));
    for (const job of this.#jobs.values()) this.#release(job);
    this.#jobs.clear();
  }
}
