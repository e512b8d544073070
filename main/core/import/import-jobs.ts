// Import jobs as the UI sees them: one worker thread per job, its progress, preview and result kept
// here for `import.status` polling. Cancel before the commit leaves the ledger untouched; cancel during
// the commit stops the thread, and SQLite rolls the unfinished transaction back.
// Memory (issue 13): at most MAX_WORKERS threads at once, later jobs wait in 'queued'; a worker whose
// preview sits unused gives its memory back (it exits; the preview stays here) and a later remap,
// commit or report starts a worker that reads the file again with the same settings (worker-slots.ts).
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { constantsProblem } from '../../../shared/import/constants.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { ImportCommitResult, ImportPreview } from './preview.ts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.ts';
import { importResourceLimits, importThreadFailure } from './heap-limit.ts';
import { resumeOf, workerLimits, type WorkerLimits } from './worker-slots.ts';

export type JobState =
  | 'queued'
  | 'reading'
  | 'analysing'
  | 'choose-sheet'
  | 'ready'
  | 'committing'
  | 'done'
  | 'failed'
  | 'cancelled';

interface Job {
  id: string;
  /** Null while the job waits for a worker, or after its idle worker was released. */
  worker: Worker | null;
  /** What its worker starts from; sheet and region follow the clerk's choices. */
  start: WorkerStart;
  /** Messages for a worker that is being started (they go once it has read the file again). */
  pending: ToWorker[];
  idleTimer: ReturnType<typeof setTimeout> | null;
  /** The file's SHA-256 when its preview was made: a worker started again must find the same file. */
  sha256: string | null;
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
  /** Told how the re-read before a commit ended (#reread): true once the same file is analysed again. */
  reread: ((ready: boolean) => void) | null;
}

