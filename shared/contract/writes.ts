// Which contract methods only read the ledger file. The core's one owner (main/core/owner/) lets these run
// while an import holds the write lease; every other method counts as a write and waits for the import's
// commit instead of racing it for SQLite's lock. A method missing here is treated as a write: the safe
// side, since a wrongly listed writer would meet SQLITE_BUSY during an import.
import type { MethodName } from './index.ts';

const READ_ONLY = new Set<MethodName>([
  'app.info',
  'app.writeState',
  'catalog.children',
  'regions.tree',
  'stats.summary',
  'settings.get',
  'codeTables.list',
  'households.list',
  'households.get',
  'households.nextNumber',
  'persons.get',
  'persons.search',
  'persons.checkId',
  'audit.list',
  // Import jobs: the worker reads and analyses; its commit takes the write lease itself.
  'import.start',
  'import.status',
  'import.remap',
  'import.cancel',
  'import.errorReport',
  'import.history',
  'ledgers.list',
  'ledgers.records',
  'ledgers.record',
  'ledgers.derive',
  'ledgers.forHousehold',
  'ledgers.summary',
  'ledgers.settings',
  'ledgers.history',
  'migrantSlips.find',
  'reports.list',
  'reports.run',
  'reports.drill',
  'home.card',
  'home.quality',
  // The check's findings are stored through the owner's write queue (quality/check-jobs.ts).
  'quality.start',
  'quality.job',
  'quality.cancel',
  'quality.summary',
  'quality.findings',
  'print.forms',
  'print.printers',
  'files.pick',
  'files.saveAs',
]);

/** True unless the method is known to leave the ledger file as it is. */
export const writesLedger = (method: string): boolean => !READ_ONLY.has(method as MethodName);
