// Field-level rules every record kind shares: required, code tables, ranges, phone format.
import { CODE_TABLES, MULTI_SEPARATOR, type CodeTable, type CodeTableKey } from '../code-tables/index.ts';
import type { FieldDef } from '../fields/define.ts';
import type { Issue } from './issue.ts';

export type CodeTables = Readonly<Record<CodeTableKey, CodeTable>>;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export const isPhone = (s: string): boolean => MOBILE.test(s) || LANDLINE.test(s);

const blank = (v: unknown) => v === null || v === undefined || v === '';

export function checkFieldValues(
  fields: readonly FieldDef[],
  record: Readonly<Record<string, unknown>>,
  tables: CodeTables = CODE_TABLES,
  only?: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  for (const f of fields) {
    if (only && !only.includes(f.column)) continue;
    const v = record[f.column];
    if (blank(v)) {
      if (f.required) issues.push({ field: f.column, level: 'error', message: `${f.label}不能为空` });
      continue;
    }
    if ((f.type === 'code' || f.type === 'codes') && f.codeTable) {
      const table = tables[f.codeTable];
      const codes = f.type === 'codes' ? String(v).split(MULTI_SEPARATOR) : [String(v)];
      for (const code of codes) {
        if (!table.items.some((i) => i.code === code)) {
          issues.push({
            field: f.column,
            level: 'error',
            message: `${f.label}“${code}”不在代码表「${table.name}」中`,
          });
        }
      }
      if (f.maxItems && codes.length > f.maxItems) {
        issues.push({ field: f.column, level: 'error', message: `${f.label}最多只能选 ${f.maxItems} 项` });
      }
      if (new Set(codes).size !== codes.length) {
        issues.push({ field: f.column, level: 'error', message: `${f.label}有重复的选项` });
      }
    }
    if (typeof v === 'number') {
      if (f.min !== undefined && v < f.min)
        issues.push({ field: f.column, level: 'error', message: `${f.label}不能小于 ${f.min}` });
      if (f.max !== undefined && v > f.max)
        issues.push({ field: f.column, level: 'error', message: `${f.label}不能大于 ${f.max}` });
    }
    if (f.type === 'phone' && typeof v === 'string' && !isPhone(v)) {
      issues.push({
        field: f.column,
        level: 'error',
        message: `${f.label}“${v}”不是有效的手机号（11 位，1 开头）或固话号码`,
      });
    }
  }
  return issues;
}
