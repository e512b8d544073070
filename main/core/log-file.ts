// The program's log file, for the county's IT to ask a clerk for: <data folder>/logs/county-ledger.log,
// rotated at 1 MB into county-ledger.1.log … county-ledger.3.log. A Windows program has no console and a
// UOS/Kylin desktop launch drops stderr, so without it nothing is left to send when a PC misbehaves.
// Personal data never reaches the file: ID numbers (15 or 18 characters) and mobile numbers are masked
// as everywhere else (shared/mask.ts), whatever text they appear in — error messages quote cells.
import fs from 'node:fs';
import path from 'node:path';
import { maskIdNumber, maskPhone } from '../../shared/mask.ts';

export const LOG_DIR_NAME = 'logs';
export const LOG_FILE_NAME = 'county-ledger.log';

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;

/** The text with every ID number and mobile number in it masked. */
export function redact(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE, (p) => maskPhone(p));
}

export interface LogFileOptions {
  /** Rotate when the file reaches this size. Default 1 MB. */
  maxBytes?: number;
  /** Older files kept. Default 3. */
  keep?: number;
  now?: () => Date;
}

export class LogFile {
  readonly file: string;
  readonly #maxBytes: number;
  readonly #keep: number;
  readonly #now: () => Date;

  constructor(dataDir: string, options: LogFileOptions = {}) {
    this.file = path.join(dataDir, LOG_DIR_NAME, LOG_FILE_NAME);
    this.#maxBytes = options.maxBytes ?? 1024 * 1024;
    this.#keep = options.keep ?? 3;
    this.#now = options.now ?? (() => new Date());
  }

  /** Appends one entry. Never throws: a log that cannot be written must not stop the program. */
  write(message: string, error?: unknown): void {
    try {
      const detail =
        error === undefined
          ? ''
          : ` ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      const line = `${this.#now().toISOString()} ${redact(message + detail)}\n`;
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.#rotateIfFull(Buffer.byteLength(line));
      fs.appendFileSync(this.file, line);
    } catch {
      // best effort
    }
  }

  #rotateIfFull(adding: number): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size + adding <= this.#maxBytes) return;
    const rotated = (n: number) => this.file.replace(/\.log$/, `.${n}.log`);
    fs.rmSync(rotated(this.#keep), { force: true });
    for (let n = this.#keep - 1; n >= 1; n--) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    fs.renameSync(this.file, rotated(1));
  }
}
