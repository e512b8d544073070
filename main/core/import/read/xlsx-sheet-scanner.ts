// A hand-written scanner for one worksheet's XML, fed chunk by chunk as it inflates. It works on the
// bytes: tags are found with Buffer.indexOf and short byte loops, and only cell values become strings
// (each a fresh string, so no value pins an inflated chunk in memory). A DOM or a SAX parser would cost
// several times more per cell; at 400,000 rows × 30 columns this loop is most of the import time.
// A shared-string cell is kept as its index until finish(): the shared strings are read after the sheet,
// only those its cells use (xlsx-shared-strings.ts).
import { MAX_COLUMNS, columnIndex, columnLetter } from './cell-address.ts';
import { dateCellText, zeroPadded, type CellFormat } from './date-format.ts';
import { RowCollector, cellTooLong } from './row-collector.ts';
import { textTooLong, type WantedStrings } from './xlsx-shared-strings.ts';
import { ReadError, where, type Merge, type ReadLimits, type SheetData } from './types.ts';
import { APOS, EQ, GT, LT, QUOTE, SLASH, endsName, isXmlSpace, matchAt } from './xml-bytes.ts';
import { decodeXmlText, parseAttributes, richText } from './xml-text.ts';

export interface SheetScanContext {
  file: string;
  sheet: string;
  /** Per cell style index: what its number format does to a number's text (null: nothing). */
  styleFormats: ReadonlyArray<CellFormat | null>;
  date1904: boolean;
  limits: ReadLimits;
  /** Stop after the head (for the <dimension> when listing sheets). */
  headOnly?: boolean;
}

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const STATE_HEAD = 0;
const STATE_ROWS = 1;
const STATE_TAIL = 2;
const STATE_DONE = 3;

/**
 * A shared-string index at or past this cannot exist: the smallest item (<si/>) takes 5 bytes of the
 * 1.5 GB inflate limit. Such a cell reads as empty, as one past the table's end does.
 */
const MAX_STRING_INDEX = Math.ceil((1536 * 1024 * 1024) / 5);
/** One row's XML larger than this is not a spreadsheet row; stop before the carry-over eats memory. */
const MAX_ROW_BYTES = 32 * 1024 * 1024;
const HEAD_PROBE = 4096;
/** Zero bytes after the data in each scan buffer (see push). */
const PADDING = 16;
/** Room over the first chunk's size, so a longer carry-over rarely makes the scan buffer grow again. */
const SCRATCH_SLACK = 64 * 1024;

const CH_0 = 0x30;
/** Shared texts of 0–999. */
const SMALL_INTEGERS: string[] = [];
const CH_9 = 0x39;
const CH_r = 0x72;
const CH_t = 0x74;
const CH_s = 0x73;
const CH_1 = 0x31;
const CH_c = 0x63;
const CH_v = 0x76;

interface Needles {
  row: Buffer;
  rowClose: Buffer;
  cell: Buffer;
  cellClose: Buffer;
  value: Buffer;
  valueClose: Buffer;
  sheetDataClose: Buffer;
  mergeCell: Buffer;
}

function needles(prefix: string): Needles {
  const b = (s: string): Buffer => Buffer.from(s, 'latin1');
  return {
    row: b(`<${prefix}row`),
    rowClose: b(`</${prefix}row>`),
    cell: b(`<${prefix}c`),
    cellClose: b(`</${prefix}c>`),
    value: b(`<${prefix}v`),
    valueClose: b(`</${prefix}v>`),
    sheetDataClose: b(`</${prefix}sheetData>`),
    mergeCell: b(`<${prefix}mergeCell`),
  };
}

