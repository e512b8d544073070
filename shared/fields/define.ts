// A field of a record: one definition gives the database column, the label on screens and forms,
// the Excel headers it is recognised by (aliases), its type and its code table.
import type { CodeTableKey } from '../code-tables/index.ts';

export type FieldType =
  | 'text'
  | 'int'
  | 'decimal'
  | 'date' // ISO YYYY-MM-DD
  | 'year'
  | 'code' // one code of `codeTable`
  | 'codes' // several codes of `codeTable`, stored "02,04"
  | 'bool' // 0/1
  | 'id-number'
  | 'phone';

export interface FieldDef {
  /** Database column name. */
  readonly column: string;
  readonly label: string;
  readonly type: FieldType;
  readonly codeTable?: CodeTableKey;
  readonly required?: boolean;
  /** For 'codes': at most this many values (其他致贫原因 ≤ 2). */
  readonly maxItems?: number;
  readonly min?: number;
  readonly max?: number;
  /** Excel headers that mean this field (national exports, village templates). */
  readonly aliases?: readonly string[];
  /** Personal data that is masked wherever the full value is not needed. */
  readonly sensitive?: boolean;
}

export const defineFields = <const T extends readonly FieldDef[]>(fields: T): T => fields;
