// The implementation of every contract method, over one open ledger.
import pkg from '../../../package.json' with { type: 'json' };
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { SCHEMA_VERSION } from '../db/open-ledger.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { getSetting, SETTING_KEYS } from '../ledger/settings.ts';
import type { RegionCatalog } from '../regions/catalog.ts';
import { ledgerCounty, requireCounty, setUpCounty } from '../regions/county-setup.ts';
import { countyRegion, findRegion, regionTree } from '../regions/region-tree.ts';
import { regionSummary } from '../stats/region-summary.ts';
import { listAudit } from '../audit/audit-log.ts';
import {
  householdWithMembers,
  getPersonRow,
  toPersonDetail,
  getHouseholdRow,
  placeOf,
} from '../households/household-read.ts';
import { listHouseholds } from '../households/household-list.ts';
import { splitToNewHousehold } from '../households/household-split.ts';
import { nextHouseholdNo } from '../households/household-number.ts';
import {
  cancelHousehold,
  createHousehold,
  placeColumns,
  restoreHousehold,
  setHead,
  updateHousehold,
} from '../households/household-write.ts';
import { listCodeTables } from '../ledger/code-table-list.ts';
import { dataYear, getOperator, setOperator } from '../ledger/operator.ts';
import { getHomeRegion, setHomeRegion } from '../ledger/home-region.ts';
import { checkIdNumber } from '../persons/id-registry.ts';
import { searchPersons } from '../persons/person-search.ts';
import { revealNumber } from '../reveal/reveal-number.ts';
import { getListColumns, setListColumns } from '../list-columns/list-columns.ts';
import {
  cancelPerson,
  createPerson,
  movePerson,
  restorePerson,
  updatePerson,
} from '../persons/person-write.ts';
import { addGroup, renameRegion } from '../regions/region-edit.ts';
import type { FileRegistry } from '../files/file-registry.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { importHistory } from '../import/import-history.ts';
import { undoImport } from '../import/undo-import.ts';
import { requireOperator } from '../ledger/operator.ts';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import type { Handlers } from './dispatch.ts';
import { exportHandlers } from './export-handlers.ts';
import { ledgerHandlers } from './ledger-handlers.ts';
import { migrantSlipHandlers } from './migrant-slip-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { reportExportHandlers } from './report-export-handlers.ts';
import { printHandlers, type PrintHost } from './print-handlers.ts';
import { qualityHandlers } from './quality-handlers.ts';
import { homeHandlers } from './home-handlers.ts';
import { planHandlers } from './plan-handlers.ts';
import { backupHandlers, type BackupHost } from './backup-handlers.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import type { WriteOwner } from '../owner/write-owner.ts';

export const APP_VERSION: string = pkg.version;
/** The county the sample data is built on when none is chosen: 湖北省襄阳市保康县. */
export const DEMO_COUNTY = '420626';

