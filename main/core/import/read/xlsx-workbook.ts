// The small parts of an .xlsx around the sheets: which sheets exist (workbook.xml + its rels), which
// cell styles are dates (styles.xml), and the shared strings table. Sheet names and strings are kept in
// arrays and Maps only, so a sheet named __proto__ stays a name.
import { builtinFormatKind, formatCodeKind, type DateKind } from './date-format.ts';
import { progressReporter } from './progress.ts';
import { ReadError, where, type ReadOptions } from './types.ts';
import { decodeXmlText, elementBody, parseAttributes, richText, startTags } from './xml-text.ts';
import { GT, SLASH, endsName, matchAt } from './xml-bytes.ts';
import { findEntry, readEntry, streamEntry, type InflateBudget, type ZipArchive } from './zip.ts';

export interface XlsxSheetRef {
  name: string;
  /** Zip entry of the sheet XML. */
  path: string;
  hidden: boolean;
}

export interface XlsxWorkbook {
  sheets: XlsxSheetRef[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Resolves a relationship target against the folder of the part that owns the rels. */
export function resolvePartPath(baseDir: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : baseDir === '' ? target : `${baseDir}/${target}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

interface Relationship {
  type: string;
  target: string;
}

async function readRels(
  zip: ZipArchive,
  path: string,
  budget: InflateBudget,
  signal: AbortSignal | undefined,
): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = findEntry(zip, path);
  if (entry === undefined) return rels;
  const xml = (await readEntry(zip, entry, budget, signal)).toString('utf8');
  for (const tag of startTags(xml, 'Relationship')) {
    const a = parseAttributes(tag);
    if (a.get('TargetMode') === 'External') continue;
    const id = a.get('Id');
    const target = a.get('Target');
    if (id !== undefined && target !== undefined) rels.set(id, { type: a.get('Type') ?? '', target });
  }
  return rels;
}

/** The workbook part named by _rels/.rels (usually xl/workbook.xml; xlsb has xl/workbook.bin). */
export async function mainPartPath(
  zip: ZipArchive,
  budget: InflateBudget,
  signal?: AbortSignal,
): Promise<string | null> {
  const rels = await readRels(zip, '_rels/.rels', budget, signal);
  for (const rel of rels.values()) {
    if (REL_OFFICE_DOCUMENT.test(rel.type)) return resolvePartPath('', rel.target);
  }
  return null;
}

export async function readXlsxWorkbook(
  zip: ZipArchive,
  budget: InflateBudget,
  signal?: AbortSignal,
): Promise<XlsxWorkbook> {
  const file = zip.file;
  const mainPath = (await mainPartPath(zip, budget, signal)) ?? 'xl/workbook.xml';
  const mainEntry = findEntry(zip, mainPath) ?? findEntry(zip, 'xl/workbook.xml');
  if (mainEntry === undefined) {
    throw new ReadError('unreadable', `${where(file)}缺少工作簿目录（xl/workbook.xml），文件可能已损坏`, {
      file,
    });
  }
  const baseDir = dirOf(mainEntry.name);
  const relsPath = `${baseDir === '' ? '' : `${baseDir}/`}_rels/${mainEntry.name.slice(baseDir.length ? baseDir.length + 1 : 0)}.rels`;
  const rels = await readRels(zip, relsPath, budget, signal);
  const xml = (await readEntry(zip, mainEntry, budget, signal)).toString('utf8');

  let date1904 = false;
  for (const tag of startTags(xml, 'workbookPr')) {
    const v = parseAttributes(tag).get('date1904');
    date1904 = v === '1' || v === 'true';
  }

  const sheets: XlsxSheetRef[] = [];
  const sheetsBody = elementBody(xml, 'sheets') ?? '';
  for (const tag of startTags(sheetsBody, 'sheet')) {
    const a = parseAttributes(tag);
    const rel = rels.get(a.get('id') ?? '');
    // Chart sheets and dialog sheets hold no cells; they are not offered for import.
    if (rel === undefined || !/\/worksheet$/.test(rel.type)) continue;
    const state = a.get('state');
    sheets.push({
      name: a.get('name') ?? `Sheet${sheets.length + 1}`,
      path: resolvePartPath(baseDir, rel.target),
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }

  let sharedStringsPath: string | null = null;
  let stylesPath: string | null = null;
  for (const rel of rels.values()) {
    if (/\/sharedStrings$/.test(rel.type)) sharedStringsPath = resolvePartPath(baseDir, rel.target);
    else if (/\/styles$/.test(rel.type)) stylesPath = resolvePartPath(baseDir, rel.target);
  }
  return { sheets, date1904, sharedStringsPath, stylesPath };
}

/**
 * For each cell style index (the `s` attribute of a cell), whether its number format is a date or a time.
 * Only <cellXfs> matters; <cellStyleXfs> are named styles that cells never point at directly.
 */
export async function readDateStyles(
  zip: ZipArchive,
  path: string | null,
  budget: InflateBudget,
  signal?: AbortSignal,
): Promise<Array<DateKind | null>> {
  const entry = path === null ? undefined : findEntry(zip, path);
  if (entry === undefined) return [];
  const xml = (await readEntry(zip, entry, budget, signal)).toString('utf8');
  const custom = new Map<number, DateKind | null>();
  for (const tag of startTags(elementBody(xml, 'numFmts') ?? '', 'numFmt')) {
    const a = parseAttributes(tag);
    custom.set(Number(a.get('numFmtId')), formatCodeKind(a.get('formatCode') ?? ''));
  }
  const kinds: Array<DateKind | null> = [];
  for (const tag of startTags(elementBody(xml, 'cellXfs') ?? '', 'xf')) {
    const id = Number(parseAttributes(tag).get('numFmtId') ?? 0);
    kinds.push(custom.has(id) ? (custom.get(id) ?? null) : builtinFormatKind(id));
  }
  return kinds;
}

/** A single string item larger than this is not text a clerk typed. */
const MAX_ITEM_BYTES = 64 * 1024 * 1024;

/**
 * The shared strings table, scanned as bytes while it inflates (a county workbook has ~30 MB of it).
 * Each string is decoded into its own JS string, so no string keeps a whole chunk alive.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  path: string | null,
  budget: InflateBudget,
  options: ReadOptions | undefined,
): Promise<string[]> {
  const strings: string[] = [];
  const entry = path === null ? undefined : findEntry(zip, path);
  if (entry === undefined) return strings;
  const progress = progressReporter(options, 'strings');
  let open: Buffer | null = null; // '<si' with the document's namespace prefix
  let close: Buffer | null = null;
  let tOpen: Buffer | null = null;
  let tClose: Buffer | null = null;
  let carry: Buffer | null = null;

  await streamEntry(zip, entry, {
    budget,
    signal: options?.signal,
    onChunk: (chunk, compressedRead) => {
      const buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
      let p = 0;
      if (open === null) {
        const head = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(
          buf.toString('latin1', 0, Math.min(buf.length, 4096)),
        );
        if (head === null) {
          if (buf.length > 4096) throw badPart(zip.file, entry.name);
          carry = buf;
          return;
        }
        const prefix = head[1] ?? '';
        open = Buffer.from(`<${prefix}si`);
        close = Buffer.from(`</${prefix}si>`);
        tOpen = Buffer.from(`<${prefix}t`);
        tClose = Buffer.from(`</${prefix}t>`);
      }
      const siOpen = open;
      const siClose = close as Buffer;
      for (;;) {
        const at = buf.indexOf(siOpen, p);
        if (at < 0) {
          p = Math.max(p, buf.length - 16);
          break;
        }
        const next = buf[at + siOpen.length];
        if (next === SLASH) {
          strings.push(''); // <si/>
          p = at + siOpen.length;
          continue;
        }
        if (!endsName(next)) {
          p = at + siOpen.length;
          continue;
        }
        const end = buf.indexOf(siClose, at);
        if (end < 0) {
          p = at;
          break;
        }
        strings.push(stringItem(buf, at + siOpen.length, end, tOpen as Buffer, tClose as Buffer));
        p = end + siClose.length;
      }
      carry = p < buf.length ? buf.subarray(p) : null;
      if (carry !== null && carry.length > MAX_ITEM_BYTES) throw badPart(zip.file, entry.name);
      progress.update(strings.length, compressedRead / Math.max(1, entry.compressedSize));
    },
  });
  progress.done(strings.length);
  return strings;
}

/** One <si>: the common plain case `<t>…</t>` without a regex, anything richer through richText. */
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

function badPart(file: string, part: string): ReadError {
  return new ReadError('unreadable', `${where(file)}的“${part}”格式不正确，文件可能已损坏`, { file });
}
