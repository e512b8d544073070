// Decides how to read a file from its content, not its extension: clerks rename files, and systems
// export HTML or CSV with an .xls name. Anything that is clearly not a table gets a message saying what
// it looks like, so the clerk knows which file they picked by mistake.
import { open, stat } from 'node:fs/promises';
import { ReadError, fileLabel, formatBytes, where, type ReadLimits } from './types.ts';
import { mainPartPath } from './xlsx-workbook.ts';
import { InflateBudget, findEntry, openZip, readEntry, type ZipArchive } from './zip.ts';

export type DetectedFormat =
  | { format: 'xlsx'; zip: ZipArchive } // streamed by xlsx-stream.ts
  | { format: 'ods' | 'xlsb'; zip: ZipArchive } // zip-based, read by SheetJS after a limits pass
  | { format: 'ole2' } // .xls (or an encrypted .xlsx, or a Word .doc): sorted out in sheetjs.ts
  | { format: 'html' | 'xml2003' } // "xls" exports that are really HTML tables or SpreadsheetML 2003
  | { format: 'csv' };

export interface Detection {
  detected: DetectedFormat;
  size: number;
}

const HEAD_BYTES = 8192;

const notWorkbook = (file: string, looksLike: string): ReadError =>
  new ReadError('unsupported', `${where(file)}不是 Excel 工作簿（看起来是${looksLike}）`, { file });

/** Maps fs errors to messages a clerk can act on. */
export function fileError(file: string, e: unknown): ReadError {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT')
    return new ReadError('unreadable', `找不到${where(file)}，可能已被移动或删除`, { file }, e);
  if (code === 'EISDIR')
    return new ReadError('unsupported', `“${fileLabel(file)}”是文件夹，不是文件`, { file }, e);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new ReadError(
      'unreadable',
      `无法打开${where(file)}（没有权限或正被其他程序占用），请先在 Excel 中关闭它`,
      { file },
      e,
    );
  }
  return new ReadError('unreadable', `无法读取${where(file)}`, { file }, e);
}

export async function detectFormat(
  file: string,
  limits: ReadLimits,
  signal?: AbortSignal,
): Promise<Detection> {
  let size: number;
  let head: Buffer;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
    if (size === 0) throw new ReadError('empty', `${where(file)}是空文件（0 字节）`, { file });
    if (size > limits.maxFileBytes) {
      throw new ReadError(
        'too-large',
        `${where(file)}有 ${formatBytes(size)}，超过导入上限 ${formatBytes(limits.maxFileBytes)}，请分成几个文件后再导入`,
        { file },
      );
    }
    const fh = await open(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, HEAD_BYTES));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw e instanceof ReadError ? e : fileError(file, e);
  }

  const b = (i: number): number => head[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && (b(2) === 3 || b(2) === 5) && (b(3) === 4 || b(3) === 6)) {
    return { detected: await classifyZip(file, size, limits, signal), size };
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return { detected: { format: 'ole2' }, size };
  }
  const binary = binaryKind(head);
  if (binary !== null) throw notWorkbook(file, binary);

  const utf16 = (b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff);
  if (!utf16 && head.includes(0)) throw notWorkbook(file, '二进制文件，不是表格');
  const text = head
    .toString(utf16 ? (b(0) === 0xff ? 'utf16le' : 'latin1') : 'latin1')
    .replace(/^[\ufeff\u00ef\u00bb\u00bf\s]+/, '');
  if (text.startsWith('<')) {
    const lower = text.slice(0, 4096).toLowerCase();
    if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet'))
      return { detected: { format: 'xml2003' }, size };
    if (/<(html|table|!doctype html)[\s>]/.test(lower)) return { detected: { format: 'html' }, size };
    if (lower.startsWith('<?xml')) throw notWorkbook(file, ' XML 文件');
    // Otherwise a CSV whose first cell happens to start with '<'.
  }
  return { detected: { format: 'csv' }, size };
}

function binaryKind(head: Buffer): string | null {
  const starts = (...bytes: number[]): boolean => bytes.every((v, i) => head[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46)) return ' PDF 文件';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38))
    return '图片';
  if (starts(0x52, 0x61, 0x72, 0x21) || starts(0x37, 0x7a, 0xbc, 0xaf) || starts(0x1f, 0x8b)) {
    return '压缩包，请解压后导入其中的 Excel 文件';
  }
  if (starts(0x4d, 0x5a)) return '程序文件';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return ' RTF 文档';
  return null;
}

async function classifyZip(
  file: string,
  size: number,
  limits: ReadLimits,
  signal?: AbortSignal,
): Promise<DetectedFormat> {
  const zip = await openZip(file, size);
  if (zip.entries.size === 0) throw notWorkbook(file, '空的压缩包');
  // A small budget of its own: only rels and mimetype are read here.
  const budget = new InflateBudget(limits);
  if (findEntry(zip, '[Content_Types].xml') !== undefined) {
    const main = (await mainPartPath(zip, budget, signal)) ?? '';
    const lower = main.toLowerCase();
    if (lower.startsWith('word/')) throw notWorkbook(file, ' Word 文档');
    if (lower.startsWith('ppt/')) throw notWorkbook(file, ' PowerPoint 演示文稿');
    if (lower.endsWith('.bin') && findEntry(zip, main) !== undefined) return { format: 'xlsb', zip };
    if (findEntry(zip, main) !== undefined && lower.endsWith('.xml') && !lower.startsWith('visio/')) {
      return { format: 'xlsx', zip };
    }
    if (findEntry(zip, 'xl/workbook.xml') !== undefined) return { format: 'xlsx', zip };
    if (findEntry(zip, 'word/document.xml') !== undefined) throw notWorkbook(file, ' Word 文档');
    throw notWorkbook(file, '其他 Office 文档');
  }
  const mimetype = findEntry(zip, 'mimetype');
  if (mimetype !== undefined && mimetype.uncompressedSize < 256) {
    const type = (await readEntry(zip, mimetype, budget, signal)).toString('latin1').trim();
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { format: 'ods', zip };
    if (type.includes('opendocument.text')) throw notWorkbook(file, ' OpenDocument 文本文档（.odt）');
    if (type.includes('opendocument.presentation')) throw notWorkbook(file, ' OpenDocument 演示文稿');
    throw notWorkbook(file, ' OpenDocument 文档');
  }
  if (findEntry(zip, 'xl/workbook.xml') !== undefined) return { format: 'xlsx', zip };
  if (findEntry(zip, 'content.xml') !== undefined) return { format: 'ods', zip };
  throw notWorkbook(file, ' zip 压缩包，请解压后导入其中的 Excel 文件');
}
