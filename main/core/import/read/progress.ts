// Progress reporting and cancellation shared by the readers. Progress is throttled because a reader
// may call it for every chunk (hundreds per second) and the UI only needs a few updates a second.
import { ReadError, where, type ReadOptions } from './types.ts';

const PROGRESS_INTERVAL_MS = 100;

export interface ProgressReporter {
  /** Reports unless the last report was under 100 ms ago. */
  update(rowsRead: number, fraction: number | null): void;
  /** Always reports 100 %. */
  done(rowsRead: number): void;
}

export function progressReporter(options: ReadOptions | undefined, phase: string): ProgressReporter {
  const onProgress = options?.onProgress;
  let last = 0;
  return {
    update(rowsRead, fraction) {
      if (onProgress === undefined) return;
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const percent = fraction === null ? null : Math.min(100, Math.max(0, Math.round(fraction * 1000) / 10));
      onProgress({ phase, rowsRead, percent });
    },
    done(rowsRead) {
      onProgress?.({ phase, rowsRead, percent: 100 });
    },
  };
}

export function cancelledError(file: string, sheet?: string): ReadError {
  return new ReadError('cancelled', `已取消读取${where(file, sheet)}`, { file, sheet });
}

/** A function, not an inline check, so TypeScript does not narrow `aborted` across awaits. */
export const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

export function throwIfCancelled(signal: AbortSignal | undefined, file: string, sheet?: string): void {
  if (isAborted(signal)) throw cancelledError(file, sheet);
}
