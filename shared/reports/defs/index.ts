// Every report, in the order the catalog lists them.
import type { ReportDef } from '../define.ts';
import { compulsoryEducationReport } from './compulsory-education.ts';
import { drinkingWaterReport } from './drinking-water.ts';
import { housingRenovationReport } from './housing-renovation.ts';
import { medicalInsuranceReport } from './medical-insurance.ts';
import { microCreditReport } from './micro-credit.ts';
import { migrantWorkReport } from './migrant-work.ts';
import { povertyProjectsReport } from './poverty-projects.ts';
import { publicWelfareJobsReport } from './public-welfare-jobs.ts';
import { rectificationReport } from './rectification.ts';
import { registerBasicsReport } from './register-basics.ts';
import { relapseMonitoringReport } from './relapse-monitoring.ts';
import { returneeScreeningReport } from './returnee-screening.ts';

export const REPORT_DEFS: readonly ReportDef[] = [
  registerBasicsReport,
  migrantWorkReport,
  publicWelfareJobsReport,
  housingRenovationReport,
  medicalInsuranceReport,
  microCreditReport,
  compulsoryEducationReport,
  drinkingWaterReport,
  returneeScreeningReport,
  povertyProjectsReport,
  relapseMonitoringReport,
  rectificationReport,
];
