// 证件号码 across the county: a number belongs to one person only, and the first 18 characters name the
// person (rule 02 of the national checker): a 残疾人证号 is its holder's 身份证号 + 类别 + 等级, so
// 身份证号 + "41" of someone registered is the same person again.
import { idPersonKey, parseIdNumber, type IdInfo } from '../../../shared/id-number.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Issue } from '../../../shared/rules/issue.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionCatalog } from '../regions/catalog.ts';

export interface IdConflict {
  personId: number;
  name: string;
  /** The number as registered: differs from the one asked about when only the first 18 characters match. */
  idNumber: string;
  householdId: number;
  householdNo: string;
  villageName: string;
  townshipName: string;
  status: 'active' | 'cancelled';
}

const OWNER_COLUMNS = `p.id AS personId, p.name, p.id_number AS idNumber, p.household_id AS householdId,
  h.household_no AS householdNo, v.name AS villageName, t.name AS townshipName, p.status
  FROM persons p JOIN households h ON h.id = p.household_id
  JOIN regions v ON v.code = h.village_code JOIN regions t ON t.code = h.township_code`;

/**
 * Who holds this number or another number of the same person. An 18-character key is looked up as a
 * range on the UNIQUE index of persons.id_number: every stored number that starts with it, and only those,
 * sorts between the key and the key + '~' (IDs hold digits and X only).
 */
export function findIdOwner(ledger: Ledger, normalized: string, excludePersonId?: number): IdConflict | null {
  const key = idPersonKey(normalized);
  const exclude = excludePersonId ?? -1;
  if (key.length !== 18) {
    const row = ledger
      .prepare(`SELECT ${OWNER_COLUMNS} WHERE p.id_number = ? AND p.id <> ?`)
      .get(normalized, exclude) as IdConflict | undefined;
    return row ?? null;
  }
  const rows = ledger
    .prepare(`SELECT ${OWNER_COLUMNS} WHERE p.id_number >= ? AND p.id_number < ? AND p.id <> ?`)
    .all(key, `${key}~`, exclude) as IdConflict[];
  // The very number first; the range may also hold stored oddities that only share a prefix.
  const same = rows.filter((r) => idPersonKey(r.idNumber) === key);
  return same.find((r) => r.idNumber === normalized) ?? same[0] ?? null;
}

/** `mask`: for messages that outlive the form (import previews and error reports). */
export function conflictMessage(idNumber: string, c: IdConflict, mask = false): string {
  const where = `${c.townshipName}${c.villageName} 户编号 ${c.householdNo}`;
  if (c.idNumber !== idNumber) {
    return `证件号码 ${mask ? maskIdNumber(idNumber) : idNumber} 与 ${where} 的 ${c.name}${c.status === 'cancelled' ? '（已注销）' : ''}登记的 ${maskIdNumber(c.idNumber)} 前 18 位相同，是同一人的身份证号（残疾人证号为身份证号加残疾类别、等级），一人在全县只能登记一次。`;
  }
  return c.status === 'cancelled'
    ? `证件号码 ${idNumber} 已登记在 ${where} 的 ${c.name} 名下（已注销）。如是同一人，请到该户恢复；否则请核对号码。`
    : `证件号码 ${idNumber} 已登记在 ${where} 的 ${c.name} 名下，一个号码只能登记一人。`;
}

/**
 * A warning when the 6-digit address code is not in the official catalogue. Only for provinces the
 * catalogue covers (not 香港/澳门/台湾); a wrong province is an error of parseIdNumber already. Old codes of
 * merged or renamed counties stay legitimate on old cards, hence a warning.
 */
export function addressCodeWarning(catalog: RegionCatalog, info: IdInfo): string | null {
  const code = info.addressCode;
  if (code === null || catalog.isKnownCountyCode(code)) return null;
  const province = catalog.provinces().find((p) => p.code === code.slice(0, 2));
  if (province === undefined) return null;
  return `证件号码的地址码 ${code} 不在现行区划代码中（${province.name}没有这个县级代码）：旧证上已撤销的县的代码仍然有效，请与证件核对`;
}

/** Address-code warnings of one import or form, each code looked up once. */
export function addressCodeChecker(catalog: () => RegionCatalog): (info: IdInfo) => string | null {
  const seen = new Map<string, string | null>();
  return (info) => {
    const code = info.addressCode;
    if (code === null) return null;
    let warning = seen.get(code);
    if (warning === undefined) {
      warning = addressCodeWarning(catalog(), info);
      seen.set(code, warning);
    }
    return warning;
  };
}

export function checkIdNumber(
  ledger: Ledger,
  raw: string,
  excludePersonId?: number,
  catalog?: () => RegionCatalog,
) {
  const parsed = parseIdNumber(raw);
  const issues: Issue[] = [];
  let info: IdInfo | null = null;
  if (!parsed.ok) issues.push({ field: 'id_number', level: 'error', message: parsed.message });
  else {
    info = parsed.info;
    if (info.flagged && info.note) issues.push({ field: 'id_number', level: 'warning', message: info.note });
    const area = catalog ? addressCodeWarning(catalog(), info) : null;
    if (area !== null) issues.push({ field: 'id_number', level: 'warning', message: area });
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

const KEY_BATCH = 500;

/**
 * For an import: the registered persons holding another number of the same person as one of the file's
 * `ids` (same first 18 characters, different number), by that 18-character key. 20/22-character numbers
 * are few on both sides, so a 400,000-row import pays one pass over the UNIQUE index for the ledger's
 * longer numbers and exact look-ups (batched) only for the 身份证号 inside the file's longer numbers.
 */
export function sameHolderIds(ledger: Ledger, ids: () => readonly unknown[]): Map<string, IdConflict> {
  const holders = new Map<string, IdConflict>();
  const ledgerLong = new Map<string, string>();
  const long = ledger
    .prepare('SELECT id_number FROM persons WHERE length(id_number) > 18')
    .pluck()
    .all() as string[];
  for (const stored of long) {
    const key = idPersonKey(stored);
    if (key !== stored && !ledgerLong.has(key)) ledgerLong.set(key, stored);
  }
  const ownerOf = ledger.prepare(`SELECT ${OWNER_COLUMNS} WHERE p.id_number = ?`);
  const hold = (key: string, stored: string) => {
    if (holders.has(key)) return;
    const owner = ownerOf.get(stored) as IdConflict | undefined;
    if (owner) holders.set(key, owner);
  };
  const fileLongKeys = new Set<string>();
  for (const id of ids()) {
    if (typeof id !== 'string') continue;
    const key = idPersonKey(id);
    if (key !== id) fileLongKeys.add(key);
    const stored = ledgerLong.size > 0 ? ledgerLong.get(key) : undefined;
    if (stored !== undefined && stored !== id) hold(key, stored);
  }
  const wanted = [...fileLongKeys];
  for (let i = 0; i < wanted.length; i += KEY_BATCH) {
    const chunk = wanted.slice(i, i + KEY_BATCH);
    const rows = ledger
      .prepare(`SELECT id_number FROM persons WHERE id_number IN (${chunk.map(() => '?').join(', ')})`)
      .pluck()
      .all(...chunk) as string[];
    for (const stored of rows) hold(stored, stored);
  }
  return holders;
}
