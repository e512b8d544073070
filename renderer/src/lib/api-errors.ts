// Reading the core's refusals: 'validation' carries an Issue[] in details, a duplicate 证件号码 may carry
// the other person's place.
import type { ResponseOf } from '../../../shared/contract/index.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { AppError } from '../../../shared/result.ts';
import { maskIdNumber } from '../../../shared/mask.ts';

export type IdConflict = NonNullable<ResponseOf<'persons.checkId'>['conflict']>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isIssue(v: unknown): v is Issue {
  return (
    isRecord(v) &&
    (v.field === null || typeof v.field === 'string') &&
    (v.level === 'error' || v.level === 'warning') &&
    typeof v.message === 'string'
  );
}

/** The Issue[] of a 'validation' error (an empty list for any other error or shape). */
export function errorIssues(error: AppError | undefined): Issue[] {
  if (error === undefined) return [];
  const d = error.details;
  const list = Array.isArray(d) ? d : isRecord(d) && Array.isArray(d.issues) ? d.issues : [];
  return list.filter(isIssue);
}

export function isIdConflict(v: unknown): v is IdConflict {
  return (
    isRecord(v) &&
    typeof v.personId === 'number' &&
    typeof v.householdId === 'number' &&
    typeof v.name === 'string' &&
    typeof v.householdNo === 'string' &&
    typeof v.villageName === 'string'
  );
}

/** The other household of a 'conflict' error, when the core names it. */
export function errorConflict(error: AppError | undefined): IdConflict | null {
  if (error === undefined) return null;
  const d = error.details;
  if (isIdConflict(d)) return d;
  if (isRecord(d) && isIdConflict(d.conflict)) return d.conflict;
  return null;
}

/**
 * "证件号码已登记在 城关镇光千村 4206…0001 户（张三）"; when only the first 18 characters match (a 残疾人证号
 * and its holder's 身份证号), says so.
 */
export function conflictMessage(c: IdConflict, typed?: string): string {
  const where = `${c.townshipName ?? ''}${c.villageName}`;
  const state = c.status === 'cancelled' ? '（该人员已注销，可在该户恢复）' : '';
  if (typed !== undefined && c.idNumber !== typed) {
    return `该号码与${where} ${c.householdNo} 户（${c.name}）${state}登记的 ${maskIdNumber(c.idNumber)} 前 18 位相同，是同一人的身份证号（残疾人证号为身份证号加残疾类别、等级），同一人在全县只能登记一次`;
  }
  return `该证件号码已登记在${where} ${c.householdNo} 户（${c.name}）${state}，同一证件号码在全县只能登记一次`;
}
