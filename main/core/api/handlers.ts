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
import { checkIdNumber } from '../persons/id-registry.ts';
import { searchPersons } from '../persons/person-search.ts';
import {
  cancelPerson,
  createPerson,
  movePerson,
  restorePerson,
  updatePerson,
} from '../persons/person-write.ts';
import { addGroup, renameRegion } from '../regions/region-edit.ts';
import type { Handlers } from './dispatch.ts';

export const APP_VERSION: string = pkg.version;
/** The county the sample data is built on when none is chosen: 湖北省襄阳市保康县. */
export const DEMO_COUNTY = '420626';

export interface HandlerContext {
  ledger: Ledger;
  catalog: () => RegionCatalog;
  host: 'electron' | 'browser';
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

    'catalog.children': ({ parentCode }) => {
      const catalog = ctx.catalog();
      if (parentCode === null) return catalog.provinces();
      const units = parentCode.length === 2 ? catalog.cities(parentCode) : catalog.counties(parentCode);
      if (units.length === 0) throw new LedgerError('not-found', `区划目录中没有 ${parentCode} 的下级单位。`);
      return units;
    },

    'ledger.create': ({ countyCode }) => setUpCounty(ledger, ctx.catalog(), countyCode),

    'ledger.loadDemo': ({ households, seed, countyCode }) => loadDemo(ctx, households, seed, countyCode),

    'regions.tree': () => {
      requireCounty(ledger);
      return regionTree(ledger);
    },

    'stats.summary': ({ regionCode }) => {
      requireCounty(ledger);
      const region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
      return regionSummary(ledger, region);
    },

    'settings.get': () => ({ operator: getOperator(ledger), dataYear: dataYear(ledger) }),
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
    'persons.search': (query) => {
      requireCounty(ledger);
      return searchPersons(ledger, query);
    },
    'persons.checkId': ({ idNumber, excludePersonId }) => {
      const { normalized, issues, birthDate, sex, conflict } = checkIdNumber(
        ledger,
        idNumber,
        excludePersonId,
      );
      return { normalized, issues, birthDate, sex, conflict };
    },
    'persons.create': ({ householdId, person }) => createPerson(ledger, householdId, person),
    'persons.update': ({ id, patch }) => updatePerson(ledger, id, patch),
    'persons.cancel': (input) => cancelPerson(ledger, input),
    'persons.restore': ({ id }) => restorePerson(ledger, id),
    'persons.move': ({ id, toHouseholdId, relation }) => movePerson(ledger, id, toHouseholdId, relation),

    'audit.list': ({ householdId, personId, limit }) =>
      listAudit(ledger, householdId !== undefined ? { householdId } : { personId: personId ?? 0 }, limit),

    'regions.addGroup': ({ villageCode, name }) => addGroup(ledger, villageCode, name),
    'regions.rename': ({ code, name }) => renameRegion(ledger, code, name),
  };
}

/** Sample data goes only into an empty ledger (a new one, or one with a county and no households). */
export function loadDemo(ctx: HandlerContext, households: number, seed: number, countyCode?: string) {
  const { ledger } = ctx;
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
    const county = existing ?? setUpCounty(ledger, ctx.catalog(), countyCode ?? DEMO_COUNTY).county;
    const result = generateDemo(ledger, { households, seed });
    return { county, households: result.households, persons: result.persons };
  })();
}
