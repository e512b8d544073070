// Writes the sample county's thematic-ledger records the way a save or an import does: initial values
// (年度) filled in, derived values (去向类别, 改造进度, 贷款余额 …) computed by the ledger's own `derive`,
// then one INSERT through the shared prepared statement of `insertRecord`, marked origin 'demo' with the
// demo's batch. Runs inside the demo's transaction.
import type { DeriveContext, LedgerDef, LedgerValues } from '../../../shared/ledgers/define.ts';
import { ledgerDef, withDerived, withInitialValues } from '../../../shared/ledgers/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { deriveContext } from '../ledgers/ledger-context.ts';
import { insertRecord, type SubjectColumns } from '../ledgers/record-write.ts';
import { getRegionCatalog } from '../regions/catalog.ts';

export interface DemoLedgerWriter {
  /** Inserts one record of ledger `id`; returns its row id. */
  add(id: string, subject: SubjectColumns, values: Readonly<LedgerValues>): number;
  /** The county's 补助标准 and other ledger settings, as `derive` sees them. */
  context(id: string): DeriveContext;
  /** Records written so far, by ledger id. */
  readonly counts: Map<string, number>;
}

export function createLedgerWriter(
  ledger: Ledger,
  meta: { batchId: number; at: string; year: number },
): DemoLedgerWriter {
  const contexts = new Map<string, DeriveContext>();
  const places = new Map<string, string | null>();
  const counts = new Map<string, number>();

  const requireDef = (id: string): LedgerDef => {
    const def = ledgerDef(id);
    if (!def) throw new Error(`示例数据：没有台账 ${id}`);
    return def;
  };
  const context = (id: string): DeriveContext => {
    let ctx = contexts.get(id);
    if (!ctx) {
      const base = deriveContext(ledger, requireDef(id), () => getRegionCatalog());
      // The same few place names come back thousands of times: look each up once.
      ctx = {
        countyCode: base.countyCode,
        setting: base.setting,
        placeCode(text) {
          if (!places.has(text)) places.set(text, base.placeCode(text));
          return places.get(text) ?? null;
        },
      };
      contexts.set(id, ctx);
    }
    return ctx;
  };

  return {
    counts,
    context,
    add(id, subject, values) {
      const def = requireDef(id);
      const final = withDerived(def, withInitialValues(def, values, meta.year), context(id));
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return insertRecord(ledger, def, subject, final, {
        origin: 'demo',
        batchId: meta.batchId,
        at: meta.at,
      });
    },
  };
}
