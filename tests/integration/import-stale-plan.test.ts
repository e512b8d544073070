// A preview is not a promise: if the ledger changed after it, the commit plans again and sees the change.
import { describe, expect, it } from 'vitest';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { emptyHouseholdEntry } from '../../shared/fields/entry-fields.ts';

describe('import commit after the ledger changed', () => {
  it('re-plans: an ID registered meanwhile in another household stops the commit', async () => {
    const c = await openTestClient();
    try {
      await c.ok('ledger.create', { countyCode: '420626' });
      await c.ok('settings.setOperator', { name: '测试' });
      const { file, ids } = villageRoster({ households: 2 });
      const analysis = await analyzeFile(c.core.ledger, file, {});
      expect(analysis.plan.counts.persons.created).toBe(4);
      // Meanwhile a clerk registers the file's second person in a household of another village.
      const village = (await c.ok('regions.tree', {})).filter((n) => n.level === 'village')[9]?.code ?? '';
      await c.ok('households.create', {
        regionCode: village,
        household: emptyHouseholdEntry(),
        head: {
          name: '先登记的人',
          id_type: '01',
          id_number: ids[1] ?? '',
          sex: '2',
          birth_date: null,
          ethnicity: null,
          relation: '01',
          education: null,
          school_status: null,
          health: null,
          labor_skill: null,
          work_months: null,
          political_status: null,
          medical_insurance: null,
          serious_illness_insurance: null,
          pension_insurance: null,
          dibao: null,
          tekun: null,
          phone: null,
        },
      });
      expect(() => commitAnalysis(c.core.ledger, analysis, false)).toThrow(/处错误，未导入任何数据/);
      expect((await c.ok('households.list', { regionCode: null })).total).toBe(1);
    } finally {
      await c.close();
    }
  });
});
