// A number as clerks write it in village sheets and type it into forms: "4,500", "4500元", "0.45万",
// "4 500", "￥4500", full-width "４５００", "12.5公斤", "3%". One reading for forms and imports alike.
//
// The unit is the one in the field's label (月收入（元） → 元). Written after the number it is dropped;
// 万 (or 万元) multiplies by 10,000 — counted on the digits, not in floating point, so 1.1万 is 11000
// and not 11000.000000000002. Thousands separators must sit every three digits ("4,50" is refused: it
// may be a mistyped decimal point).
import { toHalfWidth } from './half-width.ts';

export type NumberText =
  | {
      ok: true;
      value: number;
      /** The text was not the plain number ("4,500", "0.45万"): what was read, for the clerk to see. */
      rewritten: boolean;
      /** 万 was written: the value is 10,000 times the digits. */
      scaled: boolean;
    }
  | { ok: false; message: string };

/** The unit in a label's last brackets: 月收入（元） → 元, 低保金（元/月） → 元/月, 面积（㎡） → ㎡. */
export function unitOfLabel(label: string): string | null {
  const m = /[（(]([^（）()]+)[）)]\s*$/.exec(label);
  return m?.[1]?.trim() ?? null;
}

/** A label without its unit: 月收入（元） → 月收入. */
export const labelWithoutUnit = (label: string): string => label.replace(/\s*[（(][^（）()]+[）)]\s*$/, '');

/** Other ways of writing a label's unit. */
const UNIT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  元: ['元', '元整', '块', '块钱'],
  '元/月': ['元/月', '元每月', '元/人/月', '元', '块'],
  '元/户': ['元/户', '元'],
  '元/人': ['元/人', '元'],
  '㎡': ['㎡', 'm2', 'm²', '平方米', '平米', '平'],
  平方米: ['平方米', '㎡', 'm2', 'm²', '平米', '平'],
  公斤: ['公斤', 'kg', '千克'],
  升: ['升', 'l'],
  亩: ['亩'],
  '%': ['%'],
  '℃': ['℃', '°c', '度'],
};

const isMoney = (unit: string | null): boolean => unit !== null && unit.startsWith('元');

/** What a field's text may end with, longest first (so 万元 is tried before 元). */
function suffixesOf(unit: string | null): string[] {
  const own = unit === null ? [] : (UNIT_SPELLINGS[unit] ?? [unit]);
  const scaled = isMoney(unit) ? ['万元', '万'] : ['万'];
  return [...own.map((s) => s.toLowerCase()), ...scaled].sort((a, b) => b.length - a.length);
}

/** Already a number as stored (an import's number cell may come as 1.5E+7). */
const PLAIN = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const DIGITS = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/** "0.45" × 10,000 on the digits: "4500". */
function timesTenThousand(digits: string): string {
  const [whole = '', fraction = ''] = digits.split('.');
  const padded = fraction.padEnd(4, '0');
  return `${whole}${padded.slice(0, 4)}${padded.length > 4 ? `.${padded.slice(4)}` : ''}`;
}

/** How a field's numbers may be written, for messages. */
export function numberExamples(unit: string | null): string {
  if (isMoney(unit)) return '如 4500、4,500、4500元 或 0.45万';
  if (unit === null) return '如 4500、4,500 或 0.45万';
  return `如 12.5 或 12.5${unit}`;
}

/**
 * `text` as a number of the field whose unit is `unit` (unitOfLabel). Blank text is not a number: the
 * caller decides what empty means.
 */
export function parseNumberText(text: string, unit: string | null, label = '数值'): NumberText {
  const written = toHalfWidth(text).trim();
  const refuse = (): NumberText => ({
    ok: false,
    message: `${label}“${written}”不是数字（${numberExamples(unit)}）`,
  });
  if (PLAIN.test(written)) return { ok: true, value: Number(written), rewritten: false, scaled: false };

  // White space inside a number is a thousands gap ("4 500"); ￥/¥ before it says money.
  let t = written
    .replace(/[\s\u00a0\u2009\u202f]+/g, '')
    .replace(/^[￥¥]/, '')
    .toLowerCase();
  let scaled = false;
  for (const suffix of suffixesOf(unit)) {
    if (t.length > suffix.length && t.endsWith(suffix)) {
      t = t.slice(0, -suffix.length);
      scaled = suffix.startsWith('万');
      break;
    }
  }
  let sign: string;
  let digits: string;
  const grouped = GROUPED.exec(t);
  const plain = DIGITS.exec(t);
  if (grouped !== null) {
    sign = grouped[1] ?? '';
    digits = (grouped[2] ?? '').replaceAll(',', '') + (grouped[3] ?? '');
  } else if (plain !== null) {
    sign = plain[1] ?? '';
    digits = plain[2] ?? '';
  } else {
    return refuse();
  }
  if (digits.startsWith('.')) digits = `0${digits}`;
  if (digits.endsWith('.')) digits = digits.slice(0, -1);
  const value = Number(`${sign === '-' ? '-' : ''}${scaled ? timesTenThousand(digits) : digits}`);
  if (!Number.isFinite(value)) return refuse();
  return { ok: true, value: Object.is(value, -0) ? 0 : value, rewritten: true, scaled };
}

/** What was read, in the clerk's words: "已读作 4500 元". */
export function readAs(value: number, unit: string | null): string {
  return `已读作 ${value}${unit === null ? '' : unit === '%' || unit === '℃' ? unit : ` ${unit}`}`;
}
