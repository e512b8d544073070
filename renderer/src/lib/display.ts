// A stored field value as the clerk reads it on detail pages: code labels, 是/否, '—' for empty.
import type { FieldDef } from '../../../shared/fields/define.ts';
import type { CodeTablesValue } from '../state/code-tables.ts';

export function displayField(field: FieldDef, value: unknown, tables: CodeTablesValue): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.type === 'bool') return value === 1 ? '是' : value === 0 ? '否' : String(value);
  if ((field.type === 'code' || field.type === 'codes') && field.codeTable !== undefined) {
    return tables.label(field.codeTable, String(value));
  }
  return String(value);
}

/** "城关镇 光千村 一组" */
export function placeText(place: {
  townshipName: string;
  villageName: string;
  groupName: string | null;
}): string {
  return [place.townshipName, place.villageName, place.groupName]
    .filter((s) => s !== null && s !== '')
    .join(' ');
}
