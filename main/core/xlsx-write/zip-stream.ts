// A zip writer that streams entries straight to a file with synchronous, positional writes.
//
// Why synchronous: SheetWriter.addRow returns void, and callers write hundreds of thousands of rows in
// a loop. With an async stream nothing would drain until the loop yields, so every row would pile up
// in memory (that is how SheetJS and buffered writers run out of heap at 400k rows). Compressing and
// writing each ~1 MB chunk on the spot keeps memory flat; the export runs in the core, off the UI thread.
//
// Each chunk is compressed on its own with deflateRawSync and a SYNC flush: the output ends on a byte
// boundary without a final block, so the chunks concatenate into one valid deflate stream (the trick
// pigz uses), and a 2-byte empty final block closes it. The cost is that a chunk does not see the
// previous chunk's 32 KB window, which for 1 MB chunks is a fraction of a percent in size.
//
// The local header is written with zero CRC and sizes and patched in place once the entry is done, so
// the file needs no data descriptors, which every zip reader understands. No ZIP64: an entry or file
// over 4 GB is refused with a message (a worksheet that big is beyond what Excel or WPS can open).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const EOCD = 22;
const VERSION = 20; // 2.0: deflate
const METHOD_DEFLATE = 8;
const FLAG_UTF8 = 0x0800;
const MAX_U32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;
/** A deflate block with BFINAL set, fixed Huffman codes and only the end-of-block code. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** Bytes of XML compressed at a time. */
const CHUNK_BYTES = 1 << 20;
/**
 * zlib level 4. Measured on 400k rows × 30 columns: level 6 took 27 s instead of 17 s for a file 12%
 * smaller (74 MB instead of 84 MB); level 1 was no faster and 8% larger, since building the XML,
 * not deflate, takes most of the time.
 */
const LEVEL = 4;

interface CentralRecord {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipTooLargeError extends Error {
  constructor() {
    super('导出的文件超过 4 GB，超出了 Excel 能打开的范围，请分成多个文件导出');
    this.name = 'ZipTooLargeError';
  }
}

/** Writes one zip file. Not reentrant: one entry is open at a time. */
export class ZipFileWriter {
  readonly #fd: number;
  #offset = 0;
  readonly #records: CentralRecord[] = [];
  #entryOpen = false;
  #closed = false;
  readonly #dosTime: number;
  readonly #dosDate: number;

