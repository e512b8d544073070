// Real SQLite files in a fresh temporary folder for each test; no database mocks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

export function tempDir(prefix = 'ledger-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempLedgerPath(name = 'ledger.db'): string {
  return path.join(tempDir(), name);
}

/** Hash of the database file and its WAL, to prove a refused request wrote nothing. */
export function fileFingerprint(file: string): string {
  const h = crypto.createHash('sha256');
  for (const f of [file, `${file}-wal`]) {
    if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}
