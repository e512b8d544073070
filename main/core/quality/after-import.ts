// After an import: the 数据质量 rules run over the households the batch created or changed only (not the
// county), and the import result says how many findings they have and how many are new.
import { ledgerDef } from '../../../shared/ledgers/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { countyRegion } from '../regions/region-tree.ts';
import { runQualityCheck } from './run-check.ts';

export interface ImportQuality {
  households: number;
  findings: number;
  newFindings: number;
}

/** The households a batch wrote: created or updated in the register, or named by the ledger records it wrote. */
function householdsOfBatch(ledger: Ledger, batchId: number, into: string | null): number[] {
  const def = into === null ? undefined : ledgerDef(into);
  const fromLedger =
    def === undefined
      ? ''
      : def.subject === 'person'
        ? `UNION SELECT p.household_id FROM ledger_${def.id} r JOIN persons p ON p.id = r.person_id WHERE r.batch_id = @batch`
        : `UNION SELECT r.household_id FROM ledger_${def.id} r WHERE r.batch_id = @batch AND r.household_id IS NOT NULL`;
  return ledger.sqlite
    .prepare(
      `SELECT id FROM households WHERE batch_id = @batch
       UNION SELECT household_id FROM persons WHERE batch_id = @batch
       UNION SELECT household_id FROM audit_log WHERE batch_id = @batch AND household_id IS NOT NULL
       ${fromLedger}`,
    )
    .pluck()
    .all({ batch: batchId }) as number[];
}

export async function checkImportedBatch(
  ledger: Ledger,
  batchId: number,
  into: string | null,
): Promise<ImportQuality> {
  const householdIds = householdsOfBatch(ledger, batchId, into);
  if (householdIds.length === 0) return { households: 0, findings: 0, newFindings: 0 };
  const summary = await runQualityCheck(ledger, { region: countyRegion(ledger), householdIds });
  return { households: summary.households, findings: summary.findings, newFindings: summary.newFindings };
}