/** Where the worker's entry is: the .ts beside this file, or the Electron bundle's own file. */
export const DEFAULT_WORKER_URL = new URL('./import-worker.ts', import.meta.url);
const IDLE_MS = 30 * 60_000;

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  /** Workers alive (a released one counts until it has exited and its memory is back). */
  readonly #live = new Set<Worker>();
  /** Jobs waiting for a worker, first come first served. */
  readonly #queue: Job[] = [];
  readonly #limits: WorkerLimits;
  readonly #workerUrl: URL | string;
  readonly #onChange: () => void;

  readonly #regionDataPath: string | null;

  constructor(
    workerUrl: URL | string = DEFAULT_WORKER_URL,
    onChange: () => void = () => {},
    /** Where the region extract is when not beside the code (the Electron bundle): the worker needs it
     * to derive 去向类别 in ledger imports. */
    regionDataPath: string | null = null,
    limits: Partial<WorkerLimits> = {},
  ) {
    this.#limits = { ...workerLimits(), ...limits };
    this.#workerUrl = workerUrl;
    this.#onChange = onChange;
    this.#regionDataPath = regionDataPath;
  }

  start(request: Omit<WorkerStart, 'regionDataPath'>): string {
    const start: WorkerStart = { ...request, regionDataPath: this.#regionDataPath };
    this.#sweep();
    const id = crypto.randomBytes(12).toString('base64url');
    const job: Job = {
      id,
      worker: null,
      start,
      pending: [],
      idleTimer: null,
      sha256: null,
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
      reread: null,
    };
    this.#jobs.set(id, job);
    this.#runOrQueue(job);
    return id;
  }

  /** Starts the job's worker now if a slot is free, else queues the job. */
  #runOrQueue(job: Job): void {
    if (this.#live.size < this.#limits.maxWorkers) this.#spawn(job);
    else {
      this.#queue.push(job);
      if (job.state === 'reading') job.state = 'queued';
      job.phase = 'queued';
      // A worker idle over its preview makes room at once for the job that waits.
      for (const j of this.#jobs.values()) if (j.idleTimer !== null) this.#release(j);
    }
  }

  #spawn(job: Job): void {
    const worker = new Worker(this.#workerUrl, {
      workerData: job.start,
      execArgv: ['--disable-warning=ExperimentalWarning'],
      // A hostile file must not take the whole program's memory with it; the limit also keeps V8 from
      // letting a county import's heap grow to four times its live data (heap-limit.ts).
      resourceLimits: importResourceLimits(this.#limits.heapMb),
    });
    job.worker = worker;
    if (job.state === 'queued') job.state = 'reading';
    this.#live.add(worker);
    // Events of a worker the job has let go of (released, cancelled) no longer change the job.
    const current = () => job.worker === worker;
    worker.on('message', (m: FromWorker) => {
      if (current()) this.#onMessage(job, m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (!current()) return;
      job.state = 'failed';
      job.error = { code: 'internal', message: importThreadFailure(e, this.#limits.heapMb) };
    });
    worker.on('exit', () => {
      this.#live.delete(worker);
      if (current()) {
        job.worker = null;
        // A worker that ends without finishing (out of memory, a crash) failed; the ledger is untouched
        // because its transaction never committed.
        if (job.state === 'reading' || job.state === 'analysing' || job.state === 'committing') {
          job.state = 'failed';
          job.error ??= {
            code: 'internal',
            message: `导入任务意外中止（内存不足或文件异常；导入可用 ${this.#limits.heapMb} MB），台账未改动。`,
          };
        }
        for (const r of job.reports.splice(0)) r(new Error('导入任务已结束'));
        this.#rereadDone(job, false);
        // The lease is given back once the thread is gone: until then its transaction may still be open.
        this.#releaseLease(job);
      }
      this.#next();
    });
  }

  /** Gives freed slots to the jobs that wait. */
  #next(): void {
    while (this.#live.size < this.#limits.maxWorkers) {
      const job = this.#queue.shift();
      if (job === undefined) return;
      if (job.state !== 'cancelled') this.#spawn(job);
    }
  }

  /** Ends the worker of a job whose preview waits for the clerk; the preview stays (see #send). */
  #release(job: Job): void {
    if (job.idleTimer !== null) clearTimeout(job.idleTimer);
    job.idleTimer = null;
    const worker = job.worker;
    if (worker === null) return;
    job.worker = null;
    void worker.terminate();
  }

  /** After a preview (or the sheet question): release the worker when idle, at once if a job waits. */
  #idle(job: Job): void {
    if (job.idleTimer !== null) clearTimeout(job.idleTimer);
    job.idleTimer = null;
    if (job.worker === null) return;
    if (this.#queue.length > 0) return this.#release(job);
    job.idleTimer = setTimeout(() => this.#release(job), this.#limits.idleReleaseMs);
    job.idleTimer.unref?.();
  }

  /** Workers alive now (tests and diagnostics). */
  get liveWorkers(): number {
    return this.#live.size;
  }

  #onMessage(job: Job, m: FromWorker): void {
    job.lastUsed = Date.now();
    // A worker started again for a remap, commit or report has read the file: now it gets them.
    if (m.type === 'ready') job.sha256 = m.sha256 ?? job.sha256;
    // A worker started again for a commit has read the same file again: the commit can ask for the lease.
    if (m.type === 'ready' && job.reread !== null && job.state === 'committing') {
      job.preview = m.preview;
      this.#rereadDone(job, true);
      return;
    }
    if ((m.type === 'ready' || m.type === 'choose-sheet') && job.pending.length > 0) {
      if (m.type === 'ready') job.preview = m.preview;
      for (const p of job.pending.splice(0)) job.worker?.postMessage(p);
      return;
    }
    switch (m.type) {
      case 'progress':
        job.phase = m.phase;
        job.rowsRead = m.rowsRead;
        job.percent = m.percent;
        if (job.state === 'reading' && (m.phase === 'header' || m.phase === 'validate'))
          job.state = 'analysing';
        break;
      case 'choose-sheet':
        this.#rereadDone(job, false);
        job.state = 'choose-sheet';
        job.sheetChoice = { sheets: m.sheets, message: m.message };
        job.phase = 'ready';
        this.#idle(job);
        break;
      case 'ready':
        job.state = 'ready';
        job.sheetChoice = null;
        job.preview = m.preview;
        job.phase = 'ready';
        job.percent = 100;
        this.#idle(job);
        break;
      case 'done':
        job.state = 'done';
        job.result = m.result;
        this.#releaseLease(job);
        void job.worker?.terminate();
        this.#onChange();
        break;
      case 'report-done':
        for (const r of job.reports.splice(0)) r(m.path);
        this.#idle(job);
        break;
      case 'failed':
        // A failed commit leaves the preview usable (e.g. errors appeared since); a failed read does not.
        job.error = m.error;
        job.state =
          job.state === 'committing' ? 'ready' : m.error.code === 'cancelled' ? 'cancelled' : 'failed';
        // The file changed since its preview (found when a released worker read it again).
        if (m.error.code === 'file-changed') job.state = 'failed';
        if (job.state === 'ready' && job.preview === null) job.state = 'failed';
        for (const r of job.reports.splice(0)) r(new Error(m.error.message));
        this.#rereadDone(job, false);
        this.#releaseLease(job);
        // A worker with nothing left to do gives its slot and memory back.
        if (job.state === 'ready') this.#idle(job);
        else this.#release(job);
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
      /** Waiting for a worker: the imports ahead of it (running, and queued before it). */
      queueAhead:
        j.worker === null && this.#queue.includes(j) ? this.#live.size + this.#queue.indexOf(j) : null,
      rowsRead: j.rowsRead,
      percent: j.percent,
      preview: j.state === 'done' ? null : j.preview,
      sheetChoice: j.sheetChoice,
      result: j.result,
      error: j.error,
    };
  }

  /**
   * To the job's worker; a released worker is started again first (it reads the file again with the
   * job's settings, checks it is unchanged, and then gets `m`), in the queue if no slot is free.
   */
  #send(job: Job, m: ToWorker): void {
    if (job.idleTimer !== null) clearTimeout(job.idleTimer);
    job.idleTimer = null;
    if (job.worker !== null) {
      job.worker.postMessage(m);
      return;
    }
    if (this.#queue.includes(job)) {
      job.pending.push(m);
      return;
    }
    const resumed = resumeOf(job.start, job.preview, job.sha256, m);
    job.start = resumed.start;
    job.pending.push(...resumed.pending);
    this.#runOrQueue(job);
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
    if (m.sheet !== undefined) job.start = { ...job.start, sheet: m.sheet };
    if (m.regionCode !== undefined) job.start = { ...job.start, regionCode: m.regionCode };
    this.#send(job, { type: 'remap', ...m });
  }

  commit(id: string, skipInvalid: boolean, operator: string, templateName?: string): void {
    const job = this.#get(id);
    if (job.state !== 'ready')
      throw new LedgerError(
        'validation',
        job.state === 'done' ? '本文件已经导入。' : '文件还没有分析完，不能导入。',
      );
    // The worker is kept from here on (an idle release now would make the commit read the file again).
    if (job.idleTimer !== null) clearTimeout(job.idleTimer);
    job.idleTimer = null;
    job.state = 'committing';
    job.error = null;
    job.phase = 'backup';
    this.#onChange();
    // The ledger is backed up before every import (backup/rotation.ts); a failed backup stops the import.
    const message: ToWorker = {
      type: 'commit',
      skipInvalid,
      operator,
      ...(templateName ? { templateName } : {}),
    };
    void this.beforeCommit().then(
      async () => {
        if (job.state !== 'committing') return; // cancelled while the backup ran
        // A released worker reads the file again first (about 10 s for a county roster), without the lease:
        // clerks' saves go on meanwhile; a file changed since its preview stops the import here.
        if (!(await this.#reread(job, message))) return;
        // The worker writes on its own connection only while it holds the owner's write lease.
        const release = await this.writeLease();
        if (job.state !== 'committing') return release(); // cancelled while waiting for it
        job.release = release;
        this.#send(job, message);
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

  /**
   * Before a commit: a job whose worker was released gets a new one that reads the file again with the
   * preview's settings and checks it is the file previewed (worker-slots.ts); its commit is sent only
   * once the lease is granted. Resolves false when that fails or the job is cancelled meanwhile.
   */
  #reread(job: Job, commit: ToWorker): Promise<boolean> {
    if (job.worker !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
      job.reread = resolve;
      job.start = resumeOf(job.start, job.preview, job.sha256, commit).start;
      this.#runOrQueue(job);
    });
  }

  #rereadDone(job: Job, ready: boolean): void {
    const done = job.reread;
    job.reread = null;
    done?.(ready);
  }

  #releaseLease(job: Job): void {
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
    job.pending = [];
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    this.#rereadDone(job, false);
    if (job.idleTimer !== null) clearTimeout(job.idleTimer);
    job.idleTimer = null;
    const worker = job.worker;
    // The lease is given back once the thread is gone: until then its transaction may still be open.
    if (worker !== null) {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      void worker.terminate();
    }
    return true;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) {
      if (now - job.lastUsed > IDLE_MS && job.state !== 'committing') {
        this.cancel(id);
        this.#jobs.delete(id);
      }
    }
  }

  async dispose(): Promise<void> {
    this.#queue.length = 0;
    for (const j of this.#jobs.values()) if (j.idleTimer !== null) clearTimeout(j.idleTimer);
    await Promise.all([...this.#live].map((w) => w.terminate()));
    for (const job of this.#jobs.values()) {
      this.#rereadDone(job, false);
      this.#releaseLease(job);
    }
    this.#jobs.clear();
  }
}
