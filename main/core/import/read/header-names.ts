// Header text as found in village workbooks ("姓  名", "务工时间\n（月）", "*证件号码") and the names the
// fields are known by, reduced to one comparable key.
import type { FieldDef } from '../../../../shared/fields/define.ts';
import { HOUSEHOLD_FIELDS } from '../../../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../../../shared/fields/person-fields.ts';

/**
 * Header text for display: line breaks and layout spaces removed. Spaces between Chinese characters
 * are padding ("姓  名"); a single space between Latin words is kept.
 */
export function cleanHeaderText(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /g, '');
}

/**
 * The comparison key: NFKC (full-width brackets and letters → ASCII), no whitespace, no required-field
 * markers (*, ※, ★), no trailing colon, lower case. '务工时间（月）' and '务工时间(月)' get the same key.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*※★☆]+|[*※★☆]+$/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** Every label and alias of these fields (defaults: household and person fields), for locateHeader. */
export function knownHeaderNames(
  fieldLists: ReadonlyArray<readonly FieldDef[]> = [HOUSEHOLD_FIELDS, PERSON_FIELDS],
): string[] {
  const names = new Set<string>();
  for (const fields of fieldLists) {
    for (const field of fields) {
      names.add(field.label);
      for (const alias of field.aliases ?? []) names.add(alias);
    }
  }
  return [...names];
}