function typeCode(buf: Buffer, a: number, b: number): number {
  const len = b - a;
  if (len === 1) {
    switch (buf[a]) {
      case CH_s:
        return T_SHARED;
      case 0x62: // b
        return T_BOOL;
      case 0x65: // e
        return T_ERROR;
      case 0x64: // d
        return T_DATE;
      default:
        return T_NUMBER;
    }
  }
  if (len === 3 && buf[a] === CH_s) return T_STR; // str
  if (len === 9 && buf[a] === 0x69) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** Column of a cell reference such as 'AB12' (0-based), or -1 when it has no letters. */
function refColumn(buf: Buffer, a: number, b: number): number {
  let col = 0;
  let i = a;
  for (; i < b && i < a + 4; i++) {
    const ch = buf[i] ?? 0;
    if (ch >= CH_0 && ch <= CH_9) break;
    const up = ch & ~0x20;
    if (up < 65 || up > 90) return -1;
    col = col * 26 + (up - 64);
  }
  return i === a ? -1 : col - 1;
}

function parseUint(buf: Buffer, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const ch = buf[i] ?? 0;
    if (ch < CH_0 || ch > CH_9) return -1;
    n = n * 10 + (ch - CH_0);
  }
  return b > a ? n : -1;
}

export class SheetScanner {
  private readonly ctx: SheetScanContext;
  private readonly collector: RowCollector;
  private readonly merges: Merge[] = [];
  /** Date text by whole serial (dates repeat a lot: birth dates, 数据日期). */
  private readonly dateCache = new Map<number, string>();
  // Copied out of ctx: read once per cell in the hot loop.
  private readonly styleFormats: ReadonlyArray<CellFormat | null>;
  private readonly maxCellChars: number;
  private state = STATE_HEAD;
  private carry: Buffer | null = null;
  /** The buffer chunks are scanned in (push); `carry` is a part of it until the next push. */
  private scratch: Buffer = Buffer.alloc(0);
  private n: Needles = needles('');
  /** No namespace prefix (the usual case): tags are compared byte by byte without matchAt. */
  private plain = true;
  private lastRow = 0;
  /**
   * Set when the previous chunk ended inside a row: where (from the row's start) to resume looking for
   * its </row>, so a huge row is searched once instead of parsed again for every chunk.
   */
  private pendingRowCloseFrom = -1;
  /** Columns of the row being parsed whose cell is a number (not a date or time); reused row after row. */
  private readonly numberColumns: number[] = [];
  /** The row being parsed, reused row after row (the collector keeps a copy of exactly its length). */
  private readonly rowCells: Array<string | number> = [];
  /** Set by value() when the text it gave is a number's; cleared by cells() when it takes it. */
  private numberValue = false;
  /** Shared strings the cells use: one bit per index (grown as needed), and the highest index. */
  private usedStrings = new Uint8Array(1024);
  private lastString = -1;
  /** Characters of the sheet's own text (inline strings, formula text): ReadLimits.maxTextChars. */
  private textChars = 0;
  /** Last row of the <dimension> the writer declared, null when absent. */
  dimensionRows: number | null = null;

  constructor(ctx: SheetScanContext) {
    this.ctx = ctx;
    this.styleFormats = ctx.styleFormats;
    this.maxCellChars = ctx.limits.maxCellChars;
    this.collector = new RowCollector(ctx.limits.maxRows, ctx.file, ctx.sheet);
  }

  get rowsRead(): number {
    return this.collector.rows.length;
  }

  /** True once the head (up to <sheetData>) has been seen, i.e. dimensionRows is known. */
  get headDone(): boolean {
    return this.state !== STATE_HEAD;
  }

  push(chunk: Buffer): void {
    // Carry-over and chunk are copied into one buffer with zeroed padding after `end`: the scanning
    // loops may then look a few bytes ahead without bounds checks. (Reading past a typed array's end
    // makes V8 deoptimise the hot loop, which costs more than this copy.)
    // One buffer serves every chunk: a fresh 256 KB one per chunk made ~470 MB of short-lived memory
    // outside the heap at 400,000 rows, which V8 counts towards starting full collections.
    const carried = this.carry?.length ?? 0;
    const end = carried + chunk.length;
    const size = end + PADDING;
    if (this.scratch.length < size) {
      const grown = Buffer.allocUnsafe(size + SCRATCH_SLACK);
      this.carry?.copy(grown, 0);
      this.scratch = grown;
    } else if (this.carry !== null && carried > 0) {
      const from = this.carry.byteOffset - this.scratch.byteOffset;
      this.scratch.copyWithin(0, from, from + carried);
    }
    // Exactly as long as carry + chunk + padding: a search never runs into an older chunk's bytes.
    const buf = this.scratch.subarray(0, size);
    chunk.copy(buf, carried);
    buf.fill(0, end);
    let p = 0;
    if (this.state === STATE_HEAD) {
      p = this.head(buf, end);
      if (this.ctx.headOnly === true && this.state !== STATE_HEAD) this.state = STATE_DONE;
    }
    if (this.state === STATE_ROWS) p = this.rows(buf, p, end);
    if (this.state === STATE_TAIL) p = this.tail(buf, p, end);
    this.carry = p < end && this.state !== STATE_DONE ? buf.subarray(p, end) : null;
    if (this.carry !== null && this.carry.length > MAX_ROW_BYTES) {
      throw this.malformed(`第 ${this.lastRow + 1} 行的数据超过 ${MAX_ROW_BYTES / 1024 / 1024} MB`);
    }
  }