export interface HandlerContext {
  ledger: Ledger;
  catalog: () => RegionCatalog;
  host: 'electron' | 'browser';
  files: FileRegistry;
  jobs: ImportJobs;
  /** The one owner of writes (owner/write-owner.ts): background writes queue there too. */
  owner: WriteOwner;
  /** The Electron host's open/save dialogs; absent in browser mode (upload/download instead). */
  dialogs?: {
    pickFile(purpose: 'import' | 'backup'): Promise<{ path: string; name: string } | null>;
    saveFile(source: string, suggestedName: string): Promise<string | null>;
    /** A folder to back up to (a USB stick); absent: the screen asks for a path. */
    pickFolder?(title: string): Promise<string | null>;
  }; /** How the host prints (Electron); absent: PDF through a Chromium found on the machine. */
  printing?: PrintHost;
  /** Checks off the UI thread and the restore the core owns (absent: backups over the CLI only). */
  backups?: BackupHost;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const { ledger } = ctx;
  return {
    'app.info': () => ({
      version: APP_VERSION,
      host: ctx.host,
      ledgerPath: ledger.path,
      schemaVersion: SCHEMA_VERSION,
      initialized: ledgerCounty(ledger) !== null,
      county: ledgerCounty(ledger),
      isSample: getSetting(ledger, SETTING_KEYS.isSample) === '1',
    }),

    'app.writeState': () => ctx.owner.state(),

    'catalog.children': ({ parentCode }) => {
      const catalog = ctx.catalog();
      if (parentCode === null) return catalog.provinces();
      const units = parentCode.length === 2 ? catalog.cities(parentCode) : catalog.counties(parentCode);
      if (units.length === 0) throw new LedgerError('not-found', `区划目录中没有 ${parentCode} 的下级单位。`);
      return units;
    },

    'ledger.create': ({ countyCode }) => setUpCounty(ledger, ctx.catalog(), countyCode),

    'ledger.loadDemo': ({ households, seed, countyCode, ledgers }) =>
      loadDemo(ledger, ctx.catalog, households, seed, countyCode, { ledgers }),

    'regions.tree': () => {
      requireCounty(ledger);
      return regionTree(ledger);
    },

    'stats.summary': ({ regionCode }) => {
      requireCounty(ledger);
      const region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
      return regionSummary(ledger, region);
    },

    'settings.get': () => ({
      operator: getOperator(ledger),
      dataYear: dataYear(ledger),
      homeRegionCode: getHomeRegion(ledger),
    }),
    'settings.setHomeRegion': ({ regionCode }) => ({ homeRegionCode: setHomeRegion(ledger, regionCode) }),
    'settings.setOperator': ({ name }) => ({ operator: setOperator(ledger, name) }),
    'codeTables.list': () => listCodeTables(ledger),

    'households.list': (query) => {
      requireCounty(ledger);
      return listHouseholds(ledger, query);
    },
    'households.get': ({ id, includeCancelledMembers }) =>
      householdWithMembers(ledger, id, includeCancelledMembers),
    'households.nextNumber': ({ villageCode }) => ({
      householdNo: nextHouseholdNo(ledger, placeColumns(ledger, villageCode).village_code),
    }),
    'households.create': (input) => createHousehold(ledger, input),
    'households.update': ({ id, patch, regionCode }) => updateHousehold(ledger, id, patch, regionCode),
    'households.cancel': (input) => cancelHousehold(ledger, input),
    'households.restore': ({ id }) => restoreHousehold(ledger, id),
    'households.setHead': ({ householdId, personId, formerHeadRelation }) =>
      setHead(ledger, householdId, personId, formerHeadRelation),

    'persons.get': ({ id }) => {
      const person = getPersonRow(ledger, id);
      const household = getHouseholdRow(ledger, person.household_id);
      return {
        person: toPersonDetail(person),
        householdNo: household.household_no,
        headName: household.head_name,
        place: placeOf(ledger, household),
      };
    },
    'register.reveal': (req) => revealNumber(ledger, req),
    'lists.getColumns': ({ list }) => getListColumns(ledger, list),
    'lists.setColumns': ({ list, hidden }) => setListColumns(ledger, list, hidden),
    'persons.search': (query) => {
      requireCounty(ledger);
      return searchPersons(ledger, query);
    },
    'persons.checkId': ({ idNumber, excludePersonId }) => {
      const { normalized, issues, birthDate, sex, conflict } = checkIdNumber(
        ledger,
        idNumber,
        excludePersonId,
        ctx.catalog,
      );
      return { normalized, issues, birthDate, sex, conflict };
    },
    'persons.create': ({ householdId, person }) => createPerson(ledger, householdId, person),
    'persons.update': ({ id, patch }) => updatePerson(ledger, id, patch),
    'persons.cancel': (input) => cancelPerson(ledger, input),
    'persons.restore': ({ id }) => restorePerson(ledger, id),
    'persons.move': ({ id, toHouseholdId, relation }) => movePerson(ledger, id, toHouseholdId, relation),
    'persons.split': ({ id, regionCode, householdNo }) =>
      splitToNewHousehold(ledger, id, { regionCode, ...(householdNo !== undefined ? { householdNo } : {}) }),

    'audit.list': ({ householdId, personId, limit }) =>
      listAudit(ledger, householdId !== undefined ? { householdId } : { personId: personId ?? 0 }, limit),

    'regions.addGroup': ({ villageCode, name }) => addGroup(ledger, villageCode, name),
    'regions.rename': ({ code, name }) => renameRegion(ledger, code, name),

    'import.start': ({ fileId, sheet, regionCode, into }) => {
      requireCounty(ledger);
      if (into !== null) requireLedger(into);
      const f = ctx.files.get(fileId);
      return {
        jobId: ctx.jobs.start({
          ledgerPath: ledger.path,
          file: f.path,
          fileName: f.name,
          sheet,
          regionCode,
          into,
        }),
      };
    },
    'import.status': ({ jobId }) => ctx.jobs.status(jobId),
    'import.remap': ({ jobId, mapping, regionCode, sheet, constants }) => {
      ctx.jobs.remap(jobId, {
        ...(mapping ? { mapping } : {}),
        ...(constants ? { constants } : {}),
        ...(regionCode !== undefined ? { regionCode } : {}),
        ...(sheet !== undefined ? { sheet } : {}),
      });
      return { jobId };
    },
    'import.commit': ({ jobId, skipInvalid, templateName }) => {
      ctx.jobs.commit(jobId, skipInvalid, requireOperator(ledger), templateName);
      return { jobId };
    },
    'import.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
    'import.errorReport': async ({ jobId }) => {
      const status = ctx.jobs.status(jobId);
      const base = (status.preview?.fileName ?? '导入文件').replace(/\.[^.]+$/, '');
      const fileName = `错误报告-${base}.xlsx`;
      const path = await ctx.jobs.errorReport(jobId, ctx.files.tempPath(fileName));
      const fileId = ctx.files.register({ path, name: fileName, temporary: true });
      return {
        fileId,
        fileName,
        downloadPath: ctx.host === 'browser' ? `${DOWNLOAD_PATH_PREFIX}${fileId}` : null,
      };
    },
    'import.history': ({ limit }) => importHistory(ledger, limit),
    'import.undo': ({ batchId }) => undoImport(ledger, batchId),
    ...ledgerHandlers(ctx),
    ...exportHandlers(ctx),
    ...reportHandlers(ctx),
    ...reportExportHandlers(ctx),
    ...printHandlers(ctx),
    ...migrantSlipHandlers(ctx),
    ...qualityHandlers(ctx),
    ...homeHandlers(ctx),
    ...planHandlers(ctx),
    ...backupHandlers(ctx),
    'files.pick': async () => {
      const picked = ctx.dialogs ? await ctx.dialogs.pickFile('import') : null;
      if (!picked) return { fileId: null, fileName: null };
      return { fileId: ctx.files.register({ ...picked, temporary: false }), fileName: picked.name };
    },
    'files.saveAs': async ({ fileId }) => {
      const f = ctx.files.get(fileId);
      return { savedTo: ctx.dialogs ? await ctx.dialogs.saveFile(f.path, f.name) : null };
    },
  };
}

