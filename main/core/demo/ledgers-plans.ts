// 一户一策 of the sample county: about two in five 建档立卡 households get their plan for the data year,
// drawn up by the same prefill a clerk's 新建 runs (main/core/plans/plan-draft.ts) over the ledgers filled
// before — so each plan names the household's real 公益性岗位, 小额信贷, 医保 … — then dated, signed and
// reviewed, with some measures marked 落实中. Runs after every ledger it reads from.
import type { Ledger } from '../db/open-ledger.ts';
import { planDraft } from '../plans/plan-draft.ts';
import { dayIn, isPoor, later, someOf, type LedgerDemoContext } from './ledger-kit.ts';

export function fillHouseholdPlans(ledger: Ledger, c: LedgerDemoContext): void {
  const { rng, write, year } = c;
  for (const h of someOf(rng, c.households.filter(isPoor), 0.4)) {
    const draft = planDraft(ledger, h.id, year);
    const made = dayIn(rng, year, 1, 3);
    const signed = rng.chance(0.85);
    const planId = write.add(
      'household_plans',
      { household_id: h.id },
      {
        ...draft.plan,
        plan_date: made,
        signed_date: signed ? later(rng, made, 1, 10) : null,
        reviewed_date: signed && rng.chance(0.8) ? later(rng, made, 12, 30) : null,
      },
    );
    for (const m of draft.measures)
      write.add(
        'household_plan_measures',
        { household_id: h.id, parent_id: planId },
        m.progress === '01' && rng.chance(0.5) ? { ...m, progress: '02' } : m,
      );
  }
}
