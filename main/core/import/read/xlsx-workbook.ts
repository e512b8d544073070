// The small parts of an .xlsx around the sheets: which sheets exist (workbook.xml + its rels) and which
// cell styles change a number's text (styles.xml: dates, year-months, times, zero padding). Sheet names
// are kept in arrays and Maps only, so a sheet named __proto__ stays a name.
import { cellFormatOf, type CellFormat } from './date-format.ts';
import { ReadError, where } from './types.ts';
import { elementBody, parseAttributes, startTags } from './xml-text.ts';
import { findEntry, readEntry, type InflateBudget, type ZipArchive } from './zip.ts';

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
 * For each cell style index (the `s` attribute of a cell), what its number format does to a number's text
 * (see CellFormat). Only <cellXfs> matters; <cellStyleXfs> are named styles that cells never point at directly.
 */
export async function readStyleFormats(
  zip: ZipArchive,
  path: string | null,
  budget: InflateBudget,
  signal?: AbortSignal,
): Promise<Array<CellFormat | null>> {
  const entry = path === null ? undefined : findEntry(zip, path);
  if (entry === undefined) return [];
  const xml = (await readEntry(zip, entry, budget, signal)).toString('utf8');
  const custom = new Map<number, CellFormat | null>();
  for (const tag of startTags(elementBody(xml, 'numFmts') ?? '', 'numFmt')) {
    const a = parseAttributes(tag);
    custom.set(Number(a.get('numFmtId')), cellFormatOf(a.get('formatCode') ?? ''));
  }
  const formats: Array<CellFormat | null> = [];
  for (const tag of startTags(elementBody(xml, 'cellXfs') ?? '', 'xf')) {
    const id = Number(parseAttributes(tag).get('numFmtId') ?? 0);
    formats.push(custom.has(id) ? (custom.get(id) ?? null) : cellFormatOf(id));
  }
  return formats;
}