/** Sample data goes only into an empty ledger (a new one, or one with a county and no households). */
export function loadDemo(
  ledger: Ledger,
  catalog: () => RegionCatalog,
  households: number,
  seed: number,
  countyCode?: string,
  options: { ledgers?: boolean } = {},
) {
  const existing = ledgerCounty(ledger);
  const hasRows = ledger.sqlite.prepare('SELECT EXISTS (SELECT 1 FROM households)').pluck().get() === 1;
  if (hasRows) {
    throw new LedgerError(
      'already-initialized',
      '本台账中已有数据，不能再载入示例数据。示例数据请载入到新的台账文件。',
    );
  }
  if (existing && countyCode && existing.code !== countyCode) {
    throw new LedgerError('already-initialized', `本台账已建立为 ${existing.fullName}，不能改为其他县。`);
  }
  // Outer transaction: setting up the county and generating rows land together or not at all
  // (the inner transactions become savepoints).
  return ledger.sqlite.transaction(() => {
    const county = existing ?? setUpCounty(ledger, catalog(), countyCode ?? DEMO_COUNTY).county;
    const result = generateDemo(ledger, { households, seed, ledgers: options.ledgers ?? false });
    const records = Object.values(result.records).reduce((a, b) => a + b, 0);
    return { county, households: result.households, persons: result.persons, records };
  })();
}
