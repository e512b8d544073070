// 导出 over the contract: 户花名册, 人员花名册 and a ledger's records. Each file is written to a temporary
// path, hashed, written to the audit log, and handed to the host like the error report (save dialog in
// Electron, a download in the browser).
import { todayIso } from '../../../shared/date-input.ts';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import type { exportsContract } from '../../../shared/contract/exports.ts';
import { auditExport, fileSha256 } from '../exports/export-guard.ts';
import { exportHouseholdRoster, exportPersonRoster } from '../exports/register-roster.ts';
import { exportRecords } from '../ledgers/ledger-export.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { requireCounty } from '../regions/county-setup.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

/** 户花名册-2026-12-06.xlsx, 户花名册-脱敏-2026-12-06.xlsx: the clerk's date, not UTC's. */
export const exportFileName = (what: string, masked: boolean): string =>
  `${what}${masked ? '-脱敏' : ''}-${todayIso()}.xlsx`;

export async function finishExport(
  ctx: HandlerContext,
  what: string,
  masked: boolean,
  write: (path: string) => Promise<{ rows: number; fullIds: number }>,
) {
  const fileName = exportFileName(what, masked);
  const path = ctx.files.tempPath(fileName);
  const { rows, fullIds } = await write(path);
  const sha256 = await fileSha256(path);
  auditExport(ctx.ledger, { fileName, what, rows, masked, fullIds, sha256 });
  const fileId = ctx.files.register({ path, name: fileName, temporary: true });
  return {
    fileId,
    fileName,
    downloadPath: ctx.host === 'browser' ? `${DOWNLOAD_PATH_PREFIX}${fileId}` : null,
    rows,
    masked,
    fullIds,
    sha256,
  };
}

export function exportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, keyof typeof exportsContract | 'ledgers.export'> {
  const { ledger } = ctx;
  return {
    'households.export': (q) => {
      requireCounty(ledger);
      return finishExport(ctx, '户花名册', q.masked, (path) =>
        exportHouseholdRoster(ledger, q, path, { masked: q.masked, confirmFullIds: q.confirmFullIds }),
      );
    },
    'persons.export': (q) => {
      requireCounty(ledger);
      return finishExport(ctx, '人员花名册', q.masked, (path) =>
        exportPersonRoster(ledger, q, path, { masked: q.masked, confirmFullIds: q.confirmFullIds }),
      );
    },
    'ledgers.export': ({ masked, confirmFullIds, ...q }) => {
      requireCounty(ledger);
      const def = requireLedger(q.ledgerId);
      return finishExport(ctx, `${def.name}台账`, masked, (path) =>
        exportRecords(ledger, q, path, { masked, confirmFullIds }),
      );
    },
  };
}
