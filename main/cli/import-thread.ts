// `import` runs in a worker thread of the CLI process with the import worker's heap limit
// (main/core/import/heap-limit.ts), as in the app: the same bounded memory for the same file. A thread,
// not a second process, so that killing the CLI (kill -9) still ends the import with it.
import { Worker } from 'node:worker_threads';
import { IMPORT_HEAP_MB } from '../core/import/heap-limit.ts';

/** Commands that run in the import thread. */
export const runsInImportThread = (args: readonly string[]): boolean => args[0] === 'import';

/** Runs `runCli(args)` in the thread; resolves with its exit code (2 when the thread failed). */
export function runCliInImportThread(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    let code: number | null = null;
    const worker = new Worker(new URL('./import-thread-worker.ts', import.meta.url), {
      workerData: { args: [...args] },
      execArgv: ['--disable-warning=ExperimentalWarning'],
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB },
    });
    worker.on('message', (m: number) => (code = m));
    worker.on('error', (e: Error & { code?: string }) => {
      process.stderr.write(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `无法导入：内存不足（导入可用 ${IMPORT_HEAP_MB} MB），台账未改动。\n`
          : `导入意外中止：${e.message}，台账未改动。\n`,
      );
      code = 2;
    });
    worker.on('exit', () => resolve(code ?? 2));
  });
}
