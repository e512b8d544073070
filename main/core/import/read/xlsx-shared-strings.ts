// The shared strings table of an .xlsx (xl/sharedStrings.xml): every distinct text of the workbook,
// which cells point at by index. A county workbook has ~30 MB of it, so it is scanned as bytes while it
// inflates, like the sheets. It is read after the sheet, keeping only the items the sheet's cells use
// (`wanted`): a file may carry up to the inflate limit (1.5 GB) of strings no cell shows, and decoding
// them all took an import to 1.75 GB. Items past the last one wanted are not even inflated. Each kept
// string is decoded into its own JS string, so none keeps a chunk alive.
import { progressReporter } from './progress.ts';
import { ReadError, formatCount, where, type ReadOptions } from './types.ts';
import { GT, LT, SLASH, endsName, matchAt } from './xml-bytes.ts';
import { decodeXmlText, richText } from './xml-text.ts';
import { findEntry, streamEntry, type InflateBudget, type ZipArchive } from './zip.ts';

const PLAIN_ITEM_OPEN = Buffer.from('<si><t>');
const PLAIN_ITEM_CLOSE = Buffer.from('</t></si>');
/** A single string item larger than this is not text a clerk typed. */
const MAX_ITEM_BYTES = 64 * 1024 * 1024;
const HEAD_PROBE = 4096;

interface Needles {
  open: Buffer;
  close: Buffer;
  tOpen: Buffer;
  tClose: Buffer;
}

/** Which items to keep (by index), and how many characters they may hold together. */
export interface WantedStrings {
  /** One bit per item: bit i set when a cell uses item i. */
  bits: Uint8Array;
  /** The highest index wanted, -1 for none. */
  last: number;
  /** Characters the kept items may hold together (ReadLimits.maxTextChars less the sheet's own text). */
  maxChars: number;
}

export const isWanted = (w: WantedStrings, i: number): boolean =>
  i <= w.last && ((w.bits[i >>> 3] ?? 0) & (1 << (i & 7))) !== 0;

/**
 * Fed the part chunk by chunk (cut anywhere); `strings` grows as items complete. Without `wanted` every
 * item is kept; with it, only those (the array then has holes) and `done` turns true after the last one.
 */
export class SharedStringsScanner {
  readonly strings: string[] = [];
  /** Items seen so far (kept or not). */
  count = 0;
  /** Characters of the items kept. */
  chars = 0;
  private readonly file: string;
  private readonly part: string;
  private readonly wanted: WantedStrings | null;
  private needles: Needles | null = null;
  private carry: Buffer | null = null;

  constructor(file: string, part: string, wanted: WantedStrings | null = null) {
    this.file = file;
    this.part = part;
    this.wanted = wanted;
  }

  /** Every wanted item has been read: the rest of the part need not be inflated. */
  get done(): boolean {
    return this.wanted !== null && this.count > this.wanted.last;
  }

  /** Whether the next item is kept. */
  private keepNext(): boolean {
    return this.wanted === null || isWanted(this.wanted, this.count);
  }

  private keep(text: string): void {
    if (this.wanted !== null) {
      this.chars += text.length;
      if (this.chars > this.wanted.maxChars) throw textTooLong(this.file, this.wanted.maxChars);
    }
    this.strings[this.count++] = text;
  }

  push(chunk: Buffer): void {
    const buf: Buffer = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    if (this.needles === null) {
      const head = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(
        buf.toString('latin1', 0, Math.min(buf.length, HEAD_PROBE)),
      );
      if (head === null) {
        if (buf.length > HEAD_PROBE) throw this.bad();
        this.carry = buf;
        return;
      }
      const prefix = head[1] ?? '';
      this.needles = {
        open: Buffer.from(`<${prefix}si`),
        close: Buffer.from(`</${prefix}si>`),
        tOpen: Buffer.from(`<${prefix}t`),
        tClose: Buffer.from(`</${prefix}t>`),
      };
    }
    const p = this.items(buf, this.needles);
    this.carry = p < buf.length ? buf.subarray(p) : null;
    if (this.carry !== null && this.carry.length > MAX_ITEM_BYTES) throw this.bad();
  }