  /** Creates the file; it must not exist yet (callers write to a fresh temporary name). */
  constructor(path: string) {
    this.#fd = openSync(path, 'wx');
    const now = new Date();
    this.#dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.#dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** Bytes written so far. */
  get size(): number {
    return this.#offset;
  }

  /** Starts an entry; write its text with the returned writer and end() it before the next one. */
  openEntry(name: string): ZipEntryWriter {
    if (this.#closed) throw new Error('压缩包已经结束，不能再写入');
    if (this.#entryOpen) throw new Error(`上一个压缩包条目尚未结束，不能开始“${name}”`);
    if (this.#records.length >= MAX_ENTRIES) throw new ZipTooLargeError();
    const nameBytes = Buffer.from(name, 'utf8');
    // Part names are ASCII; the UTF-8 flag is only needed (and only set) for anything else.
    const flags = nameBytes.length === name.length ? 0 : FLAG_UTF8;
    const header = Buffer.alloc(LOCAL_HEADER + nameBytes.length);
    header.writeUInt32LE(SIG_LOCAL, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(METHOD_DEFLATE, 8);
    header.writeUInt16LE(this.#dosTime, 10);
    header.writeUInt16LE(this.#dosDate, 12);
    // CRC and sizes (14..25) stay zero until end() patches them.
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    nameBytes.copy(header, LOCAL_HEADER);
    const offset = this.#offset;
    this.#write(header);
    this.#entryOpen = true;
    return new ZipEntryWriter(
      (data) => this.#write(data),
      (crc, compressedSize, size) => {
        const patch = Buffer.alloc(12);
        patch.writeUInt32LE(crc, 0);
        patch.writeUInt32LE(compressedSize, 4);
        patch.writeUInt32LE(size, 8);
        this.#writeAt(patch, offset + 14);
        this.#records.push({ name: nameBytes, flags, crc, compressedSize, size, offset });
        this.#entryOpen = false;
      },
    );
  }

  /** Writes a whole small entry at once. */
  addEntry(name: string, text: string): void {
    const entry = this.openEntry(name);
    entry.write(text);
    entry.end();
  }

  /** Writes the central directory, flushes the file to disk and closes it. */
  finish(): void {
    if (this.#entryOpen) throw new Error('压缩包条目尚未结束');
    const start = this.#offset;
    for (const r of this.#records) {
      const h = Buffer.alloc(CENTRAL_HEADER + r.name.length);
      h.writeUInt32LE(SIG_CENTRAL, 0);
      h.writeUInt16LE(VERSION, 4); // made by: MS-DOS / FAT attributes, spec 2.0
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(r.flags, 8);
      h.writeUInt16LE(METHOD_DEFLATE, 10);
      h.writeUInt16LE(this.#dosTime, 12);
      h.writeUInt16LE(this.#dosDate, 14);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(r.compressedSize, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      // extra length, comment length, disk number, internal and external attributes: all zero
      h.writeUInt32LE(r.offset, 42);
      r.name.copy(h, CENTRAL_HEADER);
      this.#write(h);
    }
    const cdSize = this.#offset - start;
    const end = Buffer.alloc(EOCD);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.#records.length, 8);
    end.writeUInt16LE(this.#records.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(start, 16);
    this.#write(end);
    fsyncSync(this.#fd);
    this.#close();
  }

  /** Closes the file without finishing it (the caller deletes it). */
  abort(): void {
    this.#close();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }

  #write(data: Buffer): void {
    this.#writeAt(data, this.#offset);
    this.#offset += data.length;
  }

  // Every write names its position: the header patches go backwards, and positional writes do not
  // depend on the descriptor's file pointer, which Windows and POSIX treat differently.
  #writeAt(data: Buffer, position: number): void {
    if (this.#closed) throw new Error('压缩包已经关闭，不能再写入');
    if (position + data.length > MAX_U32) throw new ZipTooLargeError();
    let done = 0;
    while (done < data.length) {
      done += writeSync(this.#fd, data, done, data.length - done, position + done);
    }
  }
}

/** Text going into one zip entry: encoded into a fixed buffer, compressed and written when it fills. */
export class ZipEntryWriter {
  readonly #out: (data: Buffer) => void;
  readonly #done: (crc: number, compressedSize: number, size: number) => void;
  // Rows are encoded straight into one reused buffer. Measured: concatenating row strings and
  // encoding the result with Buffer.from took about a quarter more CPU in all, spent flattening strings.
  readonly #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;
  #crc = 0;
  #size = 0;
  #compressedSize = 0;
  #ended = false;

  constructor(
    out: (data: Buffer) => void,
    done: (crc: number, compressedSize: number, size: number) => void,
  ) {
    this.#out = out;
    this.#done = done;
  }

  write(text: string): void {
    if (this.#ended) throw new Error('压缩包条目已经结束，不能再写入');
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8: check room before encoding.
    const most = text.length * 3;
    if (this.#used + most > CHUNK_BYTES) {
      this.#flush();
      if (most > CHUNK_BYTES) {
        this.#compress(Buffer.from(text, 'utf8')); // one huge row: encode it on its own
        return;
      }
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  end(): void {
    if (this.#ended) return;
    this.#flush();
    this.#emit(FINAL_EMPTY_BLOCK);
    this.#ended = true;
    this.#done(this.#crc, this.#compressedSize, this.#size);
  }

  #flush(): void {
    if (this.#used === 0) return;
    const used = this.#used;
    this.#used = 0;
    // Safe to reuse the buffer afterwards: crc32 and deflateRawSync are done with it when they return.
    this.#compress(this.#buffer.subarray(0, used));
  }

  #compress(raw: Buffer): void {
    this.#crc = crc32(raw, this.#crc);
    this.#size += raw.length;
    if (this.#size > MAX_U32) throw new ZipTooLargeError();
    this.#emit(deflateRawSync(raw, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }));
  }

  #emit(data: Buffer): void {
    this.#out(data);
    this.#compressedSize += data.length;
  }
}
