// The fields of the person and household forms, in the order a clerk fills them from a 户口簿: name and ID
// first (sex and birth date follow from the ID), then relation, then the rest; 是/否 fields last.
import { PERSON_ENTRY_FIELDS, HOUSEHOLD_ENTRY_FIELDS } from '../../../shared/fields/entry-fields.ts';
import type { FieldDef } from '../../../shared/fields/define.ts';

const PERSON_ORDER = [
  'name',
  'id_number',
  'sex',
  'birth_date',
  'relation',
  'ethnicity',
  'id_type',
  'education',
  'school_status',
  'health',
  'labor_skill',
  'work_months',
  'political_status',
  'phone',
  'medical_insurance',
  'serious_illness_insurance',
  'pension_insurance',
  'dibao',
  'tekun',
];

function ordered(fields: readonly FieldDef[], order: readonly string[]): FieldDef[] {
  const rank = (f: FieldDef) => {
    const n = order.indexOf(f.column);
    return n < 0 ? order.length : n;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

/** Every field of PERSON_ENTRY_FIELDS (unknown new ones at the end). */
export const PERSON_FORM_FIELDS: readonly FieldDef[] = ordered(PERSON_ENTRY_FIELDS, PERSON_ORDER);

export const HOUSEHOLD_FORM_FIELDS: readonly FieldDef[] = [...HOUSEHOLD_ENTRY_FIELDS];

/** New members are almost always on a 居民身份证. */
export const NEW_PERSON_DEFAULTS: Readonly<Record<string, string>> = { id_type: '01' };

export const PERSON_WIDE = new Set<string>();
export const HOUSEHOLD_WIDE = new Set<string>(['address']);
