// The ledger core as hosts see it: open a ledger file and get the handler table for the contract.
import { createHandlers, type HandlerContext } from './api/handlers.ts';
import { FileRegistry, sweepStaleTempDirs } from './files/file-registry.ts';
import { ImportJobs } from './import/import-jobs.ts';
import type { DispatchOptions, Handlers } from './api/dispatch.ts';
import { acquireLedgerLock } from './db/ledger-lock.ts';
import { openLedger, type Ledger } from './db/open-ledger.ts';
import { getRegionCatalog } from './regions/catalog.ts';
import { chainedAuditHead, writeAnchor } from './audit/audit-chain.ts';
import { checkLedgerAtStart } from './backup/startup-check.ts';
import { verifyOffThread } from './backup/verify-off-thread.ts';
import { ledgerPlace, placeRefusal } from './db/ledger-location.ts';
import { defaultDataDir, LEDGER_FILE_NAME } from './paths.ts';
import { LedgerError } from '../../shared/result.ts';
import path from 'node:path';
import { rotatingBackup, type BackupReason } from './backup/rotation.ts';
import { ownedCall, WriteOwner } from './owner/write-owner.ts';
import type { Result } from '../../shared/result.ts';
import { checkRestoreSource, restoreLedger, type RestoreResult } from './backup/restore-ledger.ts';
import type { Handlers as HandlerTable } from './api/dispatch.ts';

export interface Core {
  readonly ledger: Ledger;
  readonly handlers: Handlers;
  readonly files: FileRegistry;
  /**
   * How hosts run a contract call: validated and answered by the dispatch, in turn through the one owner
   * of writes (owner/write-owner.ts), so a save during an import's commit waits for it instead of failing.
   */
  call(method: string, request: unknown, options?: DispatchOptions): Promise<Result<unknown>>;
  /** Settles once every call received so far has been answered. */
  idle(): Promise<void>;
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
  /**
   * The hosts a clerk uses (window, browser mode): quick_check before opening, a backup at start, every
   * few hours and before every import (backup/). CLI commands leave it off; `backup` is a command.
   */
  safeguards?: boolean;
}

/** Hours of use between automatic backups. */
const BACKUP_EVERY_MS = 4 * 60 * 60 * 1000;

export async function openCore(options: CoreOptions): Promise<Core> {
  // One program per ledger (db/ledger-lock.ts); the import worker opens the file under this lock.
  const lock = acquireLedgerLock(
    options.ledgerPath,
    options.program ?? (options.host === 'electron' ? '县域统筹台账' : '县域统筹台账（浏览器模式）'),
  );
  let ledger: Ledger;
  // Checks of a county ledger take seconds: in a worker thread, not the one answering the UI.
  const verify = verifyOffThread(options.importWorker);
  try {
    if (options.safeguards) {
      const refusal = placeRefusal(
        options.ledgerPath,
        ledgerPlace(options.ledgerPath),
        path.join(defaultDataDir(), LEDGER_FILE_NAME),
      );
      if (refusal) throw new LedgerError('forbidden', refusal);
      await checkLedgerAtStart(options.ledgerPath, verify);
      sweepStaleTempDirs();
    }
    ledger = await openLedger(options.ledgerPath);
  } catch (e) {
    lock.release();
    throw e;
  }
  const files = options.files ?? new FileRegistry();
  const jobs = new ImportJobs(options.importWorker, undefined, options.regionDataPath ?? null);
  const owner = new WriteOwner();
  jobs.writeLease = () => owner.lease();
  let backups: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  if (options.safeguards) {
    // One backup at a time; a failed automatic backup is logged, never fatal (the next one retries).
    const backup = (reason: BackupReason) =>
      (backups = backups.then(() => rotatingBackup(ledger, reason, new Date(), verify)));
    void backup('start').catch((e: unknown) => options.log?.('backup at start failed', e));
    timer = setInterval(() => {
      void backup('hourly').catch((e: unknown) => options.log?.('scheduled backup failed', e));
    }, BACKUP_EVERY_MS);
    timer.unref();
    jobs.beforeCommit = () => backup('before-import');
  }
  const makeHandlers = (): HandlerTable =>
    createHandlers({
      ledger,
      host: options.host,
      // Loaded on first use: only first-run and setup need the country-wide catalog.
      catalog: () => getRegionCatalog(options.regionDataPath),
      files,
      jobs,
      owner,
      ...(options.dialogs ? { dialogs: options.dialogs } : {}),
      ...(options.printing ? { printing: options.printing } : {}),
      backups: { verify, restore },
    });
  // 恢复 replaces the file under the open core: pending backups finish, import workers (their own
  // connections) stop, the connection closes, restoreLedger swaps the file (old or new after a power
  // cut), and the ledger opens again (migrated if the backup is older) with fresh handlers, so nothing
  // cached for the old file survives. The lock is held throughout.
  async function restore(source: string) {
    // A file that cannot replace the ledger is refused while everything is still open and untouched.
    const checked = await checkRestoreSource(options.ledgerPath, source, verify);
    await backups.catch(() => undefined);
    await jobs.dispose();
    writeAnchor(ledger.path, chainedAuditHead(ledger.sqlite));
    await ledger.close();
    let result: RestoreResult;
    try {
      result = await restoreLedger(options.ledgerPath, source, new Date(), verify, checked);
    } finally {
      ledger = await openLedger(options.ledgerPath);
      handlers = makeHandlers();
    }
    return { result, ledger };
  }
  let handlers = makeHandlers();
  return {
    get ledger() {
      return ledger;
    },
    get handlers() {
      return handlers;
    },
    files,
    // A getter: 恢复 replaces the handler table.
    call: ownedCall(owner, () => handlers),
    idle: () => owner.idle(),
    // The ledger is closed whatever else fails: an open connection would leave ledger.db-wal behind,
    // and a clerk copying only ledger.db would lose the latest entries.
    close: async () => {
      try {
        if (timer) clearInterval(timer);
        await backups.catch(() => undefined);
        await jobs.dispose();
      } finally {
        const leftOver = files.dispose();
        if (leftOver) options.log?.('could not delete the temporary folder', leftOver);
        try {
          writeAnchor(ledger.path, chainedAuditHead(ledger.sqlite));
        } catch (e) {
          options.log?.('could not write the audit anchor', e);
        }
        try {
          await ledger.close();
        } finally {
          lock.release();
        }
      }
    },
  };
}
