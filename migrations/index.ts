// Static import map of every migration, in the order they run (names sort by date).
// A bundled Electron main process cannot readdir + import() at run time, hence no FileMigrationProvider.
// Never edit or rename a migration once it has landed on main; add a new one.
import type { Migration } from 'kysely/migration';
import * as m0001 from './2026_11_23_0001_core_ledger.ts';
import * as m0002 from './2026_11_23_0002_audit_and_search.ts';
import * as m0003 from './2026_11_23_0003_import_batches.ts';
import * as m0004 from './2026_11_24_0004_thematic_ledgers.ts';
import * as m0005 from './2026_12_06_0005_migrant_work_plans.ts';
import * as m0006 from './2026_12_06_0006_export_audit.ts';
import * as m0007 from './2026_12_06_0007_household_plans.ts';
import * as m0008 from './2026_12_06_0008_migrant_slips.ts';
import * as m0009 from './2026_12_06_0009_quality_findings.ts';
import * as m0010 from './2026_12_06_0010_report_indexes.ts';
import * as m0011 from './2026_12_06_0011_audit_chain.ts';
import * as m0012 from './2026_12_06_0012_reveal_and_list_order.ts';
import * as m0013 from './2026_12_06_0013_report_places.ts';
import * as m0014 from './2026_12_06_0014_report_households.ts';
import * as m0015 from './2026_12_06_0015_person_search_order.ts';
import * as m0016 from './2026_12_06_0016_ledger_sort_indexes.ts';
import * as m0017 from './2026_12_06_0017_leaner_person_indexes.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_23_0001_core_ledger': m0001,
  '2026_11_23_0002_audit_and_search': m0002,
  '2026_11_23_0003_import_batches': m0003,
  '2026_11_24_0004_thematic_ledgers': m0004,
  '2026_12_06_0005_migrant_work_plans': m0005,
  '2026_12_06_0006_export_audit': m0006,
  '2026_12_06_0007_household_plans': m0007,
  '2026_12_06_0008_migrant_slips': m0008,
  '2026_12_06_0009_quality_findings': m0009,
  '2026_12_06_0010_report_indexes': m0010,
  '2026_12_06_0011_audit_chain': m0011,
  '2026_12_06_0012_reveal_and_list_order': m0012,
  '2026_12_06_0013_report_places': m0013,
  '2026_12_06_0014_report_households': m0014,
  '2026_12_06_0015_person_search_order': m0015,
  '2026_12_06_0016_ledger_sort_indexes': m0016,
  '2026_12_06_0017_leaner_person_indexes': m0017,
};
