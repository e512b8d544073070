// 登记回执: the 用工回执单 comes back by post with its 三联单编号; the clerk types the number, sees whose slip
// it is, and records 回执日期, 到岗日期 and the employer's details. The change goes through updateRecord, so
// the ledger's rules (回执 not before 备案, 到岗 not before 备案 …) and the audit log apply as to any edit.
import { parseSlipSerial } from '../../../shared/migrant-slip-serial.ts';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { placeNamer } from '../ledgers/record-read.ts';
import { recordSql, requireLedger } from '../ledgers/record-sql.ts';
import { updateRecord } from '../ledgers/record-write.ts';
import { SLIP_LEDGER } from './assign-serials.ts';

export interface SlipView {
  readonly recordId: number;
  readonly serial: string;
  readonly year: number | null;
  readonly name: string;
  /** Masked 证件号码: enough to tell two people of one name apart on the screen. */
  readonly idNumber: string;
  readonly householdNo: string;
  readonly place: string;
  readonly status: string | null;
  readonly workPlace: string | null;
  readonly employer: string | null;
  readonly employerPhone: string | null;
  readonly employmentProof: number | null;
  readonly filedDate: string | null;
  readonly arrivalDate: string | null;
  readonly receiptDate: string | null;
}

export interface ReceiptEntry {
  readonly serial: string;
  readonly receiptDate: string;
  readonly arrivalDate?: string | null;
  readonly employer?: string | null;
  readonly employerPhone?: string | null;
  readonly employmentProof?: boolean | null;
}

type Row = Record<string, string | number | null>;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Whose slip a serial is; a clear message when the text is no serial or no slip has it. */
export function findSlip(ledger: Ledger, serialText: string): SlipView {
  const serial = parseSlipSerial(serialText);
  if (serial === null)
    throw new LedgerError(
      'validation',
      `“${serialText.trim()}”不是三联单编号：编号印在每一联的右上角，格式如 100-2026-00042。`,
    );
  const def = requireLedger(SLIP_LEDGER);
  const s = recordSql(def);
  const row = ledger
    .prepare(`SELECT r.*, ${s.subject} FROM ${s.from} WHERE r.slip_serial = ?`)
    .get(serial) as Row | undefined;
  if (!row)
    throw new LedgerError(
      'not-found',
      `没有编号为 ${serial} 的三联单：请核对回执上的编号（可能是别的乡镇或年度的，或记录已删除）。`,
    );
  const id = row.s_id_number;
  return {
    recordId: Number(row.id),
    serial,
    year: typeof row.year === 'number' ? row.year : null,
    name: String(row.s_name ?? ''),
    idNumber: typeof id === 'string' ? maskIdNumber(id) : '',
    householdNo: String(row.s_household_no ?? ''),
    place: placeNamer(ledger)(text(row.s_region_code)),
    status: text(row.status),
    workPlace: text(row.work_place) ?? text(row.planned_place),
    employer: text(row.employer),
    employerPhone: text(row.employer_phone),
    employmentProof: typeof row.employment_proof === 'number' ? row.employment_proof : null,
    filedDate: text(row.filed_date),
    arrivalDate: text(row.arrival_date),
    receiptDate: text(row.receipt_date),
  };
}

/** 已外出, 已返岗: statuses a 到岗 confirms; any other (计划外出 …) becomes 已外出. */
const DEPARTED = ['01', '02'];

/**
 * Records a returned 回执 against its serial. Fields left undefined keep their value; a 到岗日期 marks a
 * worker still 计划外出 as 已外出 (the employer confirms he arrived).
 */
export function recordReceipt(
  ledger: Ledger,
  ctx: DeriveContext,
  entry: ReceiptEntry,
  operator?: string,
): SlipView {
  const slip = findSlip(ledger, entry.serial);
  const patch: LedgerValues = { receipt_date: entry.receiptDate };
  if (entry.arrivalDate !== undefined) patch.arrival_date = entry.arrivalDate;
  if (entry.employer !== undefined) patch.employer = entry.employer;
  if (entry.employerPhone !== undefined) patch.employer_phone = entry.employerPhone;
  if (entry.employmentProof !== undefined && entry.employmentProof !== null)
    patch.employment_proof = entry.employmentProof ? 1 : 0;
  const arrived = patch.arrival_date ?? slip.arrivalDate;
  if (arrived !== null && arrived !== undefined && !DEPARTED.includes(slip.status ?? '')) patch.status = '01';
  updateRecord(ledger, ctx, SLIP_LEDGER, slip.recordId, patch, operator);
  return findSlip(ledger, slip.serial);
}
