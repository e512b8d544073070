// Tests of browser mode reach its core only as the page does: contract calls over the link to the core's
// thread (`hostCall`), and the ledger file itself read on a connection of their own (`readLedger`). There
// is no core in the test's thread to reach into.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserHost } from '../../main/browser/server.ts';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { clientOf } from './core-client.ts';

/** A contract call through the host's core (validated both ways); throws on a refusal. */
export const hostCall = <M extends MethodName>(
  host: BrowserHost,
  method: M,
  request: RequestOf<M>,
): Promise<ResponseOf<M>> => clientOf(host).ok(method, request);

/** Reads the host's ledger file on a read-only connection of the test's own (WAL: what is committed). */
export function readLedger<T>(host: Pick<BrowserHost, 'ledgerPath'>, read: (db: Database.Database) => T): T {
  const db = new Database(host.ledgerPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Set-up that no contract call does (e.g. a slip number issued on a given date): on a connection of the
 * test's own, while the host is idle — never while the page or an import may be writing.
 */
export async function setUpLedger<T>(
  host: Pick<BrowserHost, 'ledgerPath'>,
  write: (ledger: Ledger) => T,
): Promise<T> {
  const ledger = await openLedger(host.ledgerPath, { backupBeforeMigrate: false });
  try {
    return write(ledger);
  } finally {
    await ledger.close();
  }
}

/** A renderer folder holding only an index.html (tests of the host, not of the page): its path. */
export function stubRenderer(dir: string): string {
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>县域统筹台账</title>');
  return renderer;
}
