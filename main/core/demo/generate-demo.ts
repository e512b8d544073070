// The sample county (示例数据): 组, households and members for a county already set up, synthetic
// but shaped like a 2020 建档立卡 ledger. The same (county, households, seed) always gives the same
// rows, so a demo, a screenshot or a bug report can be reproduced anywhere.
//
// Raw prepared statements in one transaction: 100,000 households take seconds, where Kysely would
// take several times as long.
import { makeIdNumber } from '../../../shared/id-number.ts';
import { LedgerError } from '../../../shared/result.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { setSetting, SETTING_KEYS } from '../ledger/settings.ts';
import { getRegionCatalog } from '../regions/catalog.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { withSearchIndexPaused } from '../persons/search-index.ts';
import { withBulkCache } from '../db/bulk.ts';
import { fillDemoLedgers } from './demo-ledgers.ts';
import { buildFamily, pickHeadAge, type Member } from './family.ts';
import { householdCauses, householdProfile, mobile, personDraft } from './household.ts';
import { chineseNumeral, placeName } from './names.ts';
import { createRandom, pickWeighted, weighted, type Random } from './random.ts';

export interface DemoOptions {
  households: number;
  seed: number;
  /** Data year of every row; default 2020. */
  year?: number;
  /**
   * Also fill every thematic ledger from the register (docs/demo.md). The CLI, the first-run panel and the
   * benchmarks ask for it; tests that need a register with empty ledgers leave it off.
   */
  ledgers?: boolean;
  /** Called every 5,000 households and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  households: number;
  persons: number;
  groups: number;
  batchId: number;
  /** Records written into each thematic ledger, by ledger id (empty without `ledgers`). */
  records: Record<string, number>;
}

export const DEMO_OPERATOR = '示例数据生成器';
const PROGRESS_EVERY = 5000;
const MAX_HOUSEHOLDS = 2_000_000;

interface Group {
  code: string;
  name: string;
}

interface Village {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  groups: Group[];
}

// ---------------------------------------------------------------------------------------------

function checkOptions(options: DemoOptions): { households: number; seed: number; year: number } {
  const { households, seed } = options;
  const year = options.year ?? 2020;
  if (!Number.isInteger(households) || households < 0 || households > MAX_HOUSEHOLDS) {
    throw new LedgerError(
      'bad-request',
      `示例户数应为 0 到 ${MAX_HOUSEHOLDS} 之间的整数，实为 ${households}。`,
    );
  }
  if (!Number.isFinite(seed)) throw new LedgerError('bad-request', `随机种子应为数字，实为 ${seed}。`);
  if (!Number.isInteger(year) || year < 2014 || year > 2035) {
    throw new LedgerError('bad-request', `示例数据年度应为 2014 到 2035 之间的整数，实为 ${year}。`);
  }
  return { households, seed, year };
}

