// The 一户一策 methods of the contract (shared/contract/plans.ts).
import type { plansContract } from '../../../shared/contract/plans.ts';
import { householdPlanMeasures, householdPlans } from '../../../shared/ledgers/defs/household-plans.ts';
import { deriveContext } from '../ledgers/ledger-context.ts';
import { createHouseholdPlan, createRegionPlans } from '../plans/plan-create.ts';
import { requireCounty } from '../regions/county-setup.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

export function planHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof plansContract> {
  const { ledger } = ctx;
  const contexts = () => ({
    plans: deriveContext(ledger, householdPlans, ctx.catalog),
    measures: deriveContext(ledger, householdPlanMeasures, ctx.catalog),
  });
  return {
    'plans.create': ({ householdId, year }) => {
      requireCounty(ledger);
      return createHouseholdPlan(ledger, contexts(), householdId, year);
    },
    'plans.createForRegion': ({ regionCode, year }) => {
      requireCounty(ledger);
      return createRegionPlans(ledger, contexts(), regionCode, year);
    },
  };
}
