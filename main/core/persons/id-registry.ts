// 证件号码 across the county: a number belongs to one person only (rule 02 of the national checker).
import { parseIdNumber, type IdInfo } from '../../../shared/id-number.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { Ledger } from '../db/open-ledger.ts';

export interface IdConflict {
  personId: number;
  name: string;
  householdId: number;
  householdNo: string;
  villageName: string;
  townshipName: string;
  status: 'active' | 'cancelled';
}

export function findIdOwner(ledger: Ledger, normalized: string, excludePersonId?: number): IdConflict | null {
  const row = ledger
    .prepare(
      `SELECT p.id AS personId, p.name, p.household_id AS householdId, h.household_no AS householdNo,
              v.name AS villageName, t.name AS townshipName, p.status
       FROM persons p JOIN households h ON h.id = p.household_id
       JOIN regions v ON v.code = h.village_code JOIN regions t ON t.code = h.township_code
       WHERE p.id_number = ? AND p.id <> ?`,
    )
    .get(normalized, excludePersonId ?? -1) as IdConflict | undefined;
  return row ?? null;
}

export function conflictMessage(idNumber: string, c: IdConflict): string {
  const where = `${c.townshipName}${c.villageName} 户编号 ${c.householdNo}`;
  return c.status === 'cancelled'
    ? `证件号码 ${idNumber} 已登记在 ${where} 的 ${c.name} 名下（已注销）。如是同一人，请到该户恢复；否则请核对号码。`
    : `证件号码 ${idNumber} 已登记在 ${where} 的 ${c.name} 名下，一个号码只能登记一人。`;
}

export function checkIdNumber(ledger: Ledger, raw: string, excludePersonId?: number) {
  const parsed = parseIdNumber(raw);
  const issues: Issue[] = [];
  let info: IdInfo | null = null;
  if (!parsed.ok) issues.push({ field: 'id_number', level: 'error', message: parsed.message });
  else {
    info = parsed.info;
    if (info.flagged && info.note) issues.push({ field: 'id_number', level: 'warning', message: info.note });
  }
  const normalized = info?.normalized ?? raw.trim().toUpperCase();
  const conflict = normalized === '' ? null : findIdOwner(ledger, normalized, excludePersonId);
  if (conflict)
    issues.push({ field: 'id_number', level: 'error', message: conflictMessage(normalized, conflict) });
  return { normalized, issues, birthDate: info?.birthDate ?? null, sex: info?.sex ?? null, conflict, info };
}

/** Throws the conflict as a LedgerError naming the other household and village. */
export function assertIdFree(ledger: Ledger, normalized: string, excludePersonId?: number): void {
  const conflict = findIdOwner(ledger, normalized, excludePersonId);
  if (conflict) throw new LedgerError('conflict', conflictMessage(normalized, conflict), conflict);
}