function loadVillages(ledger: Ledger): Village[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT v.code, v.name, t.code AS townshipCode, t.name AS townshipName
       FROM regions v JOIN regions t ON t.code = v.parent_code
       WHERE v.level = 'village' AND t.level = 'township'
       ORDER BY v.code`,
    )
    .all() as Omit<Village, 'groups'>[];
  const groups = ledger.sqlite
    .prepare(
      `SELECT code, name, parent_code AS parent FROM regions WHERE level = 'group' ORDER BY sort_order, code`,
    )
    .all() as (Group & { parent: string })[];
  const byVillage = new Map<string, Group[]>();
  for (const { code, name, parent } of groups) {
    const list = byVillage.get(parent) ?? [];
    list.push({ code, name });
    byVillage.set(parent, list);
  }
  return rows.map((v) => ({
    ...v,
    groups: byVillage.get(v.code) ?? [],
  }));
}

/** Splits `total` over weights by largest remainder, so the parts add up exactly. */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** Where married-in people were born: other counties of the province, neighbours more often. */
function birthplacePicker(countyCode: string): (rng: Random) => string {
  const catalog = getRegionCatalog();
  const county = catalog.county(countyCode);
  if (!county) return () => countyCode;
  const entries: [string, number][] = [];
  for (const city of catalog.cities(county.provinceCode)) {
    for (const c of catalog.counties(city.code)) {
      if (c.code === countyCode || c.name === '市辖区') continue;
      entries.push([c.code, city.code === county.cityCode ? 4 : 1]);
    }
  }
  return entries.length > 0 ? weighted(entries) : () => countyCode;
}

export function generateDemo(ledger: Ledger, options: DemoOptions): DemoResult {
  const { households: total, seed, year } = checkOptions(options);
  const county = requireCounty(ledger);
  const db = ledger.sqlite;
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM households)').pluck().get() === 1) {
    throw new LedgerError('already-initialized', '本台账中已有户数据，不能再生成示例数据。');
  }
  const villages = loadVillages(ledger);
  if (villages.length === 0)
    throw new LedgerError('not-found', `${county.fullName} 没有村，无法生成示例数据。`);

  const rng = createRandom(seed);
  const otherCounty = birthplacePicker(county.code);
  const usedIds = new Set(db.prepare('SELECT id_number FROM persons').pluck().all() as string[]);
  const now = nowIso();

  const insertBatch = db.prepare(
    `INSERT INTO import_batches (kind, operator, summary, created_at) VALUES ('demo', ?, '{}', ?)`,
  );
  const updateBatch = db.prepare('UPDATE import_batches SET summary = ? WHERE id = ?');
  const insertGroup = db.prepare(
    `INSERT INTO regions (code, parent_code, level, name, official_name, sort_order, origin, created_at, updated_at)
     VALUES (?, ?, 'group', ?, NULL, ?, 'demo', ?, ?)`,
  );
  const insertHousehold = db.prepare(
    `INSERT INTO households (household_no, township_code, village_code, group_code, head_name, head_id_number,
       poverty_attribute, household_type, monitor_category, poverty_status, exit_year, main_cause, other_causes,
       member_count, phone, address, identification_standard, first_identified_year, year, origin, batch_id,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO persons (household_id, name, id_type, id_number, sex, birth_date, ethnicity, relation, education,
       school_status, health, labor_skill, work_months, political_status, medical_insurance,
       serious_illness_insurance, pension_insurance, dibao, tekun, phone, year, origin, batch_id, created_at,
       updated_at)
     VALUES (?, ?, '01', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?)`,
  );

  /** A valid ID number not used before; the sequence code's parity carries the sex. */
  const idNumber = (address: string, birth: string, sex: '1' | '2'): string => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const sequence = sex === '1' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const id = makeIdNumber(address, birth, sequence);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
    for (let sequence = sex === '1' ? 1 : 0; sequence <= 999; sequence += 2) {
      const id = makeIdNumber(address, birth, sequence);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
    throw new LedgerError('internal', `示例数据：${address} ${birth} 的身份证号已用尽。`);
  };

  const fill = db.transaction((): DemoResult => {
    const batchId = Number(insertBatch.run(DEMO_OPERATOR, now).lastInsertRowid);

    let groupsCreated = 0;
    for (const v of villages) {
      if (v.groups.length > 0) continue; // a county's own 组 are used as they are
      const n = rng.int(3, 9);
      for (let i = 1; i <= n; i++) {
        const group = { code: `${v.code}-${String(i).padStart(2, '0')}`, name: `${chineseNumeral(i)}组` };
        insertGroup.run(group.code, v.code, group.name, i - 1, now, now);
        v.groups.push(group);
        groupsCreated += 1;
      }
    }

    // Real villages differ several-fold in size; town 社区 hold few rural households.
    const weights = villages.map(
      (v) => Math.exp(0.55 * rng.normal()) * (/社区|居委会/u.test(v.name) ? 0.25 : 1),
    );
    const counts = apportion(weights, total);

    let done = 0;
    let persons = 0;
    // The search index is filled once at the end rather than by a trigger per person row.
    withSearchIndexPaused(ledger, () =>
      villages.forEach((village, vi) => {
        const count = counts[vi] ?? 0;
        if (count === 0) return;
        const groupWeights = village.groups.map(() => 0.5 + rng.next());
        const serialWidth = Math.max(4, String(count).length);
        const place = village.townshipName + placeName(village.name);
        for (let serial = 1; serial <= count; serial++) {
          const group = pickWeighted(rng, village.groups, groupWeights);
          const h = householdProfile(rng, year);
          const members = buildFamily(rng, h.size, pickHeadAge(rng, h.size, h.frail), year);
          const rows = members.map((m) => personDraft(rng, m, year, h.frail));
          const householdPhone = rng.chance(0.85) ? mobile(rng) : null;

          const ids = rows.map(({ member: m, birth }) => {
            const born = m.marriedIn && rng.chance(0.3) ? otherCounty(rng) : county.code;
            return idNumber(born, birth, m.sex);
          });
          const causes = householdCauses(rng, rows);
          const head = members[0] as Member;
          const headId = ids[0] as string;

          const householdId = Number(
            insertHousehold.run(
              village.code + String(serial).padStart(serialWidth, '0'),
              village.townshipCode,
              village.code,
              group.code,
              head.name,
              headId,
              h.povertyAttribute,
              h.householdType,
              h.monitorCategory,
              h.povertyStatus,
              h.exitYear,
              causes.main,
              causes.others,
              members.length,
              householdPhone,
              place + group.name,
              h.identificationStandard,
              h.firstIdentifiedYear,
              year,
              batchId,
              now,
              now,
            ).lastInsertRowid,
          );

          rows.forEach(({ member: m, birth, traits: t }, i) => {
            // The head answers the household's phone; other adults of working age often have their own.
            const phone =
              i === 0 && householdPhone !== null && m.age <= 80
                ? householdPhone
                : i > 0 && m.age >= 18 && m.age < 65 && rng.chance(0.4)
                  ? mobile(rng)
                  : null;
            insertPerson.run(
              householdId,
              m.name,
              ids[i],
              m.sex,
              birth,
              m.ethnicity,
              m.relation,
              t.education,
              t.schoolStatus,
              t.health,
              t.laborSkill,
              t.workMonths,
              t.politicalStatus,
              t.medicalInsurance,
              t.seriousIllnessInsurance,
              t.pensionInsurance,
              h.dibao,
              h.tekun,
              phone,
              year,
              batchId,
              now,
              now,
            );
          });
          persons += members.length;
          done += 1;
          if (done % PROGRESS_EVERY === 0 && done < total) options.onProgress?.(done, total);
        }
      }),
    );

    // Every thematic ledger from the register just written (same transaction, its own random stream).
    const records = !options.ledgers
      ? {}
      : fillDemoLedgers(ledger, {
          seed,
          year,
          batchId,
          at: now,
          county: { code: county.code, name: county.name },
          usedIds,
        });
    const result: DemoResult = { households: done, persons, groups: groupsCreated, batchId, records };
    const summary = {
      county: county.code,
      seed,
      year,
      households: done,
      persons,
      groups: groupsCreated,
      records,
    };
    updateBatch.run(JSON.stringify(summary), batchId);
    setSetting(ledger, SETTING_KEYS.isSample, '1');
    options.onProgress?.(done, total);
    return result;
  });

  return withBulkCache(ledger, fill);
}
