// A zip reader for .xlsx/.ods that never holds the whole file: it reads the central directory, then
// streams one entry at a time through node:zlib, counting every inflated byte against the limits so
// that a zip bomb is stopped after a few megabytes instead of after it has filled memory or disk.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { cancelledError, isAborted } from './progress.ts';
import { INFLATE_RATIO_FLOOR, ReadError, formatBytes, where, type ReadLimits } from './types.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipArchive {
  readonly file: string;
  readonly size: number;
  /** Keyed by the lower-cased name: OOXML part names are case-insensitive and some writers vary the case. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A workbook has a few dozen parts; a directory of 100k entries is not a workbook and would cost memory. */
const MAX_ENTRIES = 100_000;
const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 18;

const damaged = (file: string, detail: string, cause?: unknown): ReadError =>
  new ReadError('unreadable', `${where(file)}已损坏或不完整（${detail}），无法读取`, { file }, cause);

export const normalizeEntryName = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '');

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(normalizeEntryName(name).toLowerCase());
}

/** Reads the central directory. `size` is the file size the caller already checked against maxFileBytes. */
export async function openZip(file: string, size: number): Promise<ZipArchive> {
  const fh = await open(file, 'r');
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return bytesRead === length ? buf : buf.subarray(0, bytesRead);
    };

    const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tailStart = size - tailLength;
    const tail = await read(tailStart, tailLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged(file, '找不到 zip 目录，文件可能在下载或拷贝时被截断');

    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // Zip64: the real figures are in a second record that a locator just before the EOCD points to.
      const locatorAt = tailStart + eocd - 20;
      const locator = locatorAt >= 0 ? await read(locatorAt, 20) : Buffer.alloc(0);
      if (locator.length < 20 || locator.readUInt32LE(0) !== SIG_ZIP64_LOCATOR) {
        throw damaged(file, 'zip64 目录定位记录缺失');
      }
      const recordAt = Number(locator.readBigUInt64LE(8));
      const record = recordAt + 56 <= size ? await read(recordAt, 56) : Buffer.alloc(0);
      if (record.length < 56 || record.readUInt32LE(0) !== SIG_ZIP64_EOCD)
        throw damaged(file, 'zip64 目录记录缺失');
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > MAX_ENTRIES) {
      throw new ReadError('unsupported', `${where(file)}包含 ${count} 个压缩项，不是 Excel 工作簿`, { file });
    }
    if (cdOffset + cdSize > size) throw damaged(file, 'zip 目录超出文件末尾，文件可能被截断');

    const cd = await read(cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw damaged(file, 'zip 目录项损坏');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const nameStart = p + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > cd.length) throw damaged(file, 'zip 目录项损坏');
      const name = normalizeEntryName(cd.toString('utf8', nameStart, extraStart));

      if (
        uncompressedSize === 0xffffffff ||
        compressedSize === 0xffffffff ||
        localHeaderOffset === 0xffffffff
      ) {
        // Zip64 extra field (id 1) holds, in this order, only the fields that overflowed.
        let q = extraStart;
        const extraEnd = extraStart + extraLength;
        while (q + 4 <= extraEnd) {
          const id = cd.readUInt16LE(q);
          const len = cd.readUInt16LE(q + 2);
          if (id === 1) {
            let f = q + 4;
            const take = (): number => {
              if (f + 8 > q + 4 + len) throw damaged(file, 'zip64 扩展字段损坏');
              const v = Number(cd.readBigUInt64LE(f));
              f += 8;
              return v;
            };
            if (uncompressedSize === 0xffffffff) uncompressedSize = take();
            if (compressedSize === 0xffffffff) compressedSize = take();
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
            break;
          }
          q += 4 + len;
        }
      }

      const key = name.toLowerCase();
      if (!entries.has(key)) {
        entries.set(key, { name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
      }
      p = next;
    }
    return { file, size, entries };
  } finally {
    await fh.close();
  }
}

/** Counts inflated bytes across all entries read for one request (maxUncompressedBytes is a total). */
export class InflateBudget {
  readonly limits: ReadLimits;
  used = 0;

  constructor(limits: ReadLimits) {
    this.limits = limits;
  }
}

export interface StreamEntryOptions {
  budget: InflateBudget;
  signal?: AbortSignal | undefined;
  /** Named in messages ('工作表“花名册”'). */
  sheet?: string | undefined;
  /**
   * Receives each inflated chunk and the compressed bytes read so far (for progress). Return false to
   * stop early: the rest is neither inflated nor CRC-checked.
   */
  onChunk: (chunk: Buffer, compressedRead: number) => boolean | void;
}

