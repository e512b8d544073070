// What a 外出务工三联单 prints, read from the 外出务工 ledger and the register: which records a batch holds (a
// village's, a township's or a household's people going out to work in one 年度, in print order) and each
// slip's person, work and contact data. The village contact (家乡村委会联系人) and the household's
// 帮扶责任人 come from the 帮扶责任人与驻村工作队 ledger, so the worker carries numbers that answer.
import { CODE_TABLES, codeLabel, type CodeTable } from '../../../shared/code-tables/index.ts';
import { checkLedgerValues, fieldValues, ledgerTableName } from '../../../shared/ledgers/index.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import { LedgerError } from '../../../shared/result.ts';
import { currentYear } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { placeNamer } from '../ledgers/record-read.ts';
import { recordSql, regionCondition, requireLedger } from '../ledgers/record-sql.ts';
import { findRegion } from '../regions/region-tree.ts';
import { SLIP_LEDGER } from './assign-serials.ts';

/** 已外出, 已返岗, 计划外出: the people a village prints slips for (and anyone printed before). */
const GOING_OUT = ['01', '02', '04'];

/** Who the worker calls at home, in order of preference: 村干部, 第一书记, 工作队长, 包村乡镇干部. */
const VILLAGE_CONTACT_ROLES = ['03', '05', '06', '02'];
const HELPER_ROLE = '04';

export interface SlipSelection {
  /** A township, village or group; null: the whole county. */
  readonly regionCode?: string | null;
  readonly householdNo?: string;
  readonly year?: number;
}

export interface SlipContact {
  readonly name: string;
  readonly role: string;
  readonly phone: string | null;
}

export interface MigrantSlip {
  readonly recordId: number;
  /** Null only in a preview of a record never printed: the number is given when it is printed. */
  readonly serial: string | null;
  readonly year: number | null;
  readonly name: string;
  readonly sex: string;
  readonly idNumber: string;
  readonly idNumberMasked: string;
  readonly phone: string | null;
  readonly householdNo: string;
  readonly povertyAttribute: string;
  /** 乡镇 村 组 as names. */
  readonly place: string;
  readonly township: string;
  readonly village: string;
  readonly address: string | null;
  readonly workPlace: string | null;
  readonly destination: string;
  readonly employer: string | null;
  readonly employerPhone: string | null;
  readonly job: string | null;
  readonly startDate: string | null;
  readonly monthlyIncome: number | null;
  readonly pointToPoint: boolean | null;
  readonly transportSubsidy: number | null;
  readonly healthCheckDate: string | null;
  readonly healthCertificate: boolean | null;
  readonly employmentProof: boolean | null;
  readonly filedDate: string | null;
  readonly arrivalDate: string | null;
  readonly receiptDate: string | null;
  readonly villageContact: SlipContact | null;
  readonly helper: SlipContact | null;
  /** The record's unresolved errors (the ledger's rules): printed under a 未校验 watermark. */
  readonly errors: readonly string[];
}

type Row = Record<string, string | number | null>;

/** A built-in or ledger code table by key (ledger tables join CODE_TABLES at load). */
const table = (key: string): CodeTable => {
  const t = (CODE_TABLES as Readonly<Record<string, CodeTable | undefined>>)[key];
  if (!t) throw new Error(`code table ${key} missing`);
  return t;
};

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const bool = (v: unknown): boolean | null => (v === 1 ? true : v === 0 ? false : null);

/** The records a batch prints, in print order (村, 组, 户编号, person). */
export function slipRecordIds(ledger: Ledger, sel: SlipSelection): number[] {
  const w = slipWhere(ledger, sel);
  return ledger
    .prepare(
      `SELECT r.id FROM ${w.from} WHERE r.year = ? AND ${w.where}
       ORDER BY h.village_code, COALESCE(h.group_code, ''), h.household_no, p.id, r.id`,
    )
    .pluck()
    .all(sel.year ?? currentYear(), ...w.params) as number[];
}

/** The latest 年度 the selection has slips to print in (the current year when it has none). */
export function latestSlipYear(ledger: Ledger, sel: SlipSelection): number {
  const w = slipWhere(ledger, sel);
  const y = ledger
    .prepare(`SELECT MAX(r.year) FROM ${w.from} WHERE ${w.where}`)
    .pluck()
    .get(...w.params);
  return typeof y === 'number' ? y : currentYear();
}

