// The 专项台账 methods of the contract (shared/contract/ledgers.ts), over one open ledger.
import type { ledgersContract } from '../../../shared/contract/ledgers.ts';
import { allLedgers, fieldValues } from '../../../shared/ledgers/index.ts';
import { listAudit } from '../audit/audit-log.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { findRegion } from '../regions/region-tree.ts';
import { deriveContext, listLedgerSettings, setLedgerSetting } from '../ledgers/ledger-context.ts';
import { ledgerCounts, ledgerSummary } from '../ledgers/ledger-summary.ts';
import { getRecord, getRecordRow, listRecords, recordsForHousehold } from '../ledgers/record-read.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { createRecord, deleteRecord, updateRecord } from '../ledgers/record-write.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type LedgerMethods = Exclude<keyof typeof ledgersContract, 'ledgers.export' | 'ledgers.exportSummary'>;

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
      // Only what derive computes goes back; the form keeps what the clerk typed.
      return { values: def.derive?.(fieldValues(def, values), derive(ledgerId)) ?? {} };
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
    'ledgers.summary': ({ ledgerId, regionCode, year }) => {
      requireCounty(ledger);
      return ledgerSummary(ledger, ledgerId, regionCode, year);
    },
    'ledgers.settings': ({ ledgerId }) => listLedgerSettings(ledger, requireLedger(ledgerId)),
    'ledgers.setSetting': ({ ledgerId, key, value }) =>
      setLedgerSetting(ledger, requireLedger(ledgerId), key, value),
    'ledgers.history': ({ ledgerId, id }) => {
      const def = requireLedger(ledgerId);
      const entries = listAudit(ledger, { recordKey: `${def.id}:${id}` }, 500);
      // A deleted record keeps its history (the last entry says it was deleted, with its values);
      // otherwise the record must exist. Records an import created get their line from listAudit.
      if (!entries.some((e) => e.action === 'delete')) getRecordRow(ledger, def, id);
      return entries;
    },
  };
}
