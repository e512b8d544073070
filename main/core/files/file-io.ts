// Writing, renaming and deleting files where Windows and its antivirus get in the way. Excel and WPS
// lock a workbook while it is open (EBUSY); Defender, 360 and 火绒 hold a new file for a moment while
// they scan it (EPERM/EACCES/EBUSY on rename or delete). Brief holds pass on their own, so those
// operations retry for about a second; what is still refused after that is said in Chinese.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { storageReason } from '../storage-errors.ts';

/** Error codes that a scanner's or another program's brief hold produces on Windows. */
const TRANSIENT = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY']);

export const errnoOf = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | null)?.code ?? undefined;

/** Why a file could not be written, in words a clerk can act on. */
export function writeFailureReason(cause: unknown): string {
  switch (errnoOf(cause)) {
    case 'EBUSY':
      return '文件正在被 Excel/WPS 打开，请关闭后重试';
    case 'EPERM':
    case 'EACCES':
      return '没有写入权限，或文件正在被 Excel/WPS 打开，请关闭后重试';
    case 'ENOENT':
      return '文件夹不存在';
  }
  // Disk full, read-only and the like: the one table every error path uses.
  return storageReason(cause) ?? (cause instanceof Error ? cause.message : String(cause));
}

/** True when the target is held by another program (Excel, WPS, a scanner). */
export const isFileBusy = (error: unknown): boolean => {
  const code = errnoOf(error);
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
};

export interface RetryOptions {
  /** Attempts in all. Default 8: about 1.3 s of waiting before giving up. */
  attempts?: number;
  /** Wait before the n-th retry (1-based). Default 20 ms doubling, at most 300 ms. */
  delay?: (retry: number) => number;
  /** Tests pass a wait that returns at once. */
  wait?: (ms: number) => Promise<unknown>;
}

/** Runs `op`, retrying while it fails with a transient Windows/antivirus error code. */
export async function retryTransient<T>(op: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const delay = options.delay ?? ((n: number) => Math.min(300, 20 * 2 ** (n - 1)));
  const wait = options.wait ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (attempt >= attempts || !TRANSIENT.has(errnoOf(error) ?? '')) throw error;
      await wait(delay(attempt));
    }
  }
}

/** Renames with retries (antivirus scanning the freshly written file). */
export const renameRetrying = (from: string, to: string, options?: RetryOptions): Promise<void> =>
  retryTransient(() => fs.promises.rename(from, to), options);

/**
 * Removes a folder and everything in it; Node retries EBUSY/EPERM/ENOTEMPTY itself with maxRetries.
 * Never throws: returns the error instead, so a folder a scanner still holds cannot stop a shutdown.
 */
export function removeDirQuietly(
  dir: string,
  rm: (dir: string, options: fs.RmOptions) => void = fs.rmSync,
): Error | null {
  try {
    rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    return null;
  } catch (error) {
    return error as Error;
  }
}
