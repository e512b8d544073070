// A stored field value as the clerk reads it on detail pages: code labels, 是/否, '—' for empty.
import type { FieldDef } from '../../../shared/fields/define.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import type { CodeTablesValue } from '../state/code-tables.ts';

export function displayField(field: FieldDef, value: unknown, tables: CodeTablesValue): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.type === 'bool') return value === 1 ? '是' : value === 0 ? '否' : String(value);
  if ((field.type === 'code' || field.type === 'codes') && field.codeTable !== undefined) {
    return tables.label(field.codeTable, String(value));
  }
  return String(value);
}

/** "城关镇 光千村 一组" (the village by its short name: 光千村, not 光千村村委会). */
export function placeText(place: {
  townshipName: string;
  villageName: string;
  groupName: string | null;
}): string {
  return [place.townshipName, shortRegionName(place.villageName), place.groupName]
    .filter((s) => s !== null && s !== '')
    .join(' ');
}
