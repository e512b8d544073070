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
  /** Set when the job's earlier worker was released: rebuild its analysis (worker-slots.ts). */
  resume?: WorkerResume | null;
}

/** The settings of a preview to analyse the file again with, and the file's SHA-256 then. */
export interface WorkerResume {
  /** Every header → its target (null: not imported), as the preview had them. */
  mapping: Record<string, string | null>;
  /** 整列填同一个值 as the preview had them. */
  constants: Record<string, string>;
  sha256: string;
}

/** The same worker checks a ledger file off the main thread (backup/verify-off-thread.ts). */
export interface WorkerVerify {
  verify: { file: string; mode: 'integrity' | 'quick'; audit: boolean };
}

export type ToWorker =
  | {
      type: 'remap';
      mapping?: Record<string, string | null>;
      regionCode?: string | null;
      sheet?: string;
      /** 整列填同一个值 changes: target key → value, null removes. */
      constants?: Record<string, string | null>;
    }
  | { type: 'commit'; skipInvalid: boolean; templateName?: string; operator: string }
  | { type: 'report'; path: string }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: string; rowsRead: number; percent: number | null }
  | { type: 'ready'; preview: ImportPreview; sha256?: string }
  /** Several sheets could be the one: the clerk chooses (then a remap with `sheet`). */
  | { type: 'choose-sheet'; sheets: string[]; message: string }
  | { type: 'done'; result: ImportCommitResult }
  | { type: 'report-done'; path: string }
  | { type: 'failed'; error: { code: string; message: string } };
