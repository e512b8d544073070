// One sample household's 建档立卡 profile and its members' dates and traits, with distributions
// shaped like a 2020 ledger: nearly every household has exited poverty but keeps its policies.
import { pickWeighted, weighted, type Random } from './random.ts';
import type { Member } from './family.ts';
import { isCostlyStudent, personTraits, type Traits } from './traits.ts';

// 户类型: 1 贫困户 (not yet out), 2 脱贫户, 3 监测户 (脱贫不稳定户), 4 一般农户 monitored as 边缘易致贫户.
const HOUSEHOLD_TYPE = weighted([['2', 85], ['1', 4], ['3', 6], ['4', 5]]); // prettier-ignore
const POVERTY_ATTRIBUTE = weighted([['1', 60], ['2', 30], ['3', 9], ['4', 1]]); // prettier-ignore
const ORDINARY_SIZE = weighted([[1, 3], [2, 12], [3, 19], [4, 25], [5, 20], [6, 12], [7, 6], [8, 3]]); // prettier-ignore
/** 特困供养 households are mostly old people living alone. */
const TEKUN_SIZE = weighted([[1, 65], [2, 28], [3, 7]]); // prettier-ignore
const EXIT_YEAR = weighted([[2014, 5], [2015, 10], [2016, 18], [2017, 20], [2018, 22], [2019, 18], [2020, 7]]); // prettier-ignore
const FIRST_IDENTIFIED_YEAR = weighted([[2014, 65], [2015, 20], [2016, 15]]); // prettier-ignore
const IDENTIFICATION_STANDARD = weighted([['1', 88], ['2', 10], ['3', 2]]); // prettier-ignore
const OTHER_CAUSE_COUNT = weighted([[0, 35], [1, 40], [2, 25]]); // prettier-ignore

// 致贫原因 01–13, 99 with base weights, reweighted per household by what its members are like.
const CAUSES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '99'] as const;
const CAUSE_BASE = [28, 16, 8, 3, 3, 1.5, 13, 11, 10, 2.5, 3, 0.3, 0.3, 0.4] as const;
const ILLNESS = CAUSES.indexOf('01');
const DISABILITY = CAUSES.indexOf('02');
const SCHOOLING = CAUSES.indexOf('03');
const NO_LABOR = CAUSES.indexOf('08');

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184',
  '185', '186', '187', '188', '189', '199',
] as const; // prettier-ignore

export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function birthDate(rng: Random, birthYear: number): string {
  const month = rng.int(1, 12);
  const leap = (birthYear % 4 === 0 && birthYear % 100 !== 0) || birthYear % 400 === 0;
  const days = (DAYS_IN_MONTH[month - 1] ?? 31) + (month === 2 && leap ? 1 : 0);
  return `${birthYear}-${String(month).padStart(2, '0')}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

export interface HouseholdProfile {
  householdType: string;
  povertyAttribute: string | null;
  monitorCategory: string | null;
  povertyStatus: string | null;
  exitYear: number | null;
  identificationStandard: string | null;
  firstIdentifiedYear: number | null;
  size: number;
  /** 特困供养: old or sick members, small household. */
  frail: boolean;
  dibao: 0 | 1;
  tekun: 0 | 1;
}

export function householdProfile(rng: Random, year: number): HouseholdProfile {
  const householdType = HOUSEHOLD_TYPE(rng);
  if (householdType === '4') {
    // 边缘易致贫户: never 建档立卡, so no attribute, status or identification; 突发严重困难户 from 2021.
    const monitorCategory = year >= 2021 && rng.chance(0.15) ? '3' : '2';
    return {
      householdType,
      povertyAttribute: null,
      monitorCategory,
      povertyStatus: null,
      exitYear: null,
      identificationStandard: null,
      firstIdentifiedYear: null,
      size: ORDINARY_SIZE(rng),
      frail: false,
      dibao: 0,
      tekun: 0,
    };
  }
  const povertyAttribute = POVERTY_ATTRIBUTE(rng);
  const frail = povertyAttribute === '3' || povertyAttribute === '4';
  const exit = Math.min(EXIT_YEAR(rng), year);
  const firstIdentifiedYear = Math.min(FIRST_IDENTIFIED_YEAR(rng), exit);
  let povertyStatus: string;
  let exitYear: number | null = exit;
  if (householdType === '1') {
    povertyStatus = rng.chance(0.85) ? '0' : '3'; // 未脱贫, or 返贫 after the exit year
    if (povertyStatus === '0') exitYear = null;
  } else {
    povertyStatus = householdType === '2' && rng.chance(0.02) ? '4' : '1';
  }
  return {
    householdType,
    povertyAttribute,
    monitorCategory: householdType === '3' ? '1' : null, // 脱贫不稳定户
    povertyStatus,
    exitYear,
    identificationStandard: IDENTIFICATION_STANDARD(rng),
    firstIdentifiedYear,
    size: (frail ? TEKUN_SIZE : ORDINARY_SIZE)(rng),
    frail,
    dibao: povertyAttribute === '2' || povertyAttribute === '4' ? 1 : 0,
    tekun: frail ? 1 : 0,
  };
}

export interface PersonDraft {
  member: Member;
  birth: string;
  traits: Traits;
}

export function personDraft(rng: Random, member: Member, year: number, frail: boolean): PersonDraft {
  const birthYear = year - member.age;
  return {
    member,
    birth: birthDate(rng, birthYear),
    traits: personTraits(rng, member.age, birthYear, frail),
  };
}

/** 主要致贫原因 and up to two 其他致贫原因 (ascending, comma-joined), likelier when they fit the family. */
export function householdCauses(
  rng: Random,
  rows: readonly PersonDraft[],
): { main: string; others: string | null } {
  const has = (test: (t: Traits) => boolean) => rows.some((r) => test(r.traits));
  const weights: number[] = [...CAUSE_BASE];
  const scale = (i: number, f: number) => (weights[i] = (weights[i] ?? 0) * f);
  scale(ILLNESS, has((t) => t.health.includes('02') || t.health.includes('03')) ? 3 : 0.2);
  scale(DISABILITY, has((t) => t.health.includes('04')) ? 4 : 0.1);
  scale(
    SCHOOLING,
    has((t) => isCostlyStudent(t.schoolStatus)) ? 3 : has((t) => t.schoolStatus !== null) ? 0.6 : 0.05,
  );
  scale(NO_LABOR, has((t) => t.laborSkill === '01' || t.laborSkill === '02') ? 0.6 : 6);

  const main = pickWeighted(rng, CAUSES, weights);
  const others: string[] = [];
  const wanted = OTHER_CAUSE_COUNT(rng);
  for (let k = 0; k < wanted; k++) {
    const left = weights.map((w, i) => (CAUSES[i] === main || others.includes(CAUSES[i] ?? '') ? 0 : w));
    others.push(pickWeighted(rng, CAUSES, left));
  }
  return { main, others: others.length > 0 ? others.sort().join(',') : null };
}