function tooLargeMessage(file: string, sheet: string | undefined, what: string): string {
  return `${where(file, sheet)}${what}，可能是损坏的文件或“压缩炸弹”，已停止读取`;
}

function checkDeclaredSizes(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, sheet?: string): void {
  // Refuse before inflating anything when the directory itself admits the entry is too big.
  const { maxUncompressedBytes, maxInflateRatio } = budget.limits;
  if (budget.used + entry.uncompressedSize > maxUncompressedBytes) {
    throw new ReadError(
      'too-large',
      tooLargeMessage(zip.file, sheet, `解压后超过 ${formatBytes(maxUncompressedBytes)}（导入上限）`),
      { file: zip.file, sheet },
    );
  }
  if (
    entry.uncompressedSize > INFLATE_RATIO_FLOOR &&
    entry.uncompressedSize / Math.max(1, entry.compressedSize) > maxInflateRatio
  ) {
    throw new ReadError(
      'too-large',
      tooLargeMessage(zip.file, sheet, `的压缩比超过 ${maxInflateRatio} 倍（导入上限）`),
      { file: zip.file, sheet },
    );
  }
}

async function dataStart(zip: ZipArchive, entry: ZipEntry): Promise<number> {
  const fh = await open(zip.file, 'r');
  try {
    const header = Buffer.alloc(30);
    const { bytesRead } = await fh.read(header, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== SIG_LOCAL)
      throw damaged(zip.file, `“${entry.name}”的文件头损坏`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > zip.size)
      throw damaged(zip.file, `“${entry.name}”超出文件末尾，文件可能被截断`);
    return start;
  } finally {
    await fh.close();
  }
}

/** Streams one entry's inflated bytes to `onChunk`, enforcing the limits while inflating. */
export async function streamEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  options: StreamEntryOptions,
): Promise<void> {
  const { budget, signal, sheet } = options;
  const file = zip.file;
  if ((entry.flags & 1) !== 0) {
    throw new ReadError(
      'encrypted',
      `${where(file)}已加密（设置了打开密码），请在 Excel 中取消密码后再导入`,
      { file },
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ReadError(
      'unsupported',
      `${where(file)}使用了不支持的压缩方式（${entry.method}），请在 Excel 中另存为后再导入`,
      {
        file,
      },
    );
  }
  checkDeclaredSizes(zip, entry, budget, sheet);
  if (isAborted(signal)) throw cancelledError(file, sheet);
  const start = await dataStart(zip, entry);
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw damaged(file, `“${entry.name}”没有数据`);
    return;
  }

  const input = createReadStream(file, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: READ_CHUNK,
  });
  let output: Readable = input;
  if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    input.on('error', (e) => inflate.destroy(e));
    output = input.pipe(inflate);
  }
  // Wake a pending read at once on cancel rather than at the next chunk.
  const onAbort = (): void => {
    output.destroy(cancelledError(file, sheet));
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const { maxUncompressedBytes, maxInflateRatio } = budget.limits;
  let produced = 0;
  let crc = 0;
  let stopped = false;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      produced += chunk.length;
      budget.used += chunk.length;
      if (budget.used > maxUncompressedBytes) {
        throw new ReadError(
          'too-large',
          tooLargeMessage(file, sheet, `解压后超过 ${formatBytes(maxUncompressedBytes)}（导入上限）`),
          { file, sheet },
        );
      }
      if (produced > INFLATE_RATIO_FLOOR && produced / entry.compressedSize > maxInflateRatio) {
        throw new ReadError(
          'too-large',
          tooLargeMessage(file, sheet, `的压缩比超过 ${maxInflateRatio} 倍（导入上限）`),
          {
            file,
            sheet,
          },
        );
      }
      crc = crc32(chunk, crc);
      if (options.onChunk(chunk, input.bytesRead) === false) {
        stopped = true;
        break;
      }
      if (isAborted(signal)) throw cancelledError(file, sheet);
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    if (isAborted(signal)) throw cancelledError(file, sheet);
    throw damaged(file, `“${entry.name}”解压失败`, e);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    input.destroy();
    output.destroy();
  }
  if (!stopped && crc >>> 0 !== entry.crc) throw damaged(file, `“${entry.name}”校验失败`);
}

/** Reads a whole (small) entry: workbook.xml, rels, styles.xml, mimetype. */
export async function readEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  signal?: AbortSignal,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  await streamEntry(zip, entry, { budget, signal, onChunk: (chunk) => void parts.push(chunk) });
  return Buffer.concat(parts);
}
