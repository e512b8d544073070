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
import { parseDateInput } from '../date-input.ts';
import type { FieldDef } from '../fields/define.ts';
import { infoOfNormalized, parseIdNumber, type IdInfo } from '../id-number.ts';

export type Normalized =
  { ok: true; value: string | number | null; note?: string } | { ok: false; message: string };

/** Full-width digits, letters and punctuation to ASCII; ideographic spaces to plain ones; trimmed. */
const NEEDS_CLEANING = /[\uff01-\uff5e\u3000]|^\s|\s$|\s\s|[\t\n\r]/;

export function toHalfWidth(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

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

export type NormalizedId =
  { ok: true; value: string | null; note?: string; info: IdInfo | null } | { ok: false; message: string };

/**
 * The 证件号码 case of normalizeValue, with what the parse found about the stored number (`info`,
 * as parseIdNumber(value) would give it), so an import parses each number once.
 */
export function normalizeIdCell(raw: string): NormalizedId {
  const text = toHalfWidth(raw);
  return text === '' ? { ok: true, value: null, info: null } : normalizeIdText(text);
}

function normalizeIdText(text: string): NormalizedId {
  const compact = text.replace(/\s+/g, '');
  const parsed = parseIdNumber(compact);
  if (!parsed.ok) {
    // Excel keeps 15 significant digits: a number cell turns the last three of 18 into 000.
    if (parsed.code === 'bad-checksum' && /^\d{15}000$/.test(compact)) {
      return {
        ok: false,
        message: `证件号码被 Excel 存成了数字，末三位已丢失（现为 ${compact}）：请把该列设为文本，重新录入正确号码`,
      };
    }
    return { ok: false, message: parsed.message };
  }
  return {
    ok: true,
    value: parsed.info.normalized,
    ...(parsed.info.note ? { note: parsed.info.note } : {}),
    info: infoOfNormalized(parsed.info),
  };
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
      const n = Number(text.replace(/,/g, '').replace(/元$/, ''));
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: `${field.label}“${text}”不是数字` };
    }
    case 'date': {
      if (/^\d+(\.\d+)?$/.test(text) && text.length <= 5) {
        const iso = excelSerialToIso(Number(text));
        if (iso) return { ok: true, value: iso };
      }
      const iso = parseDateInput(text);
      return iso
        ? { ok: true, value: iso }
        : {
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
      const n = normalizeIdText(text);
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
