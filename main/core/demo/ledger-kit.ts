// What the sample county's thematic-ledger generators share: the register as they read it back, dates
// within the data year, and names of cadres and other people who are not in the register.
import { addDays } from '../../../shared/ledgers/ledger-helpers.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { givenName, pickSurname, placeName } from './names.ts';
import type { Random } from './random.ts';
import type { DemoLedgerWriter } from './ledger-writer.ts';

export interface DemoPerson {
  id: number;
  householdId: number;
  name: string;
  idNumber: string;
  sex: '1' | '2';
  age: number;
  relation: string;
  school: string | null;
  health: string;
  labor: string;
  workMonths: number | null;
  medical: number;
  dibao: number;
  tekun: number;
  phone: string | null;
}

export interface DemoHousehold {
  id: number;
  township: string;
  village: string;
  group: string | null;
  head: string;
  type: string;
  attribute: string | null;
  monitor: string | null;
  cause: string | null;
  phone: string | null;
  address: string | null;
  members: DemoPerson[];
}

export interface DemoVillage {
  code: string;
  /** 黄堡村 (the place, not the committee). */
  name: string;
  townshipCode: string;
  townshipName: string;
  households: DemoHousehold[];
}

export interface LedgerDemoContext {
  rng: Random;
  year: number;
  countyCode: string;
  countyName: string;
  write: DemoLedgerWriter;
  villages: DemoVillage[];
  households: DemoHousehold[];
  /** 证件号码 already used, for people outside the register. */
  usedIds: Set<string>;
}

/** 建档立卡 households (贫困户, 脱贫户, 监测户); 户类型 4 is an ordinary household under monitoring. */
export const isPoor = (h: DemoHousehold): boolean => h.type !== '4';

/** Reads the register back (ordered by id, so the same file gives the same walk). */
export function loadRegister(
  ledger: Ledger,
  year: number,
): { villages: DemoVillage[]; households: DemoHousehold[] } {
  const db = ledger.sqlite;
  const villages = db
    .prepare(
      `SELECT v.code, v.name, t.code AS townshipCode, t.name AS townshipName
       FROM regions v JOIN regions t ON t.code = v.parent_code
       WHERE v.level = 'village' AND t.level = 'township' ORDER BY v.code`,
    )
    .all() as DemoVillage[];
  const byCode = new Map<string, DemoVillage>();
  for (const v of villages) {
    v.name = placeName(v.name);
    v.households = [];
    byCode.set(v.code, v);
  }
  const households = db
    .prepare(
      `SELECT id, township_code AS township, village_code AS village, group_code AS "group", head_name AS head,
         household_type AS type, poverty_attribute AS attribute, monitor_category AS monitor, main_cause AS cause,
         phone, address
       FROM households ORDER BY id`,
    )
    .all() as DemoHousehold[];
  const byId = new Map<number, DemoHousehold>();
  for (const h of households) {
    h.members = [];
    byId.set(h.id, h);
    byCode.get(h.village)?.households.push(h);
  }
  const persons = db
    .prepare(
      `SELECT id, household_id AS householdId, name, id_number AS idNumber, sex, birth_date AS birth, relation,
         school_status AS school, health, labor_skill AS labor, work_months AS workMonths,
         medical_insurance AS medical, dibao, tekun, phone
       FROM persons ORDER BY id`,
    )
    .all() as (DemoPerson & { birth: string | null })[];
  for (const { birth, ...p } of persons) {
    byId.get(p.householdId)?.members.push({ ...p, age: year - Number((birth ?? '').slice(0, 4)) });
  }
  return { villages: villages.filter((v) => v.households.length > 0), households };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A day of `year` between the start of month `from` and the end of month `to` (1-based). */
export function dayIn(rng: Random, year: number, from: number, to: number): string {
  const month = rng.int(from, to);
  const last = (DAYS[month - 1] ?? 28) + (month === 2 && year % 4 === 0 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(rng.int(1, last))}`;
}

/** `iso` plus between `min` and `max` days. */
export function later(rng: Random, iso: string, min: number, max: number): string {
  return addDays(iso, rng.int(min, max)) ?? iso;
}

/** A cadre's or outsider's name (not a register person). */
export function someName(rng: Random, sex: '1' | '2' = rng.chance(0.7) ? '1' : '2'): string {
  return pickSurname(rng) + givenName(rng, sex, rng.int(1962, 1995));
}

/** Up to `n` items of `items` in their order, each kept with equal chance (a reproducible sample). */
export function sample<T>(rng: Random, items: readonly T[], n: number): T[] {
  const picked: T[] = [];
  let need = Math.min(n, items.length);
  for (let i = 0; i < items.length && need > 0; i++) {
    if (rng.next() * (items.length - i) < need) {
      picked.push(items[i] as T);
      need -= 1;
    }
  }
  return picked;
}

/** About `share` of `items` (at least one when there are any), in their order. */
export const someOf = <T>(rng: Random, items: readonly T[], share: number): T[] =>
  sample(rng, items, Math.max(1, Math.round(items.length * share)));

/** `n` per `per` households, at least one. */
export const scaled = (households: number, per: number): number => Math.max(1, Math.round(households / per));

export const money = (n: number): number => Math.round(n * 100) / 100;