  /** The shared strings to read for finish(), with the characters left for them. */
  get wantedStrings(): WantedStrings {
    return {
      bits: this.usedStrings,
      last: this.lastString,
      maxChars: this.ctx.limits.maxTextChars - this.textChars,
    };
  }

  /**
   * The rows, each shared-string cell replaced by its text from `sharedStrings` (what readSharedStrings
   * gave for wantedStrings; a missing item reads as empty).
   */
  finish(sharedStrings: readonly (string | undefined)[] = []): SheetData {
    if (this.state === STATE_HEAD || this.state === STATE_ROWS) {
      // A sheet cut off in the middle of <sheetData> would silently lose rows.
      if (this.state === STATE_ROWS || (this.carry?.length ?? 0) > 0)
        throw this.malformed('工作表数据不完整');
    }
    const data = this.collector.result(this.merges);
    if (this.lastString >= 0) this.resolveShared(data, sharedStrings);
    return data;
  }

  private resolveShared(data: SheetData, sharedStrings: readonly (string | undefined)[]): void {
    const { file, sheet, limits } = this.ctx;
    data.rows.resolveShared(sharedStrings, this.maxCellChars, (i, c, length) => {
      const row = data.rowNumbers?.[i] ?? i + 1;
      throw cellTooLong(file, sheet, `第 ${row} 行 ${columnLetter(c)} 列`, length, limits.maxCellChars);
    });
    // A row of shared strings that turned out empty, at the end, is dropped like any empty row.
    const dropped = data.rows.dropTrailingEmpty();
    if (dropped > 0 && data.rowNumbers !== undefined) data.rowNumbers.length -= dropped;
  }

