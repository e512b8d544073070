// The workbook: sheets stream into the zip one after another; the small parts that depend on all of
// them (workbook.xml, styles.xml, relationships, content types) are written at close(). The file is
// built under a temporary name beside the target and renamed at the end, so a half-written report
// never sits under the name the user chose, and an old report is replaced only by a complete one.
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { renameRetrying, writeFailureReason } from '../files/file-io.ts';
import { StyleRegistry } from './styles.ts';
import {
  MAX_ROWS,
  quotedSheetName,
  rowXml,
  sheetHead,
  sheetTail,
  validateSheetName,
  validateSheetOptions,
} from './sheet-xml.ts';
import type { CellValue, RowOptions, SheetOptions, SheetWriter, WorkbookWriter } from './types.ts';
import { XML_DECLARATION, escapeAttr, escapeText } from './xml.ts';
import { ZipFileWriter, type ZipEntryWriter } from './zip-stream.ts';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface SheetRecord {
  name: string;
  options: SheetOptions;
}

/** Why a file could not be written, in words a clerk can act on. */
function ioError(filePath: string, cause: unknown): Error {
  return new Error(`无法写入文件“${filePath}”：${writeFailureReason(cause)}`, { cause });
}

class XlsxWorkbookWriter implements WorkbookWriter {
  readonly #filePath: string;
  readonly #tempPath: string;
  readonly #zip: ZipFileWriter;
  readonly #styles = new StyleRegistry();
  readonly #sheets: SheetRecord[] = [];
  readonly #names = new Set<string>();
  #current: XlsxSheetWriter | null = null;
  #state: 'open' | 'closed' | 'failed' = 'open';
  #failure: unknown = null;

