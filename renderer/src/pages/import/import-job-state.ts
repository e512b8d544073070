// The import job's states as the page reads them (pure; no API access, so tests/unit can load it).
import type { ResponseOf } from '../../../../shared/contract/index.ts';

export type ImportStatus = ResponseOf<'import.status'>;
export type ImportState = ImportStatus['state'];
export type ImportPreviewData = NonNullable<ImportStatus['preview']>;

/** How often the page asks for the status while the core works. */
export const POLL_MS = 300;

/** States in which the core is still working and the page keeps asking. */
export const isBusy = (state: ImportState): boolean =>
  state === 'queued' || state === 'reading' || state === 'analysing' || state === 'committing';

/** 排队中：前面还有 N 个导入 while the job waits for a worker (at most two imports run at once), else null. */
export const queueText = (status: ImportStatus | undefined): string | null =>
  typeof status?.queueAhead === 'number' ? `排队中：前面还有 ${status.queueAhead} 个导入` : null;
