// The 三联单 methods of the contract (shared/contract/migrant-slips.ts), over one open ledger.
import type { migrantSlipsContract } from '../../../shared/contract/migrant-slips.ts';
import { deriveContext } from '../ledgers/ledger-context.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { SLIP_LEDGER } from '../migrant-slips/assign-serials.ts';
import { findSlip, recordReceipt } from '../migrant-slips/receipt.ts';
import { requireCounty } from '../regions/county-setup.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type SlipMethods = keyof typeof migrantSlipsContract;

export function migrantSlipHandlers(ctx: HandlerContext): Pick<Handlers, SlipMethods> {
  const { ledger } = ctx;
  return {
    'migrantSlips.find': ({ serial }) => {
      requireCounty(ledger);
      return findSlip(ledger, serial);
    },
    'migrantSlips.receipt': (entry) => {
      requireCounty(ledger);
      return recordReceipt(ledger, deriveContext(ledger, requireLedger(SLIP_LEDGER), ctx.catalog), entry);
    },
  };
}
