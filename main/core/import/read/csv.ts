// CSV: encoding detection, delimiter sniffing and an RFC 4180 parser (quotes, doubled quotes, line
// breaks inside quotes, CRLF/LF/CR) that is fed decoded text chunk by chunk, so a 200 MB file is never
// one string. Like Excel it is lenient: a stray quote inside an unquoted field is kept as text.
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { throwIfCancelled, progressReporter } from './progress.ts';
import { RowCollector, cellTooLong } from './row-collector.ts';
import { columnLetter } from './cell-address.ts';
import { ReadError, where, type ReadLimits, type ReadOptions, type SheetData } from './types.ts';
import { ENCODING_PROBE_BYTES, detectEncoding, type TextEncodingName } from './text-encoding.ts';

export type CsvDelimiter = ',' | '\t' | ';';
const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CR = 4;

/** V8 keeps a substring of 13+ characters as a view of its parent; copy so one ID cannot pin a 1 MB chunk. */
const detach = (s: string): string => (s.length >= 13 ? (' ' + s).slice(1) : s);

/** Short values repeat in every row (男, 户主, 是, 汉族…): one string each instead of 400,000 copies. */
const INTERN_MAX_LENGTH = 8;
const INTERN_MAX_ENTRIES = 50_000;

export interface CsvParserOptions {
  delimiter: CsvDelimiter;
  /** Called once per record; `fields` is the parser's array to keep. */
  onRecord: (fields: string[]) => void;
  /** Longest field allowed; `onTooLong` is called (and should throw) past it. */
  maxField?: number;
  onTooLong?: (recordIndex: number, fieldIndex: number, length: number) => never;
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly options: CsvParserOptions;
  private readonly maxField: number;
  private fields: string[] = [];
  private field = '';
  private readonly interned = new Map<string, string>();
  private state = FIELD_START;
  private recordStarted = false;
  /** Records emitted so far. */
  records = 0;

  constructor(options: CsvParserOptions) {
    this.options = options;
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxField = options.maxField ?? Number.POSITIVE_INFINITY;
  }

  push(text: string): void {
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case AFTER_CR:
          this.state = FIELD_START;
          if (text.charCodeAt(i) === LF) i++;
          break;
        case QUOTED: {
          const q = text.indexOf('"', i);
          this.append(q < 0 ? text.slice(i) : text.slice(i, q));
          if (q < 0) return;
          i = q + 1;
          this.state = QUOTE_IN_QUOTED;
          break;
        }
        case QUOTE_IN_QUOTED:
          if (text.charCodeAt(i) === QUOTE) {
            this.append('"'); // "" inside quotes
            i++;
            this.state = QUOTED;
          } else {
            this.state = UNQUOTED; // text after the closing quote is kept, as Excel does
          }
          break;
        default: {
          const c = text.charCodeAt(i);
          this.recordStarted = true;
          if (c === d) {
            this.endField();
            i++;
          } else if (c === LF || c === CR) {
            this.endRecord();
            this.state = c === CR ? AFTER_CR : FIELD_START;
            i++;
          } else if (c === QUOTE && this.state === FIELD_START) {
            this.state = QUOTED;
            i++;
          } else {
            const start = i;
            while (i < n) {
              const ch = text.charCodeAt(i);
              if (ch === d || ch === LF || ch === CR) break;
              i++;
            }
            this.append(text.slice(start, i));
            this.state = UNQUOTED;
          }
        }
      }
    }
  }

  /** Ends the input: an unterminated quoted field is kept as it is. */
  end(): void {
    if (this.recordStarted || this.field !== '' || this.fields.length > 0) this.endRecord();
    this.state = FIELD_START;
  }

  private append(s: string): void {
    this.recordStarted = true;
    this.field = this.field === '' ? s : this.field + s;
    if (this.field.length > this.maxField) {
      this.options.onTooLong?.(this.records, this.fields.length, this.field.length);
    }
  }

  private endField(): void {
    const field = this.field;
    if (field.length <= INTERN_MAX_LENGTH) {
      let shared = this.interned.get(field);
      if (shared === undefined) {
        shared = unwrapFormulaText(field);
        if (this.interned.size < INTERN_MAX_ENTRIES) this.interned.set(field, shared);
      }
      this.fields.push(shared);
    } else {
      this.fields.push(unwrapFormulaText(detach(field)));
    }
    this.field = '';
    this.state = FIELD_START;
  }

  private endRecord(): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    this.recordStarted = false;
    this.records++;
    this.options.onRecord(fields);
  }
}

/**
 * ="0123" is how some checkers write IDs into CSV so Excel keeps them as text (domain.md §3.1);
 * the value is the text inside.
 */
