// A stored value as printed text: code labels (several joined with 、), 是/否, masked 证件号码 and phones.
import { CODE_TABLES, codeLabel, MULTI_SEPARATOR } from '../../../shared/code-tables/index.ts';
import type { FieldType } from '../../../shared/fields/define.ts';
import { maskIdNumber, maskPhone } from '../../../shared/mask.ts';

export interface PrintField {
  readonly column: string;
  readonly label: string;
  readonly type: FieldType;
  readonly codeTable?: string;
}

/** The field of `fields` named `column` (a programming error when missing). */
export function fieldOf<F extends PrintField>(fields: readonly F[], column: string): F {
  const f = fields.find((x) => x.column === column);
  if (!f) throw new Error(`no field ${column}`);
  return f;
}

export function printedValue(f: PrintField, v: unknown, masked = true): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f.type) {
    case 'bool':
      return v === 1 || v === '1' ? '是' : '否';
    case 'code':
    case 'codes': {
      const table = f.codeTable ? CODE_TABLES[f.codeTable as keyof typeof CODE_TABLES] : undefined;
      return String(v)
        .split(MULTI_SEPARATOR)
        .map((code) => (table ? codeLabel(table, code) : code))
        .join('、');
    }
    case 'id-number':
      return masked ? maskIdNumber(String(v)) : String(v);
    case 'phone':
      return masked ? maskPhone(String(v)) : String(v);
    default:
      return String(v);
  }
}
