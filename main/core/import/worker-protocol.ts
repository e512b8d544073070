// Messages between the import job runner (main thread) and its worker thread.
import type { ImportCommitResult, ImportPreview } from './preview.ts';

export interface WorkerStart {
  ledgerPath: string;
  file: string;
  fileName: string;
  sheet: string | null;
  regionCode: string | null;
  /** A thematic ledger's id, or null for the household register. */
  into: string | null;
  /** The region extract's path, when not the default beside the code. */
  regionDataPath: string | null;
}

export type ToWorker =
  | { type: 'remap'; mapping?: Record<string, string | null>; regionCode?: string | null; sheet?: string }
  | { type: 'commit'; skipInvalid: boolean; templateName?: string; operator: string }
  | { type: 'report'; path: string }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: string; rowsRead: number; percent: number | null }
  | { type: 'ready'; preview: ImportPreview }
  | { type: 'done'; result: ImportCommitResult }
  | { type: 'report-done'; path: string }
  | { type: 'failed'; error: { code: string; message: string } };