export function unwrapFormulaText(field: string): string {
  return field.length >= 3 &&
    field.charCodeAt(0) === 0x3d &&
    field.charCodeAt(1) === QUOTE &&
    field.endsWith('"')
    ? field.slice(2, -1).replace(/""/g, '"')
    : field;
}

/**
 * The delimiter that splits the sample's records most consistently into 2+ fields; comma when none
 * does (a one-column file). Only complete records of the sample are looked at.
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestShare = 0;
  let bestWidth = 1;
  for (const delimiter of DELIMITERS) {
    const widths: number[] = [];
    const parser = new CsvParser({
      delimiter,
      onRecord: (fields) => {
        if (widths.length < 50 && fields.some((f) => f !== '')) widths.push(fields.length);
      },
    });
    parser.push(sample);
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [w, k] of counts)
      if (k > modeCount || (k === modeCount && w > mode)) [mode, modeCount] = [w, k];
    if (mode < 2 || widths.length === 0) continue;
    const share = modeCount / widths.length;
    if (share > bestShare || (share === bestShare && mode > bestWidth)) {
      best = delimiter;
      bestShare = share;
      bestWidth = mode;
    }
  }
  return best;
}

/** A CSV file is one sheet, named after the file. */
export const csvSheetName = (file: string): string => basename(file, extname(file)) || basename(file);

const SAMPLE_CHARS = 64 * 1024;

export interface CsvInput {
  file: string;
  /** Size on disk, for progress. */
  size: number;
  limits: ReadLimits;
  options?: ReadOptions | undefined;
}

export async function readCsv(input: CsvInput): Promise<SheetData> {
  const head = await readHead(input.file, ENCODING_PROBE_BYTES);
  const detected = detectEncoding(head.bytes, head.complete);
  const guessedUtf8 = detected.encoding === 'utf-8' && !detected.fromBom;
  try {
    return await parseCsvFile(input, detected.encoding, guessedUtf8);
  } catch (e) {
    // Valid UTF-8 for the first megabyte but not later: a GBK file that starts in ASCII. Read again.
    if (guessedUtf8 && (e as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      return parseCsvFile(input, 'gb18030', false);
    }
    throw e;
  }
}

async function readHead(file: string, bytes: number): Promise<{ bytes: Buffer; complete: boolean }> {
  const parts: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(file, { start: 0, end: bytes - 1 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
    total += chunk.length;
  }
  return { bytes: Buffer.concat(parts), complete: total < bytes };
}

async function parseCsvFile(input: CsvInput, encoding: TextEncodingName, fatal: boolean): Promise<SheetData> {
  const { file, limits, options } = input;
  const sheet = csvSheetName(file);
  const signal = options?.signal;
  const collector = new RowCollector(limits.maxRows, file, sheet);
  const decoder = new TextDecoder(encoding, { fatal });
  const progress = progressReporter(options, 'csv');
  let sample = '';
  let read = 0;

  /** Decides the delimiter from the first text and starts the parser on it. */
  const start = (text: string): CsvParser => {
    let body = text;
    let delimiter: CsvDelimiter;
    // Excel's "sep=;" first line names the delimiter and is not data.
    const sep = /^sep=([,;\t])\r?\n/i.exec(body);
    if (sep !== null) {
      delimiter = sep[1] as CsvDelimiter;
      body = body.slice(sep[0].length);
    } else {
      delimiter = sniffDelimiter(body.slice(0, SAMPLE_CHARS));
    }
    const p = new CsvParser({
      delimiter,
      maxField: limits.maxCellChars,
      onRecord: (fields) => {
        // Record n is Excel row n (a quoted line break stays inside one row, as in Excel).
        collector.add(p.records, fields);
      },
      onTooLong: (record, field) => {
        throw cellTooLong(
          file,
          sheet,
          `第 ${record + 1} 行 ${columnLetter(field)} 列`,
          null,
          limits.maxCellChars,
          '（常见原因是引号不配对）',
        );
      },
    });
    p.push(body);
    return p;
  };

  let parser: CsvParser | null = null;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const onAbort = (): void => void stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfCancelled(signal, file);
      read += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      if (parser !== null) parser.push(text);
      else {
        sample += text;
        if (sample.length >= SAMPLE_CHARS) {
          parser = start(sample);
          sample = '';
        }
      }
      progress.update(collector.rows.length, read / Math.max(1, input.size));
    }
  } catch (e) {
    throwIfCancelled(signal, file);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
  throwIfCancelled(signal, file);
  const rest = decoder.decode();
  if (parser === null) parser = start(sample + rest);
  else parser.push(rest);
  parser.end();
  const data = collector.result([]);
  if (data.rows.length === 0) throw new ReadError('empty', `${where(file)}没有任何数据`, { file });
  progress.done(data.rows.length);
  return data;
}
