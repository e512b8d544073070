// The 专项台账 methods of the contract (shared/contract/ledgers.ts), over one open ledger.
import type { ledgersContract } from '../../../shared/contract/ledgers.ts';
import { allLedgers } from '../../../shared/ledgers/index.ts';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import { listAudit } from '../audit/audit-log.ts';
import { localDateTime } from '../../../shared/audit-text.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { findRegion } from '../regions/region-tree.ts';
import { exportRecords } from '../ledgers/ledger-export.ts';
import { deriveContext, listLedgerSettings, setLedgerSetting } from '../ledgers/ledger-context.ts';
import { ledgerCounts, ledgerSummary } from '../ledgers/ledger-summary.ts';
import { getRecord, getRecordRow, listRecords, recordsForHousehold } from '../ledgers/record-read.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { createRecord, deleteRecord, updateRecord } from '../ledgers/record-write.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type LedgerMethods = keyof typeof ledgersContract;

export function ledgerHandlers(ctx: HandlerContext): Pick<Handlers, LedgerMethods> {
  const { ledger } = ctx;
  const derive = (id: string) => deriveContext(ledger, requireLedger(id), ctx.catalog);
  return {
    'ledgers.list': ({ regionCode }) => {
      requireCounty(ledger);
      const counts = ledgerCounts(ledger, regionCode === null ? null : findRegion(ledger, regionCode));
      return allLedgers().map((d) => ({
        id: d.id,
        name: d.name,
        group: d.group,
        subject: d.subject,
        records: counts[d.id] ?? 0,
      }));
    },
    'ledgers.records': (q) => listRecords(ledger, q),
    'ledgers.record': ({ ledgerId, id }) => getRecord(ledger, ledgerId, id),
    'ledgers.create': ({ ledgerId, link, values }) => {
      const id = createRecord(ledger, derive(ledgerId), ledgerId, link, values);
      return getRecord(ledger, ledgerId, id, true);
    },
    'ledgers.derive': ({ ledgerId, values }) => {
      const def = requireLedger(ledgerId);
      const all: LedgerValues = {};
      for (const f of def.fields) all[f.column] = values[f.column] ?? null;
      // Only what derive computes goes back; the form keeps what the clerk typed.
      return { values: def.derive?.(all, derive(ledgerId)) ?? {} };
    },
    'ledgers.update': ({ ledgerId, id, values }) => {
      updateRecord(ledger, derive(ledgerId), ledgerId, id, values);
      return getRecord(ledger, ledgerId, id, true);
    },
    'ledgers.delete': ({ ledgerId, id }) => {
      deleteRecord(ledger, ledgerId, id);
      return { deleted: true as const };
    },
    'ledgers.forHousehold': ({ householdId }) => recordsForHousehold(ledger, householdId),
    'ledgers.summary': ({ ledgerId, regionCode }) => {
      requireCounty(ledger);
      return ledgerSummary(ledger, ledgerId, regionCode);
    },
    'ledgers.export': async (q) => {
      const county = requireCounty(ledger);
      const def = requireLedger(q.ledgerId);
      const fileName = `${def.name}台账-${new Date().toISOString().slice(0, 10)}.xlsx`;
      const path = ctx.files.tempPath(fileName);
      const { rows } = await exportRecords(ledger, q, path, county.name);
      const fileId = ctx.files.register({ path, name: fileName, temporary: true });
      return {
        fileId,
        fileName,
        downloadPath: ctx.host === 'browser' ? `${DOWNLOAD_PATH_PREFIX}${fileId}` : null,
        rows,
      };
    },
    'ledgers.settings': ({ ledgerId }) => listLedgerSettings(ledger, requireLedger(ledgerId)),
    'ledgers.setSetting': ({ ledgerId, key, value }) =>
      setLedgerSetting(ledger, requireLedger(ledgerId), key, value),
    'ledgers.history': ({ ledgerId, id }) => {
      const def = requireLedger(ledgerId);
      const entries = listAudit(ledger, { recordKey: `${def.id}:${id}` }, 500);
      // A deleted record keeps its history (the last entry says it was deleted, with its values).
      const row = entries.some((e) => e.action === 'delete') ? null : getRecordRow(ledger, def, id);
      if (row !== null && row.origin === 'import' && row.batch_id !== null) {
        // Records an import created have no audit entry of their own: the batch says who and when.
        const b = ledger
          .prepare('SELECT operator, created_at, file_name FROM import_batches WHERE id = ?')
          .get(row.batch_id) as
          { operator: string; created_at: string; file_name: string | null } | undefined;
        if (b)
          entries.push({
            id: 0,
            at: b.created_at,
            operator: b.operator,
            action: 'create',
            entity: 'record',
            entityId: `${def.id}:${id}`,
            label: def.name,
            lines: [
              `${localDateTime(b.created_at)} ${b.operator} 导入新增了这条记录（第 ${String(row.batch_id)} 批导入${b.file_name ? `，文件 ${b.file_name}` : ''}）`,
            ],
          });
      }
      return entries;
    },
  };
}
