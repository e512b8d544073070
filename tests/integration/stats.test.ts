import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { countyRegion, findRegion, regionTree } from '../../main/core/regions/region-tree.ts';
import { regionSummary } from '../../main/core/stats/region-summary.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

describe('region summary (首页)', () => {
  it('counts what the tables hold for county, township, village and group, and follows writes', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      loadDemo(ledger, () => getRegionCatalog(), 400, 3, '420626');
      const q = (sql: string, ...p: unknown[]) =>
        ledger.sqlite
          .prepare(sql)
          .pluck()
          .get(...p) as number;
      const county = regionSummary(ledger, countyRegion(ledger));
      expect(county.households).toBe(400);
      expect(county.persons).toBe(q(`SELECT COUNT(*) FROM persons`));
      expect(county.townships).toBe(12);
      expect(county.villages).toBe(277);
      expect(county.byPovertyAttribute.reduce((n, r) => n + r.count, 0)).toBe(400);
      expect(county.byMainCause.every((r) => r.label !== '' && !/^\d+$/.test(r.label))).toBe(true);
      expect(county.disabledPersons).toBe(q(`SELECT COUNT(*) FROM persons WHERE instr(health, '04') > 0`));
      expect(county.dibaoPersons).toBe(q(`SELECT COUNT(*) FROM persons WHERE dibao = 1`));

      const tree = regionTree(ledger);
      const busyVillage = q(
        `SELECT village_code FROM households GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1`,
      ) as unknown as string;
      const village = regionSummary(ledger, findRegion(ledger, busyVillage));
      expect(village.households).toBe(
        q(`SELECT COUNT(*) FROM households WHERE village_code = ?`, busyVillage),
      );
      expect(village.persons).toBe(
        q(
          `SELECT COUNT(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.village_code = ?`,
          busyVillage,
        ),
      );
      expect(village.groups).toBe(tree.filter((n) => n.parentCode === busyVillage).length);
      const townCode = tree.find((n) => n.code === busyVillage)?.parentCode ?? '';
      const town = regionSummary(ledger, findRegion(ledger, townCode));
      expect(town.households).toBe(q(`SELECT COUNT(*) FROM households WHERE township_code = ?`, townCode));
      expect(town.households).toBeGreaterThanOrEqual(village.households);

      // A write invalidates the cached county figures.
      ledger.sqlite
        .prepare(`UPDATE households SET status = 'cancelled' WHERE id = (SELECT MIN(id) FROM households)`)
        .run();
      expect(regionSummary(ledger, countyRegion(ledger)).households).toBe(399);
    } finally {
      await ledger.close();
    }
  });
});
