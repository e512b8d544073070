// The safety of every export: more than FULL_ID_CONFIRM_LIMIT persons' full 证件号码 only when the clerk
// confirmed it, and every export file written to the audit log with its SHA-256, so a file found later
// (on a USB stick, in a chat) can be traced to who exported it, when, and what it held.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { FULL_ID_CONFIRM_LIMIT } from '../../../shared/contract/exports.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { getOperator } from '../ledger/operator.ts';
import { writeAudit } from '../audit/audit-log.ts';

export interface ExportSafety {
  masked: boolean;
  confirmFullIds: boolean;
}

/** Refuses before any byte is written when the export needs a confirmation it did not get. */
export function checkFullIds(fullIds: number, safety: ExportSafety): void {
  if (safety.masked || safety.confirmFullIds || fullIds <= FULL_ID_CONFIRM_LIMIT) return;
  throw new LedgerError(
    'validation',
    `本次导出含 ${fullIds} 人的完整证件号码（超过 ${FULL_ID_CONFIRM_LIMIT} 人须确认）。` +
      '确认需要完整号码后再导出，或改用“脱敏导出”（证件号码、电话只显示部分）。',
    { confirmFullIds: true, fullIds },
  );
}

export async function fileSha256(path: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ExportRecord {
  fileName: string;
  /** What was exported: 户花名册, 人员花名册, a ledger's name. */
  what: string;
  rows: number;
  masked: boolean;
  fullIds: number;
  sha256: string;
}

/** One audit entry (action 'export', entity 'file') for a finished export file. */
export function auditExport(ledger: Ledger, e: ExportRecord): void {
  const changes = [
    { field: 'what', before: null, after: e.what },
    { field: 'rows', before: null, after: e.rows },
    { field: 'masked', before: null, after: e.masked ? 1 : 0 },
    { field: 'full_ids', before: null, after: e.fullIds },
    { field: 'sha256', before: null, after: e.sha256 },
  ];
  writeAudit(ledger, {
    operator: getOperator(ledger) ?? '未填写',
    action: 'export',
    entity: 'file',
    entityId: e.fileName,
    householdId: null,
    label: e.what,
    changes,
  });
}
