// Files the UI may hand to the core, by opaque id: the renderer never names a path, so it cannot make
// the core read or write anything the clerk did not pick (Electron dialog) or upload (browser mode).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerError } from '../../../shared/result.ts';
import { removeDirQuietly } from './file-io.ts';

export interface RegisteredFile {
  path: string;
  name: string;
  /** Removed when the program exits (uploads, generated reports). */
  temporary: boolean;
}

/** Session folders are named county-ledger-<pid>-XXXXXX so a later start knows whose they were. */
const TEMP_PREFIX = 'county-ledger-';
const SESSION_DIR = /^county-ledger-(\d+)-[A-Za-z0-9]{6}$/;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temporary folders of sessions that ended without cleaning up (power cut, kill): their
 * uploads and generated files carry ID numbers. Folders of running programs are left alone. Returns
 * how many were removed; failures are skipped (the next start tries again).
 */
export function sweepStaleTempDirs(tmp = os.tmpdir(), isAlive: (pid: number) => boolean = alive): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = SESSION_DIR.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    if (removeDirQuietly(path.join(tmp, name)) === null) removed += 1;
  }
  return removed;
}

export class FileRegistry {
  readonly #files = new Map<string, RegisteredFile>();
  readonly #removeDir: (dir: string) => Error | null;
  #tempDir: string | null = null;

  /** removeDir: how the temporary folder is deleted (tests simulate a folder a scanner holds). */
  constructor(removeDir: (dir: string) => Error | null = removeDirQuietly) {
    this.#removeDir = removeDir;
  }

  register(file: RegisteredFile): string {
    const id = crypto.randomBytes(12).toString('base64url');
    this.#files.set(id, file);
    return id;
  }

  get(id: string): RegisteredFile {
    const f = this.#files.get(id);
    if (!f) throw new LedgerError('not-found', '文件已失效，请重新选择文件。');
    return f;
  }

  /**
   * A fresh path in this session's temporary folder. Each file gets a folder of its own, so the file
   * keeps the clerk's name: messages, a CSV's sheet name and the import history show 花名册.csv, never
   * a random prefix.
   */
  tempPath(name: string): string {
    // A temp cleaner or antivirus may have removed the folder since: make a new one then.
    if (this.#tempDir === null || !fs.existsSync(this.#tempDir)) {
      this.#tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
    }
    // Windows forbids these in names; control characters are replaced too.
    const safe =
      [...path.basename(name)]
        .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
        .join('')
        .slice(0, 120) || 'file';
    const own = path.join(this.#tempDir, crypto.randomBytes(4).toString('hex'));
    fs.mkdirSync(own);
    return path.join(own, safe);
  }

  /**
   * Deletes this session's temporary folder (it holds uploads and reports with ID numbers). Never
   * throws: returns the error when antivirus or an open report keeps the folder, for the host to log.
   */
  dispose(): Error | null {
    this.#files.clear();
    const dir = this.#tempDir;
    this.#tempDir = null;
    return dir ? this.#removeDir(dir) : null;
  }
}
