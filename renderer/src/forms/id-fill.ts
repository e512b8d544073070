// What a valid 证件号码 says about its holder, put into the member form as the clerk types the number:
// 性别 and 出生日期 (GB 11643 — shared/id-number.ts), still editable. A field is filled when it is empty
// or still holds what an earlier number filled in (the clerk corrected a digit of the ID); a value the
// clerk chose himself is left, and checkPerson explains the disagreement under the field.
import { parseIdNumber } from '../../../shared/id-number.ts';
import type { Draft } from '../lib/draft.ts';

export interface IdFilled {
  sex: string;
  birth_date: string;
}

/** The fields to fill for the ID text `idText`, or null when there is nothing to fill. */
export function idFill(idText: string, draft: Draft, filledBefore: IdFilled): Partial<IdFilled> | null {
  const parsed = parseIdNumber(idText);
  if (!parsed.ok) return null;
  const { sex, birthDate } = parsed.info;
  const patch: Partial<IdFilled> = {};
  const mayFill = (column: keyof IdFilled) => {
    const now = draft[column] ?? '';
    return now === '' || now === filledBefore[column];
  };
  if (sex !== null && mayFill('sex') && draft.sex !== sex) patch.sex = sex;
  if (birthDate !== null && mayFill('birth_date') && draft.birth_date !== birthDate)
    patch.birth_date = birthDate;
  return Object.keys(patch).length > 0 ? patch : null;
}
