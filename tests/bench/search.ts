// 户籍台账 search and list at county scale: the queries the list screen runs as the clerk types.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { householdListQuery } from '../../shared/contract/register-schemas.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { listHouseholds } from '../../main/core/households/household-list.ts';
import { searchPersons } from '../../main/core/persons/person-search.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { median, report, round, time } from './measure.ts';

export async function benchSearch(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const ledger = await openLedger(path.join(dir, 'bench.db'));
  try {
    loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626');
    const persons = ledger.sqlite.prepare('SELECT COUNT(*) FROM persons').pluck().get() as number;
    // 25 people spread over the table, the same every run.
    const sample = ledger.sqlite
      .prepare('SELECT name, id_number FROM persons WHERE id % ? = 0 ORDER BY id LIMIT 25')
      .all(Math.floor(persons / 25)) as { name: string; id_number: string }[];
    const list = (search?: string, extra: object = {}) =>
      listHouseholds(
        ledger,
        householdListQuery.parse({ regionCode: null, ...(search ? { search } : {}), ...extra }),
      );

    list('warm-up'); // first statement preparation and page cache
    const idTimes = sample.map((p) => time(() => list(p.id_number.slice(-6))));
    const nameTimes = sample.map((p) => time(() => list(p.name)));
    const surnameTimes = sample.map((p) => time(() => list(p.name.slice(0, 1))));
    const personTimes = sample.map((p) =>
      time(() =>
        searchPersons(ledger, { q: p.name, regionCode: null, status: 'active', offset: 0, limit: 50 }),
      ),
    );
    const firstPage = Array.from({ length: 10 }, () => time(() => list()));
    const sorted = Array.from({ length: 5 }, () =>
      time(() => list(undefined, { sort: { column: 'head_name', order: 'desc' } })),
    );
    const deepPage = Array.from({ length: 5 }, () => time(() => list(undefined, { offset: 90_000 })));
    const township = Array.from({ length: 5 }, () =>
      time(() => list(undefined, { regionCode: '420626100000' })),
    );

    const result = {
      households,
      search_id_fragment_ms: round(median(idTimes)),
      search_name_ms: round(median(nameTimes)),
      list_first_page_ms: round(median(firstPage)),
      search_surname_ms: round(median(surnameTimes)),
      person_search_name_ms: round(median(personTimes)),
      list_sorted_by_head_name_ms: round(median(sorted)),
      list_offset_90000_ms: round(median(deepPage)),
      list_township_ms: round(median(township)),
    };
    report(`households / persons`, households, `/ ${persons}`);
    for (const [k, v] of Object.entries(result)) if (k !== 'households') report(k, v, 'ms (median)');
    return result;
  } finally {
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