  constructor(filePath: string) {
    this.#filePath = filePath;
    this.#tempPath = join(dirname(filePath), `${basename(filePath)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.#zip = new ZipFileWriter(this.#tempPath);
    } catch (error) {
      throw ioError(filePath, error);
    }
  }

  addSheet(options: SheetOptions): SheetWriter {
    this.#checkOpen();
    if (this.#current !== null && !this.#current.ended) {
      throw new Error(`工作表“${this.#current.name}”尚未结束（先调用 end()），不能开始“${options.name}”`);
    }
    validateSheetName(options.name, this.#names);
    validateSheetOptions(options);
    const index = this.#sheets.length;
    this.#names.add(options.name.toLowerCase());
    this.#sheets.push({ name: options.name, options });
    const entry = this.#guard(() => this.#zip.openEntry(`xl/worksheets/sheet${index + 1}.xml`));
    const sheet = new XlsxSheetWriter(this, entry, options, this.#styles);
    this.#current = sheet;
    this.#guard(() => entry.write(sheetHead(options, index === 0)));
    return sheet;
  }

  async close(): Promise<void> {
    this.#checkOpen();
    try {
      if (this.#current !== null && !this.#current.ended) this.#current.end();
      if (this.#sheets.length === 0) throw new Error('工作簿中没有工作表，至少需要一个');
      this.#guard(() => {
        this.#zip.addEntry('xl/styles.xml', this.#styles.toXml());
        this.#zip.addEntry('xl/workbook.xml', this.#workbookXml());
        this.#zip.addEntry('xl/_rels/workbook.xml.rels', this.#workbookRels());
        this.#zip.addEntry('docProps/core.xml', coreXml(new Date()));
        this.#zip.addEntry('_rels/.rels', ROOT_RELS);
        this.#zip.addEntry('[Content_Types].xml', this.#contentTypes());
        this.#zip.finish();
      });
      try {
        // Retried: antivirus holds the freshly written file for a moment while it scans it.
        await renameRetrying(this.#tempPath, this.#filePath);
      } catch (error) {
        throw ioError(this.#filePath, error);
      }
      this.#state = 'closed';
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'failed';
    this.#failure ??= new Error('工作簿已放弃写入');
    try {
      this.#zip.abort();
    } catch {
      // Already closed, or the descriptor is gone with the disk: the file is removed below either way.
    }
    await unlink(this.#tempPath).catch(() => undefined);
  }

  /** For the sheet writer: runs a write, and on an I/O failure marks the workbook failed. */
  guard<T>(write: () => T): T {
    return this.#guard(write);
  }

  checkOpen(): void {
    this.#checkOpen();
  }

  #checkOpen(): void {
    if (this.#state === 'closed') throw new Error('工作簿已经关闭，不能再写入');
    if (this.#state === 'failed') {
      throw new Error('工作簿写入已失败或已放弃，不能继续', { cause: this.#failure });
    }
  }

  #guard<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      this.#state = 'failed';
      this.#failure = error;
      // Leave no temporary file behind even if the caller never calls abort().
      try {
        this.#zip.abort();
        unlinkSync(this.#tempPath);
      } catch {
        // best effort
      }
      throw (error as NodeJS.ErrnoException | null)?.code !== undefined
        ? ioError(this.#filePath, error)
        : error;
    }
  }

  #workbookXml(): string {
    let xml =
      XML_DECLARATION +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView/></bookViews><sheets>';
    this.#sheets.forEach((s, i) => {
      xml += `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    });
    xml += '</sheets>';
    const titles = this.#sheets
      .map((s, i) => {
        const t = s.options.printTitleRows;
        if (t === undefined) return '';
        const ref = `${quotedSheetName(s.name)}!$${t.from + 1}:$${t.to + 1}`;
        return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(ref)}</definedName>`;
      })
      .join('');
    if (titles !== '') xml += `<definedNames>${titles}</definedNames>`;
    return xml + '</workbook>';
  }

  #workbookRels(): string {
    let xml = XML_DECLARATION + `<Relationships xmlns="${NS_PKG_REL}">`;
    this.#sheets.forEach((_, i) => {
      xml += `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    });
    xml += `<Relationship Id="rId${this.#sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`;
    return xml + '</Relationships>';
  }

  #contentTypes(): string {
    let xml =
      XML_DECLARATION +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
    this.#sheets.forEach((_, i) => {
      xml += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`;
    });
    return xml + '</Types>';
  }
}

class XlsxSheetWriter implements SheetWriter {
  readonly name: string;
  readonly #book: XlsxWorkbookWriter;
  readonly #entry: ZipEntryWriter;
  readonly #options: SheetOptions;
  readonly #styles: StyleRegistry;
  #rows = 0;
  #ended = false;

  constructor(book: XlsxWorkbookWriter, entry: ZipEntryWriter, options: SheetOptions, styles: StyleRegistry) {
    this.name = options.name;
    this.#book = book;
    this.#entry = entry;
    this.#options = options;
    this.#styles = styles;
  }

  get ended(): boolean {
    return this.#ended;
  }

  addRow(cells: readonly CellValue[], options?: RowOptions): void {
    this.#book.checkOpen();
    if (this.#ended) throw new Error(`工作表“${this.name}”已经结束，不能再添加行`);
    if (this.#rows >= MAX_ROWS) {
      throw new RangeError(
        `工作表“${this.name}”超过 Excel 的行数上限 ${MAX_ROWS} 行，请分成多个工作表或文件`,
      );
    }
    // Built completely before anything is written: a row with a bad value is refused as a whole.
    const xml = rowXml(this.#rows + 1, cells, options, this.#styles);
    this.#book.guard(() => this.#entry.write(xml));
    this.#rows++;
  }

  end(): void {
    if (this.#ended) return;
    this.#book.checkOpen();
    this.#book.guard(() => {
      this.#entry.write(sheetTail(this.#options));
      this.#entry.end();
    });
    this.#ended = true;
  }
}

const ROOT_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

function coreXml(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>县域统筹台账</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Opens `filePath` for writing (through a temporary file beside it) and returns the writer. Throws
 * at once, with a message for the user, when the folder is missing or not writable.
 */
export function createWorkbookWriter(filePath: string): WorkbookWriter {
  return new XlsxWorkbookWriter(filePath);
}
