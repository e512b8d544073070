// zod schemas derived from the field definitions, so the contract, forms and import accept exactly the
// fields shared/fields declares. Code values are checked against code tables by shared/rules (tables
// can be extended per county), not here.
import { z } from 'zod';
import type { FieldDef, FieldType } from './define.ts';

type NumericType = 'int' | 'decimal' | 'year' | 'bool';
type BaseValue<F extends FieldDef> = F['type'] extends NumericType ? number : string;
type ValueOf<F extends FieldDef> = F['required'] extends true ? BaseValue<F> : BaseValue<F> | null;

/** `{ column: value }` for a list of fields. */
export type RecordOf<T extends readonly FieldDef[]> = { [F in T[number] as F['column']]: ValueOf<F> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function baseSchema(type: FieldType, f: FieldDef): z.ZodType {
  switch (type) {
    case 'int':
    case 'year':
      return z
        .number()
        .int(`${f.label}应为整数`)
        .min(f.min ?? -1e9, `${f.label}不能小于 ${f.min}`)
        .max(f.max ?? 1e9, `${f.label}不能大于 ${f.max}`);
    case 'decimal':
      return z.number().finite();
    case 'bool':
      return z.union([z.literal(0), z.literal(1)]);
    case 'date':
      return z.string().regex(ISO_DATE, `${f.label}应为 YYYY-MM-DD`);
    case 'codes':
      return z.string().regex(/^[0-9A-Za-z]+(,[0-9A-Za-z]+)*$/, `${f.label}格式不正确`);
    case 'code':
      return z.string().max(10);
    case 'id-number':
      return z.string().max(40);
    case 'phone':
      return z.string().max(30);
    case 'text':
      return z.string().max(200, `${f.label}过长`);
  }
}

export function fieldSchema(f: FieldDef): z.ZodType {
  const base = baseSchema(f.type, f);
  return f.required ? base : base.nullable();
}

/** An object schema of the given fields; `partial` makes every key optional (patches). */
export function recordSchema<T extends readonly FieldDef[]>(fields: T): z.ZodType<RecordOf<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.column] = fieldSchema(f);
  return z.object(shape).strict() as unknown as z.ZodType<RecordOf<T>>;
}

export function patchSchema<T extends readonly FieldDef[]>(fields: T): z.ZodType<Partial<RecordOf<T>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.column] = fieldSchema(f).optional();
  return z.object(shape).strict() as unknown as z.ZodType<Partial<RecordOf<T>>>;
}
