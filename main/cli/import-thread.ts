// `import` runs in a worker thread of the CLI process with the import worker's heap limit
// (main/core/import/heap-limit.ts), as in the app: the same bounded memory for the same file. A thread,
// not a second process, so that killing the CLI (kill -9) still ends the import with it.
import { Worker } from 'node:worker_threads';
import { importHeapMb, importResourceLimits, importThreadFailure } from '../core/import/heap-limit.ts';

/** Commands that run in the import thread. */
export const runsInImportThread = (args: readonly string[]): boolean => args[0] === 'import';

/** Runs `runCli(args)` in the thread; resolves with its exit code (2 when the thread failed). */
export function runCliInImportThread(args: readonly string[]): Promise<number> {
  let heapMb: number;
  try {
    heapMb = importHeapMb();
  } catch (e) {
    process.stderr.write(`无法导入：${(e as Error).message}，台账未改动。\n`);
    return Promise.resolve(2);
  }
  return new Promise((resolve) => {
    let code: number | null = null;
    const worker = new Worker(new URL('./import-thread-worker.ts', import.meta.url), {
      workerData: { args: [...args] },
      execArgv: ['--disable-warning=ExperimentalWarning'],
      resourceLimits: importResourceLimits(heapMb),
    });
    worker.on('message', (m: number) => (code = m));
    worker.on('error', (e: Error & { code?: string }) => {
      process.stderr.write(`${importThreadFailure(e, heapMb)}\n`);
      code = 2;
    });
    worker.on('exit', () => resolve(code ?? 2));
  });
}