  /** Marks shared string `index` as used; returns it (the cell's placeholder until finish). */
  private useString(index: number): number | string {
    if (index < 0 || index >= MAX_STRING_INDEX) return '';
    const byte = index >>> 3;
    if (byte >= this.usedStrings.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.usedStrings.length * 2));
      grown.set(this.usedStrings);
      this.usedStrings = grown;
    }
    this.usedStrings[byte] = (this.usedStrings[byte] ?? 0) | (1 << (index & 7));
    if (index > this.lastString) this.lastString = index;
    return index;
  }

  /** Counts the sheet's own text against ReadLimits.maxTextChars. */
  private ownText(text: string): string {
    this.textChars += text.length;
    if (this.textChars > this.ctx.limits.maxTextChars)
      throw textTooLong(this.ctx.file, this.ctx.limits.maxTextChars);
    return text;
  }

  private malformed(detail: string): ReadError {
    const { file, sheet } = this.ctx;
    return new ReadError('unreadable', `${where(file, sheet)}格式不正确（${detail}），文件可能已损坏`, {
      file,
      sheet,
    });
  }

  /** Finds the namespace prefix, the declared dimension and the start of <sheetData>. */
  private head(buf: Buffer, end: number): number {
    const probe = buf.toString('latin1', 0, Math.min(end, HEAD_PROBE));
    const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(probe);
    if (root === null) {
      if (end < HEAD_PROBE) return 0;
      throw this.malformed('不是工作表');
    }
    const prefix = root[1] ?? '';
    this.n = needles(prefix);
    this.plain = prefix === '';
    const at = buf.indexOf(`<${prefix}sheetData`, 0, 'latin1');
    if (at < 0) {
      if (buf.indexOf(`</${prefix}worksheet>`, 0, 'latin1') >= 0) {
        this.state = STATE_DONE; // a sheet without <sheetData>
        return end;
      }
      return 0; // wait for more (the <cols> list can be long)
    }
    const dim = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(
      buf.toString('latin1', 0, at),
    );
    if (dim !== null) {
      const last = /(\d+)\s*$/.exec(dim[1] ?? '');
      if (last !== null) this.dimensionRows = Number(last[1]);
    }
    const gt = buf.indexOf(GT, at);
    if (gt < 0) return 0;
    this.state = buf[gt - 1] === SLASH ? STATE_TAIL : STATE_ROWS;
    return gt + 1;
  }

  private rows(buf: Buffer, from: number, end: number): number {
    const { row: rowOpen, rowClose } = this.n;
    let p = from;
    let search = from;
    for (;;) {
      const at = buf.indexOf(rowOpen, search);
      if (at < 0) {
        const close = buf.indexOf(this.n.sheetDataClose, p);
        if (close >= 0) {
          this.state = STATE_TAIL;
          return close + this.n.sheetDataClose.length;
        }
        // Keep enough to find a '<row' or '</sheetData>' cut by the chunk boundary.
        return Math.max(p, end - 32);
      }
      // The name may go on in the next chunk (<row or <rowBreaks): keep all that is not yet done.
      if (at + rowOpen.length >= end) return p;
      if (!endsName(buf[at + rowOpen.length])) {
        search = at + rowOpen.length; // <rowBreaks> or similar
        continue;
      }
      const tagEnd = buf.indexOf(GT, at);
      if (tagEnd < 0) return at;
      const declared = rowAttribute(buf, at, tagEnd);
      if (buf[tagEnd - 1] === SLASH) {
        this.lastRow = declared ?? this.lastRow + 1; // <row r="5"/>: an empty, formatted row
        p = search = tagEnd + 1;
        continue;
      }
      if (this.pendingRowCloseFrom >= 0) {
        const from = at + Math.max(this.pendingRowCloseFrom, tagEnd + 1 - at);
        if (buf.indexOf(rowClose, from) < 0) {
          this.pendingRowCloseFrom = Math.max(0, end - at - rowClose.length);
          return at;
        }
        this.pendingRowCloseFrom = -1;
      }
      // Writers may leave out r; a row then follows the previous one.
      const rowNumber = declared ?? this.lastRow + 1;
      const cells = this.rowCells;
      cells.length = 0;
      this.numberColumns.length = 0;
      const close = this.cells(buf, tagEnd + 1, end, rowNumber, cells);
      if (close < 0) {
        this.pendingRowCloseFrom = Math.max(0, end - at - rowClose.length);
        return at;
      }
      this.lastRow = rowNumber;
      // Shared-string cells are still indexes here (numbers); finish() replaces them with their text.
      this.collector.add(rowNumber, cells, this.numberColumns.length > 0 ? this.numberColumns : null);
      p = search = close + rowClose.length;
    }
  }

  /**
   * Parses the cells of a row body starting at `start` into `cells`. Returns the index of the row's
   * closing tag, or -1 when the row does not end inside `buf` (the caller then waits for the next chunk
   * and parses the row again). Finding </row> while parsing spares a second scan of every row.
   */
  private cells(
    buf: Buffer,
    start: number,
    end: number,
    rowNumber: number,
    cells: Array<string | number>,
  ): number {
    const { cell: cellOpen, cellClose, value: valueOpen, valueClose, rowClose } = this.n;
    const cellNameLength = cellOpen.length;
    const plain = this.plain;
    let col = -1;
    let p = start;
    for (;;) {
      const lt = buf[p] === LT ? p : buf.indexOf(LT, p);
      if (lt < 0) return -1;
      if (buf[lt + 1] === SLASH) {
        if (matchAt(buf, lt, rowClose)) return lt;
        if (lt + rowClose.length > end) return -1;
        p = lt + 1;
        continue;
      }
      let i = lt + cellNameLength;
      if (!(plain ? buf[lt + 1] === CH_c : matchAt(buf, lt, cellOpen)) || !endsName(buf[i])) {
        if (i >= end) return -1;
        p = lt + 1;
        continue;
      }

      // Attributes: only r (reference), t (type) and s (style) matter.
      let type = T_NUMBER;
      let style = 0;
      let ref = -1;
      let selfClosing = false;
      for (;;) {
        while (isXmlSpace(buf[i])) i++;
        if (i >= end) return -1;
        const ch = buf[i];
        if (ch === GT) {
          i++;
          break;
        }
        if (ch === SLASH) {
          selfClosing = true;
          i += 2;
          break;
        }
        const nameStart = i;
        while (i < end && buf[i] !== EQ && !isXmlSpace(buf[i])) i++;
        const nameLength = i - nameStart;
        while (i < end && buf[i] !== EQ) i++;
        i++;
        while (isXmlSpace(buf[i])) i++;
        if (i >= end) return -1;
        const quote = buf[i];
        if (quote !== QUOTE && quote !== APOS) throw this.malformed(`第 ${rowNumber} 行的单元格属性不完整`);
        const valueStart = ++i;
        while (i < end && buf[i] !== quote) i++;
        if (i >= end) return -1;
        if (nameLength === 1) {
          const name = buf[nameStart];
          if (name === CH_r) ref = refColumn(buf, valueStart, i);
          else if (name === CH_t) type = typeCode(buf, valueStart, i);
          else if (name === CH_s) style = parseUint(buf, valueStart, i);
        }
        i++;
      }
      // Writers may leave out r; a cell then follows the previous one.
      col = ref >= 0 ? ref : col + 1;
      if (col >= MAX_COLUMNS) throw this.malformed(`第 ${rowNumber} 行的单元格超出 Excel 的最后一列 XFD`);
      if (selfClosing) {
        p = i;
        continue;
      }

      // Content. Fast path for the usual <v>…</v></c>; anything else (formulas, inline strings,
      // whitespace) goes through indexOf.
      let text: string | number = '';
      let cellEnd = -1;
      if (
        type !== T_INLINE &&
        (plain ? buf[i] === LT && buf[i + 1] === CH_v : matchAt(buf, i, valueOpen)) &&
        buf[i + valueOpen.length] === GT
      ) {
        const vStart = i + valueOpen.length + 1;
        let j = vStart;
        while (j < end && buf[j] !== LT) j++;
        if (j >= end) return -1;
        // </v></c>
        if (
          plain
            ? buf[j + 1] === SLASH &&
              buf[j + 2] === CH_v &&
              buf[j + 3] === GT &&
              buf[j + 4] === LT &&
              buf[j + 5] === SLASH &&
              buf[j + 6] === CH_c &&
              buf[j + 7] === GT
            : matchAt(buf, j, valueClose) && matchAt(buf, j + valueClose.length, cellClose)
        ) {
          text = this.value(buf, vStart, j, type, style);
          cellEnd = j + valueClose.length;
        }
      }
      if (cellEnd < 0) {
        cellEnd = buf.indexOf(cellClose, i);
        if (cellEnd < 0) return -1;
        if (type === T_INLINE) {
          text = this.ownText(richText(buf.toString('utf8', i, cellEnd)));
        } else {
          let v = buf.indexOf(valueOpen, i);
          while (v >= 0 && v < cellEnd && !endsName(buf[v + valueOpen.length]))
            v = buf.indexOf(valueOpen, v + 1);
          if (v >= 0 && v < cellEnd) {
            const vStart = buf.indexOf(GT, v) + 1;
            const vEnd = buf.indexOf(valueClose, vStart);
            if (buf[vStart - 2] !== SLASH && vEnd >= 0 && vEnd <= cellEnd) {
              text = this.value(buf, vStart, vEnd, type, style);
            }
          }
        }
      }
      if (typeof text === 'string' && text.length > this.maxCellChars) {
        throw cellTooLong(
          this.ctx.file,
          this.ctx.sheet,
          `第 ${rowNumber} 行 ${columnLetter(col)} 列`,
          text.length,
          this.ctx.limits.maxCellChars,
        );
      }
      if (this.numberValue) {
        this.numberColumns.push(col);
        this.numberValue = false;
      }
      if (col === cells.length) cells.push(text);
      else if (col > cells.length) {
        while (cells.length < col) cells.push('');
        cells.push(text);
      } else cells[col] = text;
      p = cellEnd + cellClose.length;
    }
  }

  /** The text of a <v> value [a, b) for a cell of this type and style; a shared string's index. */
  private value(buf: Buffer, a: number, b: number, type: number, style: number): string | number {
    if (a >= b) return '';
    switch (type) {
      case T_SHARED:
        return this.useString(parseUint(buf, a, b));
      case T_NUMBER: {
        // Kept as the file writes it ('4.20626198503071E+17', '1234'): a later stage must be able to
        // tell that an ID was stored as a number and lost digits.
        const format = style > 0 ? this.styleFormats[style] : null;
        if (format === 'date' && b - a <= 7) {
          // Whole serials (the usual date) are looked up without making the number text first.
          const serial = parseUint(buf, a, b);
          if (serial >= 0) return this.dateText(serial, buf, a, b);
        }
        if (format === null || format === undefined) {
          this.numberValue = true;
          // Small whole numbers (ages, months, counts) repeat in every row: one string each.
          if (b - a <= 3) {
            const n = parseUint(buf, a, b);
            if (n >= 0 && (b - a === 1 || buf[a] !== CH_0)) return (SMALL_INTEGERS[n] ??= String(n));
          }
          return buf.toString('latin1', a, b);
        }
        const raw = buf.toString('latin1', a, b);
        if (typeof format === 'number') {
          this.numberValue = true;
          return zeroPadded(Number(raw), format) ?? raw;
        }
        return dateCellText(Number(raw), format, this.ctx.date1904) ?? raw;
      }
      case T_BOOL:
        return buf[a] === CH_1 ? 'TRUE' : 'FALSE';
      case T_DATE: {
        // Strict OOXML and some writers store ISO 8601 text.
        const raw = buf.toString('latin1', a, b);
        return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
      }
      default: // str, e, and anything unexpected: text as written
        return this.ownText(decodeXmlText(buf.toString('utf8', a, b)));
    }
  }

  private dateText(serial: number, buf: Buffer, a: number, b: number): string {
    const cached = this.dateCache.get(serial);
    if (cached !== undefined) return cached;
    const text = dateCellText(serial, 'date', this.ctx.date1904) ?? buf.toString('latin1', a, b);
    if (this.dateCache.size < 100_000) this.dateCache.set(serial, text);
    return text;
  }

  /** After </sheetData>: collects <mergeCell ref="A1:B2"/>. */
  private tail(buf: Buffer, from: number, end: number): number {
    const open = this.n.mergeCell;
    let p = from;
    for (;;) {
      const at = buf.indexOf(open, p);
      if (at < 0 || at >= end) return Math.max(p, end - 32);
      if (at + open.length >= end) return at; // the name may go on in the next chunk
      if (!endsName(buf[at + open.length]) || buf[at + open.length] === GT) {
        p = at + open.length; // <mergeCells count="…">
        continue;
      }
      const gt = buf.indexOf(GT, at);
      if (gt < 0) return at;
      const ref = parseAttributes(buf.toString('latin1', at + open.length, gt)).get('ref');
      if (ref !== undefined) this.addMerge(ref);
      p = gt + 1;
    }
  }

  private addMerge(ref: string): void {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
    if (m === null) return;
    const c1 = columnIndex(m[1] ?? '');
    const r1 = Number(m[2]) - 1;
    const c2 = columnIndex(m[3] ?? '');
    const r2 = Number(m[4]) - 1;
    if (c1 < 0 || c2 < 0 || r1 < 0 || r2 < 0) return;
    this.merges.push({
      s: { r: Math.min(r1, r2), c: Math.min(c1, c2) },
      e: { r: Math.max(r1, r2), c: Math.max(c1, c2) },
    });
  }
}

/** The r attribute of a <row …> tag [at, tagEnd), without making a string of the tag. */
function rowAttribute(buf: Buffer, at: number, tagEnd: number): number | null {
  for (let i = at + 4; i < tagEnd - 3; i++) {
    if (buf[i] === CH_r && isXmlSpace(buf[i - 1]) && buf[i + 1] === EQ) {
      const quote = buf[i + 2];
      if (quote !== QUOTE && quote !== APOS) return null;
      let j = i + 3;
      while (j < tagEnd && buf[j] !== quote) j++;
      const n = parseUint(buf, i + 3, j);
      return n > 0 ? n : null;
    }
  }
  return null;
}
