// A ledger holds every poor household's ID numbers: on Linux/UOS its file, WAL, SHM, backups and anchors
// are readable by the clerk's account only (0600; folders 0700). SQLite gives the WAL and SHM the mode of
// the database file, so creating the file 0600 before SQLite opens it covers them. On Windows the
// per-user AppData folder already carries a user-only ACL.
import fs from 'node:fs';

const POSIX = process.platform !== 'win32';

/** Creates an empty file readable by its owner only, unless it exists. */
export function createPrivateFile(file: string): void {
  if (!POSIX || file === ':memory:' || fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}

/** Takes group and other permissions away from existing files (ledgers made by older versions). */
export function makePrivate(...files: string[]): void {
  if (!POSIX) return;
  for (const file of files) {
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** A folder only its owner can list (the data folder, the backup folder). */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Flushes a file (and optionally its folder's entry) to the disk before it is relied on. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  if (!POSIX) return; // Windows cannot open a folder for fsync; NTFS journals the rename
  fsyncFile(dir);
}
