// 专项台账 at county scale: the sample county (100,000 households) with one 外出务工 record per working-age
// person (~150,000) and one 基本医疗 record per person (~400,000): the list screen's first page, a filter,
// a township, a search, the household tabs, the 汇总 and an export of a township's view.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ledgersContract } from '../../shared/contract/ledgers.ts';
import { ledgerDef } from '../../shared/ledgers/index.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { exportRecords } from '../../main/core/ledgers/ledger-export.ts';
import { ledgerCounts, ledgerSummary } from '../../main/core/ledgers/ledger-summary.ts';
import { countyRegion, findRegion } from '../../main/core/regions/region-tree.ts';
import { listRecords, recordsForHousehold } from '../../main/core/ledgers/record-read.ts';
import { insertRecord } from '../../main/core/ledgers/record-write.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { median, report, round, time } from './measure.ts';

const PLACES = ['广东省深圳市宝安区', '浙江省义乌市', '湖北省武汉市', '湖北省襄阳市樊城区', '保康县'];
const CODES = ['440306', '330782', '420100', '420606', '420626'];
const DEST = ['04', '04', '03', '02', '01'];

export async function benchLedgers(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const ledger = await openLedger(path.join(dir, 'bench.db'));
  try {
    loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626');
    const migrant = ledgerDef('migrant_work');
    const medical = ledgerDef('medical_insurance');
    if (!migrant || !medical) throw new Error('ledgers missing');
    const persons = ledger.sqlite
      .prepare(`SELECT id, birth_date FROM persons WHERE status = 'active' ORDER BY id`)
      .all() as Array<{ id: number; birth_date: string | null }>;
    const at = new Date().toISOString();
    const meta = { origin: 'demo' as const, batchId: null, at };
    const fill = performance.now();
    ledger.sqlite.transaction(() => {
      persons.forEach((p, i) => {
        const year = Number(p.birth_date?.slice(0, 4) ?? 1980);
        if (year >= 1960 && year <= 2002) {
          const k = i % 5;
          insertRecord(
            ledger,
            migrant,
            { person_id: p.id },
            {
              year: 2020,
              status: i % 7 === 0 ? '03' : '01',
              work_place: PLACES[k] ?? null,
              work_place_code: CODES[k] ?? null,
              destination: DEST[k] ?? null,
              monthly_income: 2000 + (i % 40) * 100,
              point_to_point: i % 3 === 0 ? 1 : 0,
            },
            meta,
          );
        }
        insertRecord(ledger, medical, { person_id: p.id }, { year: 2020, insured: 1 }, meta);
      });
    })();
    const fillSeconds = (performance.now() - fill) / 1000;
    const migrantRows = ledger.prepare('SELECT COUNT(*) FROM ledger_migrant_work').pluck().get() as number;
    const medicalRows = ledger
      .prepare('SELECT COUNT(*) FROM ledger_medical_insurance')
      .pluck()
      .get() as number;
    const query = (extra: object) =>
      ledgersContract['ledgers.records'].request.parse({ ledgerId: 'migrant_work', ...extra });
    const list = (extra: object = {}) => listRecords(ledger, query(extra));
    list(); // warm-up
    const firstPage = Array.from({ length: 10 }, () => time(() => list()));
    const filtered = Array.from({ length: 5 }, () => time(() => list({ filters: { destination: ['04'] } })));
    const township = Array.from({ length: 5 }, () => time(() => list({ regionCode: '420626100000' })));
    const sample = ledger.sqlite
      .prepare(
        'SELECT p.name FROM ledger_migrant_work r JOIN persons p ON p.id = r.person_id WHERE r.id % 5000 = 0',
      )
      .pluck()
      .all() as string[];
    const search = sample.map((name) => time(() => list({ search: name })));
    const medicalPage = Array.from({ length: 5 }, () =>
      time(() => listRecords(ledger, { ...query({}), ledgerId: 'medical_insurance' })),
    );
    const tabs = Array.from({ length: 20 }, (_, i) => time(() => recordsForHousehold(ledger, 1 + i * 997)));
    const summary = Array.from({ length: 3 }, () => time(() => ledgerSummary(ledger, 'migrant_work', null)));
    const summaryMedical = Array.from({ length: 3 }, () =>
      time(() => ledgerSummary(ledger, 'medical_insurance', null)),
    );
    const index = Array.from({ length: 5 }, () => time(() => ledgerCounts(ledger, countyRegion(ledger))));
    const indexTownship = Array.from({ length: 5 }, () =>
      time(() => ledgerCounts(ledger, findRegion(ledger, '420626100000'))),
    );
    let exported = 0;
    const exportStart = performance.now();
    exported = (
      await exportRecords(ledger, query({ regionCode: '420626100000' }), path.join(dir, 'out.xlsx'), {
        masked: false,
        confirmFullIds: true,
      })
    ).rows;
    const exportMs = performance.now() - exportStart;
    const result = {
      households,
      migrant_records: migrantRows,
      medical_records: medicalRows,
      fill_records_s: Math.round(fillSeconds * 10) / 10,
      list_first_page_ms: round(median(firstPage)),
      list_filter_destination_ms: round(median(filtered)),
      list_township_ms: round(median(township)),
      list_search_name_ms: round(median(search)),
      list_medical_first_page_ms: round(median(medicalPage)),
      household_tabs_ms: round(median(tabs)),
      index_counts_county_ms: round(median(index)),
      index_counts_township_ms: round(median(indexTownship)),
      summary_migrant_ms: round(median(summary)),
      summary_medical_ms: round(median(summaryMedical)),
      export_township_rows: exported,
      export_township_ms: Math.round(exportMs),
    };
    for (const [k, v] of Object.entries(result)) report(k, v, '');
    return result;
  } finally {
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
