// The ledger core as hosts see it: open a ledger file and get the handler table for the contract.
import { createHandlers, type HandlerContext } from './api/handlers.ts';
import { FileRegistry } from './files/file-registry.ts';
import { ImportJobs } from './import/import-jobs.ts';
import type { Handlers } from './api/dispatch.ts';
import { acquireLedgerLock } from './db/ledger-lock.ts';
import { openLedger, type Ledger } from './db/open-ledger.ts';
import { getRegionCatalog } from './regions/catalog.ts';

export interface Core {
  readonly ledger: Ledger;
  readonly handlers: Handlers;
  readonly files: FileRegistry;
  close(): Promise<void>;
}

export interface CoreOptions {
  ledgerPath: string;
  host: 'electron' | 'browser';
  /** Path of the region extract when it is not beside the code (the Electron bundle). */
  regionDataPath?: string;
  /** The import worker's entry when it is not beside the code (the Electron bundle). */
  importWorker?: URL | string;
  dialogs?: HandlerContext['dialogs'];
  /** How the host prints (Electron's printToPDF / print); default: a Chromium found on the machine. */
  printing?: HandlerContext['printing'];
  /** How a second program is told who has the ledger open. Default: from `host`. */
  program?: string;
  /** Tests only: the file registry (to simulate a temporary folder that cannot be deleted). */
  files?: FileRegistry;
  /** Where problems at close are reported (the host's log). */
  log?: (message: string, error?: unknown) => void;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  // One program per ledger (db/ledger-lock.ts); the import worker opens the file under this lock.
  const lock = acquireLedgerLock(
    options.ledgerPath,
    options.program ?? (options.host === 'electron' ? '县域统筹台账' : '县域统筹台账（浏览器模式）'),
  );
  let ledger: Ledger;
  try {
    ledger = await openLedger(options.ledgerPath);
  } catch (e) {
    lock.release();
    throw e;
  }
  const files = options.files ?? new FileRegistry();
  const jobs = new ImportJobs(options.importWorker, undefined, options.regionDataPath ?? null);
  const handlers = createHandlers({
    ledger,
    host: options.host,
    // Loaded on first use: only first-run and setup need the country-wide catalog.
    catalog: () => getRegionCatalog(options.regionDataPath),
    files,
    jobs,
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
    ...(options.printing ? { printing: options.printing } : {}),
  });
  return {
    ledger,
    handlers,
    files,
    // The ledger is closed whatever else fails: an open connection would leave ledger.db-wal behind,
    // and a clerk copying only ledger.db would lose the latest entries.
    close: async () => {
      try {
        await jobs.dispose();
      } finally {
        const leftOver = files.dispose();
        if (leftOver) options.log?.('could not delete the temporary folder', leftOver);
        try {
          await ledger.close();
        } finally {
          lock.release();
        }
      }
    },
  };
}
