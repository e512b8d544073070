// Fills every thematic ledger of the sample county from its register, after the households and persons
// are written and in the same transaction. Its own random stream (from the same seed) leaves the register
// exactly as it was before the ledgers were generated; the same register and seed give the same records.
import { LEDGER_DEFS } from '../../../shared/ledgers/defs/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { createLedgerWriter } from './ledger-writer.ts';
import { loadRegister, type LedgerDemoContext } from './ledger-kit.ts';
import { fillEnterprises, fillMigrantWork, fillPublicWelfareJobs } from './ledgers-work.ts';
import {
  fillBasicAssistance,
  fillEducation,
  fillHousing,
  fillMedical,
  fillMicroCredit,
  fillRelocation,
  fillTemporaryRelief,
  fillWater,
} from './ledgers-welfare.ts';
import { fillReturnees, fillSupplies } from './ledgers-epidemic.ts';
import {
  fillConsumptionAid,
  fillHelpers,
  fillHelperVisits,
  fillPetitions,
  fillProjects,
  fillRectification,
  fillRelapseMonitoring,
  fillSpecialCare,
  fillUnregistered,
} from './ledgers-village.ts';
import { fillHouseholdPlans } from './ledgers-plans.ts';
import { createRandom } from './random.ts';

/** Keeps the ledgers' stream apart from the register's. */
const LEDGER_STREAM = 0x1ed9e5;

export function fillDemoLedgers(
  ledger: Ledger,
  options: {
    seed: number;
    year: number;
    batchId: number;
    at: string;
    county: { code: string; name: string };
    usedIds: Set<string>;
  },
): Record<string, number> {
  const { villages, households } = loadRegister(ledger, options.year);
  const write = createLedgerWriter(ledger, { batchId: options.batchId, at: options.at, year: options.year });
  const c: LedgerDemoContext = {
    rng: createRandom(options.seed + LEDGER_STREAM),
    year: options.year,
    countyCode: options.county.code,
    countyName: options.county.name,
    write,
    villages,
    households,
    usedIds: options.usedIds,
  };
  if (households.length === 0) return {};

  const departures = fillMigrantWork(c);
  fillPublicWelfareJobs(c, departures);
  fillEnterprises(c, departures);
  fillHousing(c);
  fillMedical(c);
  fillEducation(c);
  fillWater(c);
  fillMicroCredit(c);
  const helperOf = fillHelpers(c);
  fillHelperVisits(c, helperOf);
  fillRelapseMonitoring(c, helperOf);
  fillBasicAssistance(c);
  fillTemporaryRelief(c);
  fillRelocation(c);
  fillReturnees(c, departures);
  fillSupplies(c);
  fillSpecialCare(c, departures);
  fillRectification(c);
  fillProjects(c);
  fillConsumptionAid(c);
  fillUnregistered(c);
  fillPetitions(c);
  fillHouseholdPlans(ledger, c);
  return Object.fromEntries(LEDGER_DEFS.map((d) => [d.id, write.counts.get(d.id) ?? 0]));
}