/** People going out to work (or printed before) in the selection's region or household, any 年度. */
function slipWhere(ledger: Ledger, sel: SlipSelection) {
  const def = requireLedger(SLIP_LEDGER);
  const s = recordSql(def);
  const where = [
    `(r.status IN (${GOING_OUT.map(() => '?').join(', ')}) OR r.planned = 1 OR r.slip_serial IS NOT NULL)`,
  ];
  const params: unknown[] = [...GOING_OUT];
  if (sel.householdNo !== undefined) {
    const h = ledger.prepare(`SELECT id FROM households WHERE household_no = ?`).get(sel.householdNo) as
      { id: number } | undefined;
    if (!h) throw new LedgerError('not-found', `没有户编号为 ${sel.householdNo} 的户。`);
    where.push('h.id = ?');
    params.push(h.id);
  }
  if (sel.regionCode !== undefined && sel.regionCode !== null) {
    const c = regionCondition(def, findRegion(ledger, sel.regionCode));
    where.push(c.where);
    params.push(...c.params);
  }
  return { from: s.from, where: where.join(' AND '), params };
}

/** The slips of these records, in the order given. */
export function migrantSlips(ledger: Ledger, recordIds: readonly number[]): MigrantSlip[] {
  const def = requireLedger(SLIP_LEDGER);
  const s = recordSql(def);
  const rows = new Map(
    (
      ledger
        .prepare(
          `SELECT r.*, ${s.subject}, p.sex AS p_sex, p.phone AS p_phone, h.poverty_attribute AS h_attribute,
             h.address AS h_address, h.township_code AS h_township, h.village_code AS h_village
           FROM ${s.from} WHERE r.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(recordIds)) as Row[]
    ).map((r) => [Number(r.id), r]),
  );
  const place = placeNamer(ledger);
  const contacts = contactFinder(ledger);
  return recordIds.map((id) => {
    const r = rows.get(id);
    if (!r) throw new LedgerError('not-found', `“${def.name}”中没有这条记录（编号 ${id}），可能已被删除。`);
    const idNumber = String(r.s_id_number ?? '');
    const village = String(r.h_village ?? '');
    return {
      recordId: id,
      serial: text(r.slip_serial),
      year: num(r.year),
      name: String(r.s_name ?? ''),
      sex: codeLabel(table('sex'), text(r.p_sex)),
      idNumber,
      idNumberMasked: maskIdNumber(idNumber),
      phone: text(r.p_phone),
      householdNo: String(r.s_household_no ?? ''),
      povertyAttribute: codeLabel(table('poverty_attribute'), text(r.h_attribute)),
      place: place(text(r.s_region_code)),
      township: place(text(r.h_township)),
      village: place(village).split(' ').at(-1) ?? '',
      address: text(r.h_address),
      workPlace: text(r.work_place) ?? text(r.planned_place),
      destination: codeLabel(
        table('destination_category'),
        text(r.destination) ?? text(r.planned_destination),
      ),
      employer: text(r.employer),
      employerPhone: text(r.employer_phone),
      job: text(r.industry),
      startDate: text(r.start_date),
      monthlyIncome: num(r.monthly_income),
      pointToPoint: bool(r.point_to_point),
      transportSubsidy: num(r.transport_subsidy),
      healthCheckDate: text(r.health_check_date),
      healthCertificate: bool(r.health_certificate),
      employmentProof: bool(r.employment_proof),
      filedDate: text(r.filed_date),
      arrivalDate: text(r.arrival_date),
      receiptDate: text(r.receipt_date),
      villageContact: contacts.village(village),
      helper: contacts.helper(Number(r.s_household_id)),
      errors: checkLedgerValues(def, fieldValues(def, r))
        .filter((i) => i.level === 'error')
        .map((i) => i.message),
    };
  });
}

/** Village contacts and 帮扶责任人 from the helpers ledger, each looked up once per batch. */
function contactFinder(ledger: Ledger) {
  const helpers = ledgerTableName(requireLedger('helpers'));
  const roles = table('hp_role');
  const byVillage = new Map<string, SlipContact | null>();
  const current = `(end_date IS NULL OR end_date >= date('now', 'localtime'))`;
  const villageStmt = `SELECT name, role, phone FROM ${helpers} WHERE region_code = ? AND role IN (${VILLAGE_CONTACT_ROLES.map(() => '?').join(', ')}) AND ${current}
    ORDER BY ${VILLAGE_CONTACT_ROLES.map(() => `role = ? DESC`).join(', ')}, id LIMIT 1`;
  const helperStmt = `SELECT name, role, phone FROM ${helpers} WHERE household_id = ? AND role = ? AND ${current} ORDER BY id LIMIT 1`;
  const contact = (row: Row | undefined): SlipContact | null =>
    row === undefined
      ? null
      : { name: String(row.name), role: codeLabel(roles, text(row.role)), phone: text(row.phone) };
  return {
    village(code: string): SlipContact | null {
      if (!byVillage.has(code))
        byVillage.set(
          code,
          contact(
            ledger.prepare(villageStmt).get(code, ...VILLAGE_CONTACT_ROLES, ...VILLAGE_CONTACT_ROLES) as
              Row | undefined,
          ),
        );
      return byVillage.get(code) ?? null;
    },
    helper(householdId: number): SlipContact | null {
      return contact(ledger.prepare(helperStmt).get(householdId, HELPER_ROLE) as Row | undefined);
    },
  };
}
