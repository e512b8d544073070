// Cell text → stored value, for every field type, the way clerks' files really write them: spaces and
// full-width characters, dates in any common shape or as Excel serials, code-table labels old and new,
// several values in one cell.
import {
  CODE_TABLES,
  MULTI_SEPARATOR,
  ambiguityOf,
  findCode,
  type CodeTable,
  type CodeTableKey,
} from '../code-tables/index.ts';
import { parseDateInput, parseYearMonth } from '../date-input.ts';
import type { FieldDef } from '../fields/define.ts';
import { toHalfWidth } from '../half-width.ts';
import { infoOfNormalized, isPlain18, parseIdNumber, type IdInfo } from '../id-number.ts';
import { parseNumberText, readAs, unitOfLabel } from '../number-text.ts';

export type Normalized =
  | {
      ok: true;
      value: string | number | null;
      note?: string;
      /** A date given as year and month only ('YYYY-MM'); value is then that month's first day. */
      month?: string;
    }
  | { ok: false; message: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial (days since 1899-12-30) as ISO, for plausible dates only. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  const d = new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const MULTI_SPLIT = /[,，、;；/|\s]+/;

function codeOf(table: CodeTable, text: string): string | null {
  return findCode(table, text)?.code ?? null;
}

function optionsHint(table: CodeTable): string {
  const labels = table.items.filter((i) => !i.retired).map((i) => i.label);
  return labels.length <= 12 ? labels.join('、') : `${labels.slice(0, 12).join('、')} 等`;
}

const ID_LABEL = '证件号码';

/** Excel keeps 15 significant digits of a number: digits typed beyond them become 0. */
const EXCEL_DIGITS = 15;

/**
 * A whole number's digits as Excel shows them under format 0 (15 significant digits, then zeros):
 * '3.41823197310071E+17', and 341823197310070300 (a double from an .xls), both give
 * '341823197310070000'. Digit text within 15 significant digits is kept as written ('000012').
 * null when the text is not a whole non-negative number.
 */
export function excelDigits(text: string): string | null {
  if (!/^\d+(?:\.\d+)?(?:E\+?\d+)?$/i.test(text)) return null;
  if (/^\d+$/.test(text) && text.replace(/^0+/, '').length <= EXCEL_DIGITS) return text;
  const n = Number(text);
  if (!Number.isInteger(n)) return null;
  if (n < 10 ** EXCEL_DIGITS) return String(n);
  const [mantissa = '', exponent = '0'] = n.toExponential(EXCEL_DIGITS - 1).split('e');
  return mantissa.replace('.', '') + '0'.repeat(Number(exponent) - (EXCEL_DIGITS - 1));
}

const digitsLost = (label: string, shown: string): string =>
  `${label}被 Excel 存成了数字，后几位已丢失（表中现为 ${shown}）：请把该列设为文本，重新录入正确号码`;

/**
 * A cell the file stored as a number (SheetData.numberCells), as a text or 证件号码 field must take it:
 * its digits as Excel shows them (a 15-digit ID written '3.41823731007123E+14' is still whole), or,
 * past Excel's 15 significant digits, why it cannot be used. An 18-digit ID or a 16-digit 户编号 in a
 * number cell is refused whatever the file's format: the last digits are gone (or, if a program wrote
 * them, go the first time the file is saved in Excel or WPS), and a lucky check digit would otherwise
 * pass a wrong number.
 */
export function numberCellText(
  field: FieldDef,
  text: string,
): { ok: true; text: string } | { ok: false; message: string } {
  if (field.type !== 'id-number' && field.type !== 'text') return { ok: true, text };
  const digits = excelDigits(text.trim());
  if (digits === null) return { ok: true, text };
  if (digits.replace(/^0+/, '').length <= EXCEL_DIGITS) return { ok: true, text: digits };
  return { ok: false, message: digitsLost(field.label, digits) };
}

/** normalizeValue for a cell the file stored as a number (see numberCellText). */
export function normalizeNumberCell(
  field: FieldDef,
  text: string,
  tables: Readonly<Record<CodeTableKey, CodeTable>> = CODE_TABLES,
): Normalized {
  const digits = numberCellText(field, text);
  return digits.ok ? normalizeValue(field, digits.text, tables) : digits;
}

/**
 * A 出生日期 given as year and month only (`n.month`, from 1985.03, 1985年3月, 198503), checked against
 * the birth date in the person's 证件号码 (null when there is none). When the months agree the ID's full
 * date is the value; when they do not, the row is refused naming both. Without an ID date `n` stands:
 * the first of the month, with its warning. A number cell's 1985.1 may have been typed 1985.10 (Excel
 * drops the trailing 0 and shows 1985.1), so there October agrees too.
 */
export function resolveBirthMonth(
  field: FieldDef,
  n: Extract<Normalized, { ok: true }>,
  raw: string,
  idBirthDate: string | null,
  fromNumber = false,
): Normalized {
  if (n.month === undefined || idBirthDate === null) return n;
  const text = toHalfWidth(raw);
  const idMonth = idBirthDate.slice(0, 7);
  if (idMonth === n.month) return { ok: true, value: idBirthDate };
  if (fromNumber && /^\d{4}\.1$/.test(text) && idMonth === `${text.slice(0, 4)}-10`)
    return { ok: true, value: idBirthDate };
  const [year, month] = n.month.split('-').map(Number);
  return {
    ok: false,
    message: `${field.label}“${text}”（${year} 年 ${month} 月）与证件号码中的出生日期 ${idBirthDate} 不一致`,
  };
}

export type NormalizedId =
  { ok: true; value: string | null; note?: string; info: IdInfo | null } | { ok: false; message: string };

/**
 * The 证件号码 case of normalizeValue, with what the parse found about the stored number (`info`,
 * as parseIdNumber(value) would give it), so an import parses each number once.
 */
export function normalizeIdCell(raw: string): NormalizedId {
  // The usual cell (18 ASCII digits, or X last) has nothing to clean.
  if (isPlain18(raw)) return normalizeIdText(raw);
  const text = toHalfWidth(raw);
  return text === '' ? { ok: true, value: null, info: null } : normalizeIdText(text.replace(/\s+/g, ''));
}

/** `compact`: the cell's text without white space. */
function normalizeIdText(compact: string): NormalizedId {
  const parsed = parseIdNumber(compact);
  if (!parsed.ok) {
    // Text that shows an Excel number: 4.20626E+17, or 18 digits ending in the 000 that Excel's 15
    // digits leave (a CSV, or a number copied into a text cell). Number cells are caught by numberCellText.
    if (
      parsed.code === 'numeric-precision-lost' ||
      (parsed.code === 'bad-checksum' && /^\d{15}000$/.test(compact))
    ) {
      return { ok: false, message: digitsLost(ID_LABEL, compact) };
    }
    return { ok: false, message: parsed.message };
  }
  const { info } = parsed;
  // No spread of an empty object for the usual number without a note (400,000 of them in an import).
  return info.note
    ? { ok: true, value: info.normalized, note: info.note, info: infoOfNormalized(info) }
    : { ok: true, value: info.normalized, info: infoOfNormalized(info) };
}

export function normalizeValue(
  field: FieldDef,
  raw: string,
  tables: Readonly<Record<CodeTableKey, CodeTable>> = CODE_TABLES,
): Normalized {
  const text = toHalfWidth(raw);
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      return text.length > 200
        ? { ok: false, message: `${field.label}过长（${text.length} 字）` }
        : { ok: true, value: text };
    case 'int':
    case 'year': {
      const m = /^(-?\d+)(\.0+)?\s*(年|人|个|月)?$/.exec(text);
      if (!m) return { ok: false, message: `${field.label}“${text}”不是整数` };
      const n = Number(m[1]);
      if (field.min !== undefined && n < field.min)
        return { ok: false, message: `${field.label} ${n} 小于 ${field.min}` };
      if (field.max !== undefined && n > field.max)
        return { ok: false, message: `${field.label} ${n} 大于 ${field.max}` };
      return { ok: true, value: n };
    }
    case 'decimal': {
      const unit = unitOfLabel(field.label);
      const n = parseNumberText(text, unit, field.label);
      if (!n.ok) return n;
      // 万 multiplies what is written by 10,000: the row says what was recorded. "4,500" needs no word.
      return n.scaled
        ? { ok: true, value: n.value, note: `${field.label}“${text}”${readAs(n.value, unit)}` }
        : { ok: true, value: n.value };
    }
    case 'date': {
      if (/^\d+(\.\d+)?$/.test(text) && text.length <= 5) {
        const iso = excelSerialToIso(Number(text));
        if (iso) return { ok: true, value: iso };
      }
      const iso = parseDateInput(text);
      if (iso) return { ok: true, value: iso };
      // Year and month only: the first of the month, said in a warning (出生日期 takes the day from the
      // 证件号码 instead, see resolveBirthMonth).
      const month = parseYearMonth(text);
      if (month) {
        return {
          ok: true,
          value: `${month}-01`,
          month,
          note: `${field.label}“${text}”只有年月，没有日，按 ${month}-01 记录`,
        };
      }
      return {
        ok: false,
        message: `${field.label}“${text}”不是有效日期（可写 1985-03-07、1985.3.7、19850307、1985年3月7日）`,
      };
    }
    case 'bool': {
      const code = codeOf(tables.yes_no, text);
      return code === null
        ? { ok: false, message: `${field.label}“${text}”应为 是 或 否` }
        : { ok: true, value: Number(code) };
    }
    case 'code':
    case 'codes': {
      const table = field.codeTable ? tables[field.codeTable] : undefined;
      if (!table) return { ok: true, value: text };
      const parts = field.type === 'codes' ? text.split(MULTI_SPLIT).filter((p) => p !== '') : [text];
      const codes: string[] = [];
      for (const part of parts) {
        const code = codeOf(table, part);
        if (code === null)
          return {
            ok: false,
            message: `${field.label}“${part}”${ambiguityOf(table, part) ?? `不是「${table.name}」中的值（可填：${optionsHint(table)}）`}`,
          };
        if (!codes.includes(code)) codes.push(code);
      }
      if (field.maxItems !== undefined && codes.length > field.maxItems) {
        return { ok: false, message: `${field.label}最多 ${field.maxItems} 项，实有 ${codes.length} 项` };
      }
      return { ok: true, value: codes.sort().join(MULTI_SEPARATOR) };
    }
    case 'id-number': {
      const n = normalizeIdText(text.replace(/\s+/g, ''));
      return n.ok ? { ok: true, value: n.value, ...(n.note ? { note: n.note } : {}) } : n;
    }
    case 'phone': {
      const digits = text.replace(/[\s-]/g, '');
      if (/^\d+(\.\d+)?E\+?\d+$/i.test(digits))
        return { ok: false, message: `${field.label}被 Excel 存成了科学计数法，号码已损坏` };
      return /^\+?\d{7,12}$/.test(digits)
        ? { ok: true, value: digits.replace(/^\+?86(?=1\d{10}$)/, '') }
        : { ok: false, message: `${field.label}“${text}”不是有效的电话号码` };
    }
  }
}
