// styles.xml: every distinct CellStyle becomes one cellXfs entry, built from deduplicated fonts,
// fills, borders and number formats. A cell then carries only `s="n"`, so styling 400k rows costs a
// few bytes a cell instead of a style record each.
import type { CellStyle } from './types.ts';
import { XML_DECLARATION, escapeAttr } from './xml.ts';

/** What a Chinese office expects from a new workbook: 宋体 11 (GB2312 charset, "modern" family). */
const DEFAULT_FONT_NAME = '宋体';
const DEFAULT_FONT_SIZE = 11;
/** Excel refuses more cell formats than this. */
const MAX_XFS = 64_000;
const FIRST_CUSTOM_NUMFMT = 164;

/** Formats Excel knows by number; writing them as custom formats works but shows up oddly in Excel. */
const BUILTIN_NUMFMTS = new Map<string, number>([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['0.00E+00', 11],
  ['@', 49],
]);

/** 'FFFF0000', 'ff0000' or '#FF0000' → 'FFFF0000'. */
export function normalizeColor(color: string): string {
  const m = /^#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/.exec(color.trim());
  if (m === null || m[1] === undefined) {
    throw new RangeError(`颜色“${color}”无效，应为 ARGB 十六进制，例如 FFFF0000（红色）`);
  }
  const hex = m[1].toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

function fontSize(size: number | undefined): number {
  if (size === undefined) return DEFAULT_FONT_SIZE;
  if (!Number.isFinite(size) || size < 1 || size > 409) {
    throw new RangeError(`字号 ${size} 无效，应在 1 到 409 之间`);
  }
  return size;
}

export class StyleRegistry {
  readonly #fonts = new Map<string, number>([['|0|' + DEFAULT_FONT_SIZE, 0]]);
  readonly #fontXml: string[] = [fontXml(false, null, DEFAULT_FONT_SIZE)];
  // Excel requires the first two fills to be "none" and "gray125", whatever the file uses.
  readonly #fills = new Map<string, number>();
  readonly #fillXml: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  readonly #numFmts = new Map<string, number>();
  readonly #numFmtXml: string[] = [];
  readonly #xfs = new Map<string, number>([['0|0|0|0|||', 0]]);
  readonly #xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  // Callers pass the same style object for thousands of cells: look it up by identity before building
  // a key. Style objects are therefore treated as frozen once handed over.
  readonly #byObject = new WeakMap<CellStyle, number>();
  readonly #merged = new WeakMap<CellStyle, WeakMap<CellStyle, number>>();

  /** The cellXfs index for a style; 0 (the default) for undefined or an empty style. */
  xf(style: CellStyle | undefined): number {
    if (style === undefined) return 0;
    const cached = this.#byObject.get(style);
    if (cached !== undefined) return cached;
    const index = this.#register(style);
    this.#byObject.set(style, index);
    return index;
  }

  /** A cell's own style over its row's default, field by field. */
  xfMerged(rowStyle: CellStyle, cellStyle: CellStyle): number {
    let inner = this.#merged.get(cellStyle);
    if (inner === undefined) {
      inner = new WeakMap();
      this.#merged.set(cellStyle, inner);
    }
    const cached = inner.get(rowStyle);
    if (cached !== undefined) return cached;
    const merged: CellStyle = {};
    for (const key of STYLE_KEYS) {
      const v = cellStyle[key] ?? rowStyle[key];
      if (v !== undefined) (merged as Record<string, unknown>)[key] = v;
    }
    const index = this.#register(merged);
    inner.set(rowStyle, index);
    return index;
  }

  #register(style: CellStyle): number {
    const numFmtId = style.numFmt === undefined ? 0 : this.#numFmt(style.numFmt);
    const fontId = this.#font(style);
    const fillId = style.fill === undefined ? 0 : this.#fill(normalizeColor(style.fill));
    const borderId = style.border === 'thin' ? 1 : 0;
    const align = style.align ?? '';
    const valign = style.valign ?? '';
    // The types say this already; a value from untyped data would make Excel refuse the whole file.
    if (style.border !== undefined && style.border !== 'thin' && style.border !== 'none') {
      throw new RangeError(`边框“${String(style.border)}”无效，应为 thin 或 none`);
    }
    if (!['', 'left', 'center', 'right'].includes(align)) throw new RangeError(`水平对齐“${align}”无效`);
    if (!['', 'top', 'center'].includes(valign)) throw new RangeError(`垂直对齐“${valign}”无效`);
    const wrap = style.wrap === true;
    const key = `${numFmtId}|${fontId}|${fillId}|${borderId}|${align}|${valign}|${wrap ? 'w' : ''}`;
    const known = this.#xfs.get(key);
    if (known !== undefined) return known;
    if (this.#xfXml.length >= MAX_XFS) throw new RangeError(`单元格格式超过 ${MAX_XFS} 种，Excel 无法打开`);
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) attrs += ' applyNumberFormat="1"';
    if (fontId !== 0) attrs += ' applyFont="1"';
    if (fillId !== 0) attrs += ' applyFill="1"';
    if (borderId !== 0) attrs += ' applyBorder="1"';
    let alignment = '';
    if (align !== '' || valign !== '' || wrap) {
      attrs += ' applyAlignment="1"';
      alignment = '<alignment';
      if (align !== '') alignment += ` horizontal="${align}"`;
      if (valign !== '') alignment += ` vertical="${valign}"`;
      if (wrap) alignment += ' wrapText="1"';
      alignment += '/>';
    }
    const index = this.#xfXml.length;
    this.#xfXml.push(alignment === '' ? `<xf ${attrs}/>` : `<xf ${attrs}>${alignment}</xf>`);
    this.#xfs.set(key, index);
    return index;
  }

  #font(style: CellStyle): number {
    const bold = style.bold === true;
    const color = style.fontColor === undefined ? null : normalizeColor(style.fontColor);
    const size = fontSize(style.fontSize);
    const key = `${bold ? 'b' : ''}|${color ?? 0}|${size}`;
    let index = this.#fonts.get(key);
    if (index === undefined) {
      index = this.#fontXml.length;
      this.#fontXml.push(fontXml(bold, color, size));
      this.#fonts.set(key, index);
    }
    return index;
  }

  #fill(argb: string): number {
    let index = this.#fills.get(argb);
    if (index === undefined) {
      index = this.#fillXml.length;
      this.#fillXml.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
      this.#fills.set(argb, index);
    }
    return index;
  }

  #numFmt(code: string): number {
    if (code.length === 0 || code.length > 255) throw new RangeError(`数字格式“${code}”无效`);
    const builtin = BUILTIN_NUMFMTS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.#numFmts.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_NUMFMT + this.#numFmtXml.length;
      this.#numFmtXml.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      this.#numFmts.set(code, id);
    }
    return id;
  }

  /** The complete xl/styles.xml. */
  toXml(): string {
    const list = (tag: string, items: readonly string[]): string =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const thin = (side: string): string => `<${side} style="thin"><color indexed="64"/></${side}>`;
    return (
      XML_DECLARATION +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.#numFmtXml.length > 0 ? list('numFmts', this.#numFmtXml) : '') +
      list('fonts', this.#fontXml) +
      list('fills', this.#fillXml) +
      list('borders', [
        '<border><left/><right/><top/><bottom/><diagonal/></border>',
        `<border>${thin('left')}${thin('right')}${thin('top')}${thin('bottom')}<diagonal/></border>`,
      ]) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.#xfXml) +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}

const STYLE_KEYS = [
  'bold',
  'fill',
  'border',
  'align',
  'valign',
  'wrap',
  'numFmt',
  'fontColor',
  'fontSize',
] as const satisfies ReadonlyArray<keyof CellStyle>;

// Child order is fixed by the schema (CT_Font): b, …, sz, color, name, family, charset.
function fontXml(bold: boolean, color: string | null, size: number): string {
  return (
    '<font>' +
    (bold ? '<b/>' : '') +
    `<sz val="${size}"/>` +
    (color === null ? '' : `<color rgb="${color}"/>`) +
    `<name val="${DEFAULT_FONT_NAME}"/><family val="3"/><charset val="134"/>` +
    '</font>'
  );
}
