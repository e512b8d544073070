// How many import workers run at once, how long an idle one is kept, and how a job whose worker was
// released starts a new one (issue 13, bounded memory). A worker holds the whole analysed file (up to
// about 1 GB at county scale, docs/reliability.md), so two at once is what a 4 GB township PC can hold
// beside the program; eight previews open at once had held 1.8 GB until they were cancelled.
import { IMPORT_HEAP_MB, importHeapMb } from './heap-limit.ts';
import type { ImportPreview } from './preview.ts';
import type { ToWorker, WorkerResume, WorkerStart } from './worker-protocol.ts';

export interface WorkerLimits {
  /** Workers alive at once; later jobs wait in state 'queued'. */
  maxWorkers: number;
  /** A worker whose preview (or sheet question) waits this long for the clerk exits. */
  idleReleaseMs: number;
  /** Each worker's heap limit in MB (heap-limit.ts). */
  heapMb: number;
}

export const WORKER_LIMITS: WorkerLimits = Object.freeze({
  maxWorkers: 2,
  idleReleaseMs: 60_000,
  heapMb: IMPORT_HEAP_MB,
});

/** The limits in force: WORKER_LIMITS with the heap a county IT officer set (LEDGER_IMPORT_HEAP_MB). */
export function workerLimits(env: NodeJS.ProcessEnv = process.env): WorkerLimits {
  try {
    return { ...WORKER_LIMITS, heapMb: importHeapMb(env) };
  } catch (e) {
    // The app still starts; the setting is said to be wrong where the IT officer looks (the log).
    console.error(`${(e as Error).message}：导入按默认 ${IMPORT_HEAP_MB} MB 运行`);
    return WORKER_LIMITS;
  }
}

/**
 * The start of a worker for a job whose worker was released, and what to send it once it has read the
 * file again: the analysis is rebuilt from the preview's settings (sheet, column choices, whole-column
 * values; the region is in `start`), and the file must still be the one previewed (`sha256`).
 */
export function resumeOf(
  start: WorkerStart,
  preview: ImportPreview | null,
  sha256: string | null,
  m: ToWorker,
): { start: WorkerStart; pending: ToWorker[] } {
  const fresh = { ...start, resume: null };
  // Another sheet chosen (or the sheet question answered): that sheet is the new analysis itself.
  if (m.type === 'remap' && m.sheet !== undefined && (preview === null || m.sheet !== preview.sheet)) {
    const { sheet, regionCode } = m;
    const onlySheet = m.mapping === undefined && m.constants === undefined;
    return {
      start: { ...fresh, sheet, ...(regionCode === undefined ? {} : { regionCode }) },
      pending: onlySheet ? [] : [m],
    };
  }
  if (preview === null || sha256 === null) return { start: fresh, pending: [m] };
  const resume: WorkerResume = {
    mapping: Object.fromEntries(preview.mapping.map((c) => [c.header, c.target])),
    constants: preview.constants,
    sha256,
  };
  return { start: { ...start, sheet: preview.sheet, resume }, pending: [m] };
}
