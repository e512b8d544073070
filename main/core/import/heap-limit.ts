// The JavaScript heap an import may use: the app's import worker and the CLI's import thread both run
// with this old-generation limit (Worker resourceLimits). Besides stopping a hostile file from taking the
// whole machine, the limit is what keeps a county import under 1 GB: V8 lets the heap grow to about
// four times what survived the last full collection when its limit is 2 GB or more, and about 1.8 times
// at 1.5 GB. At 400,000 persons the live heap is ~250 MB, and the heap had grown to ~740 MB of mostly
// garbage with the 3 GB limit; with this one the process peaks at 0.75–0.83 GB for ~0.7 s more CPU of
// ~19 s (BENCHMARKS.md, issue 13). A file whose analysis did not fit would end the worker with 内存不足
// and write nothing.
import type { ResourceLimits } from 'node:worker_threads';

export const IMPORT_HEAP_MB = 1536;

/** The environment variable a county IT officer sets to give imports another heap limit (MB). */
export const IMPORT_HEAP_ENV = 'LEDGER_IMPORT_HEAP_MB';

/** Below this an import worker could not even load its code. */
const MIN_HEAP_MB = 32;

/**
 * The import heap limit in MB: IMPORT_HEAP_MB, or LEDGER_IMPORT_HEAP_MB when it holds a whole number of
 * at least 32 (a PC with more memory that must take a larger file; tests of the 内存不足 path). Anything
 * else is refused with a message that names the variable, rather than silently ignored.
 */
export function importHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[IMPORT_HEAP_ENV]?.trim() ?? '';
  if (text === '') return IMPORT_HEAP_MB;
  const mb = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(mb) || mb < MIN_HEAP_MB)
    throw new Error(`环境变量 ${IMPORT_HEAP_ENV} 应为不小于 ${MIN_HEAP_MB} 的整数（兆字节），现为“${text}”`);
  return mb;
}

/** The import worker's resource limits for a heap of `heapMb`. */
export function importResourceLimits(heapMb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: heapMb };
}

/** What a clerk (or the CLI) is told when an import's thread ended with `error`; the ledger is untouched. */
export function importThreadFailure(error: Error & { code?: string }, heapMb: number): string {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? `无法导入：内存不足（导入可用 ${heapMb} MB），台账未改动。请把文件分成几个再导入`
    : `导入意外中止：${error.message}，台账未改动。`;
}
