// The reports' covering indexes lead with 年度 (migrations 0013, 0014). Without statistics SQLite may take a
// query's `r.year = ?` to them and read every record of the 年度 — for one household's benefits (政策明白卡,
// 一户一策 prefill, the sample county's fill) that made each household cost as much as the whole ledger.
// The per-household statement must start from the household's members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { personRowsSql } from '../../main/core/plans/household-benefits.ts';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

let ledger: Ledger;
beforeAll(async () => {
  ledger = await openLedger(tempLedgerPath());
});
afterAll(async () => {
  await ledger.close();
});

describe('a household’s benefits read from the ledgers kept for the reports', () => {
  for (const def of allLedgers().filter((d) => d.reportIndex)) {
    it(`${def.id}: starts from the members' index, then each member's records`, () => {
      const plan = (
        ledger.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${personRowsSql(`ledger_${def.id}`, 'AND r.year = ?')}`)
          .all(1, 2020) as Array<{ detail: string }>
      ).map((r) => r.detail);
      expect(plan[0]).toMatch(/^SEARCH p USING (COVERING )?INDEX persons_household \(household_id=\?/);
      expect(plan[1]).toMatch(/^SEARCH r USING (COVERING )?INDEX \S+ \(.*person_id=\?/);
    });
  }
});
