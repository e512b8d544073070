// What one household receives (政策明白卡, 一户一策 prefill) is read from its members' records: every
// query starts from the household's members and reaches their records by person — never by walking a
// whole 年度 of a ledger per household (the (year, person_id) index of migration 0013 tempted SQLite to:
// 基本医疗 holds 396,000 records a year at county scale, and the demo's fill of 10,000 households took
// 145 s instead of 15 s). Checked on the query plans of a real ledger file, not on timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { householdBenefits } from '../../main/core/plans/household-benefits.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { watchStatements } from '../helpers/watch-statements.ts';

let ledger: Ledger;

beforeAll(async () => {
  ledger = await openLedger(tempLedgerPath());
  loadDemo(ledger, () => getRegionCatalog(), 40, 2, '420626', { ledgers: true });
});
afterAll(async () => {
  await ledger.close();
});

describe('householdBenefits reads by member', () => {
  it('starts every member-record query from the household’s members', () => {
    const { watched, statements } = watchStatements(ledger);
    const household = ledger.sqlite.prepare(`SELECT id FROM households LIMIT 1`).pluck().get() as number;
    householdBenefits(watched, household, 2026);
    const byMember = statements.filter((s) => /persons p/.test(s));
    expect(byMember.length).toBeGreaterThanOrEqual(6);
    for (const text of byMember) {
      const params = (text.match(/\?/g) ?? []).map(() => 1);
      const plan = (
        ledger.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]
      ).map((r) => r.detail);
      expect({ text, first: plan[0] }).toEqual({
        text,
        first: expect.stringMatching(/^SEARCH p USING .*household_id=\?/),
      });
      expect({ text, records: plan[1] }).toEqual({
        text,
        records: expect.stringMatching(/^SEARCH r USING .*person_id=\?/),
      });
    }
  });
});
