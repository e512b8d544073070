// Every thematic ledger, in menu order. Adding a ledger: its definition file here, one line below,
// a migration that creates its table (docs/ledgers.md).
import type { LedgerDef } from '../define.ts';
import { migrantWork } from './migrant-work.ts';
import { publicWelfareJobs } from './public-welfare-jobs.ts';
import { enterprises, enterpriseWorkers } from './enterprises.ts';
import { housingRenovation } from './housing-renovation.ts';
import { medicalInsurance } from './medical-insurance.ts';
import { compulsoryEducation, dropoutPersuasion } from './compulsory-education.ts';
import { drinkingWater } from './drinking-water.ts';
import { microCredit } from './micro-credit.ts';
import { povertyProjects } from './poverty-projects.ts';
import { relapseMonitoring } from './relapse-monitoring.ts';
import { basicAssistance, temporaryRelief } from './social-assistance.ts';
import { relocation } from './relocation.ts';
import { returneeScreening } from './returnee-screening.ts';
import { helpers, helperVisits } from './helpers.ts';
import { householdPlans, householdPlanMeasures } from './household-plans.ts';
import { rectification } from './rectification.ts';
import { consumptionAid } from './consumption-aid.ts';
import { epidemicSupplies, supplyMovements } from './epidemic-supplies.ts';
import { recoveredHealth, recoveredFollowups } from './recovered-health.ts';
import { specialCare, careVisits } from './special-care.ts';
import { unregisteredPersons, petitions } from './household-registration.ts';

export const LEDGER_DEFS = [
  migrantWork,
  publicWelfareJobs,
  enterprises,
  enterpriseWorkers,
  housingRenovation,
  medicalInsurance,
  compulsoryEducation,
  dropoutPersuasion,
  drinkingWater,
  microCredit,
  povertyProjects,
  relapseMonitoring,
  basicAssistance,
  temporaryRelief,
  relocation,
  returneeScreening,
  helpers,
  helperVisits,
  householdPlans,
  householdPlanMeasures,
  rectification,
  consumptionAid,
  epidemicSupplies,
  supplyMovements,
  recoveredHealth,
  recoveredFollowups,
  specialCare,
  careVisits,
  unregisteredPersons,
  petitions,
] as const satisfies readonly LedgerDef[];
