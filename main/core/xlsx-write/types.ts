// The public shapes of the xlsx writer. They live apart from the implementation so that styles.ts,
// sheet-xml.ts and workbook.ts can share them without importing each other in a circle.

/** How one cell looks. Equal styles are stored once in styles.xml, however many cells use them. */
export interface CellStyle {
  bold?: boolean;
  /** Solid background, ARGB hex such as 'FFFF0000' (an RGB 'FF0000' or '#FF0000' is taken as opaque). */
  fill?: string;
  border?: 'thin' | 'none';
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'center';
  wrap?: boolean;
  /** An Excel number format, e.g. '0.00', 'yyyy-mm-dd', '@' (text). */
  numFmt?: string;
  /** ARGB hex, like fill. */
  fontColor?: string;
  /** Points; the default is 11. */
  fontSize?: number;
}

export type CellValue =
  string | number | boolean | null | { value: string | number | boolean | null; style?: CellStyle };

export interface SheetOptions {
  name: string;
  columns?: Array<{ width?: number /* chars */ }>;
  /** 0-based, inclusive. */
  merges?: Array<{ from: { row: number; col: number }; to: { row: number; col: number } }>;
  freeze?: { rows: number; cols?: number };
  /** Page setup for printing reports: A4, landscape when true. */
  landscape?: boolean;
  /** Print scaled so every column fits the page width (as many pages tall as the rows need). */
  fitToWidth?: boolean;
  /** Rows repeated at the top of every printed page, 0-based and inclusive. */
  printTitleRows?: { from: number; to: number };
  /** Page margins in inches; Excel's defaults (0.7 / 0.75 / 0.3) where not given. */
  margins?: {
    left?: number;
    right?: number;
    top?: number;
    bottom?: number;
    header?: number;
    footer?: number;
  };
  /** Printed centred between the left and right margins (a narrow statistics table). */
  centerHorizontally?: boolean;
  /**
   * The printed page footer, centre section, in Excel's header/footer codes: '第 &P 页，共 &N 页'
   * (&P page, &N pages). Program text only; a literal & must be written &&.
   */
  pageFooter?: string;
}

export interface RowOptions {
  /** Points. */
  height?: number;
  /** The default style of every cell given in this row (a cell's own style wins field by field). */
  style?: CellStyle;
}

export interface SheetWriter {
  /**
   * Appends the next row. Rows are turned into XML, compressed and written to the file in chunks of
   * about a megabyte as they come, so memory stays flat however many rows there are.
   */
  addRow(cells: readonly CellValue[], options?: RowOptions): void;
  end(): void;
}

export interface WorkbookWriter {
  /** Sheets are written one after another: call the previous sheet's end() first. */
  addSheet(options: SheetOptions): SheetWriter;
  /** Finishes the file and moves it into place; until then only a temporary file exists. */
  close(): Promise<void>;
  /** Gives up: closes and deletes the temporary file. Safe to call more than once or after a failure. */
  abort(): Promise<void>;
}