  finish(): string[] {
    return this.strings;
  }

  /** Collects the complete items in buf; returns where the unfinished rest starts. */
  private items(buf: Buffer, { open, close, tOpen, tClose }: Needles): number {
    const plain = open.length === 3;
    let p = 0;
    for (;;) {
      if (this.done) return buf.length;
      // Plain <si><t>text</t></si> (most items) is matched byte by byte: no indexOf per string.
      if (plain && matchAt(buf, p, PLAIN_ITEM_OPEN)) {
        let j = p + PLAIN_ITEM_OPEN.length;
        while (j < buf.length && buf[j] !== LT) j++;
        if (matchAt(buf, j, PLAIN_ITEM_CLOSE)) {
          if (this.keepNext()) this.keep(decodeXmlText(buf.toString('utf8', p + PLAIN_ITEM_OPEN.length, j)));
          else this.count++;
          p = j + PLAIN_ITEM_CLOSE.length;
          continue;
        }
      }
      const at = buf.indexOf(open, p);
      if (at < 0) return Math.max(p, buf.length - 16);
      if (at + open.length >= buf.length) return at; // the name may go on in the next chunk
      const next = buf[at + open.length];
      if (next === SLASH) {
        if (this.keepNext())
          this.keep(''); // <si/>
        else this.count++;
        p = at + open.length;
        continue;
      }
      if (!endsName(next)) {
        p = at + open.length;
        continue;
      }
      const end = buf.indexOf(close, at);
      if (end < 0) return at;
      if (this.keepNext()) this.keep(stringItem(buf, at + open.length, end, tOpen, tClose));
      else this.count++;
      p = end + close.length;
    }
  }

  private bad(): ReadError {
    return new ReadError('unreadable', `${where(this.file)}的“${this.part}”格式不正确，文件可能已损坏`, {
      file: this.file,
    });
  }
}

/** One <si> body [start, end): the common `<t>…</t>` without a regex, anything richer through richText. */
function stringItem(buf: Buffer, start: number, end: number, tOpen: Buffer, tClose: Buffer): string {
  const bodyStart = buf.indexOf(GT, start) + 1; // end of the <si …> tag
  if (bodyStart > 0 && bodyStart < end && matchAt(buf, bodyStart, tOpen)) {
    const after = buf[bodyStart + tOpen.length];
    if (after !== SLASH && endsName(after)) {
      const textStart = buf.indexOf(GT, bodyStart) + 1;
      const textEnd = buf.indexOf(tClose, textStart);
      if (textEnd >= 0 && textEnd + tClose.length === end && buf[textStart - 2] !== SLASH) {
        return decodeXmlText(buf.toString('utf8', textStart, textEnd));
      }
    }
  }
  const body = buf.toString('utf8', start, end);
  return body.includes('<') ? richText(body) : '';
}

/** The refusal when a file's text passes ReadLimits.maxTextChars. */
export function textTooLong(file: string, max: number): ReadError {
  return new ReadError(
    'too-large',
    `${where(file)}中的文字超过 ${formatCount(max)} 个字符（导入上限），请分成几个文件后再导入`,
    { file },
  );
}

/** The items of the table that `wanted` names (holes elsewhere); none read when none is wanted. */
export async function readSharedStrings(
  zip: ZipArchive,
  path: string | null,
  budget: InflateBudget,
  options: ReadOptions | undefined,
  wanted: WantedStrings,
): Promise<string[]> {
  const entry = path === null ? undefined : findEntry(zip, path);
  if (entry === undefined || wanted.last < 0) return [];
  const scanner = new SharedStringsScanner(zip.file, entry.name, wanted);
  const progress = progressReporter(options, 'strings');
  await streamEntry(zip, entry, {
    budget,
    signal: options?.signal,
    onChunk: (chunk, compressedRead) => {
      scanner.push(chunk);
      progress.update(scanner.count, compressedRead / Math.max(1, entry.compressedSize));
      return scanner.done ? false : undefined;
    },
  });
  progress.done(scanner.count);
  return scanner.finish();
}
