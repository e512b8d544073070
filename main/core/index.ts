// The ledger core as hosts see it: open a ledger file and get the handler table for the contract.
import { createHandlers } from './api/handlers.ts';
import type { Handlers } from './api/dispatch.ts';
import { openLedger, type Ledger } from './db/open-ledger.ts';
import { getRegionCatalog } from './regions/catalog.ts';

export interface Core {
  readonly ledger: Ledger;
  readonly handlers: Handlers;
  close(): Promise<void>;
}

export interface CoreOptions {
  ledgerPath: string;
  host: 'electron' | 'browser';
  /** Path of the region extract when it is not beside the code (the Electron bundle). */
  regionDataPath?: string;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const ledger = await openLedger(options.ledgerPath);
  const handlers = createHandlers({
    ledger,
    host: options.host,
    // Loaded on first use: only first-run and setup need the country-wide catalog.
    catalog: () => getRegionCatalog(options.regionDataPath),
  });
  return { ledger, handlers, close: () => ledger.close() };
}
