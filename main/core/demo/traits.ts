// One sample person's schooling, health, labour and insurance, consistent with age (the national
// rule: a pupil or pre-school child has 在校生状况 and no 文化程度, everyone else the reverse).
import { weighted, type Random } from './random.ts';

export interface Traits {
  education: string | null;
  schoolStatus: string | null;
  /** Codes joined by ',' in ascending order, e.g. '02,04'. */
  health: string;
  laborSkill: string;
  workMonths: number | null;
  politicalStatus: string;
  medicalInsurance: 0 | 1;
  seriousIllnessInsurance: 0 | 1;
  pensionInsurance: 0 | 1;
}

// 文化程度 of adults by birth cohort: rural schooling rose steeply after the 1960s.
const EDUCATION_BY_COHORT: readonly (readonly [number, (rng: Random) => string])[] = [
  [1950, weighted([['01', 45], ['02', 40], ['03', 12], ['04', 3]])],
  [1965, weighted([['01', 25], ['02', 45], ['03', 25], ['04', 5]])],
  [1980, weighted([['01', 8], ['02', 35], ['03', 45], ['04', 10], ['05', 2]])],
  [1995, weighted([['01', 2], ['02', 15], ['03', 55], ['04', 21], ['05', 5], ['07', 2]])],
  [Infinity, weighted([['02', 3], ['03', 45], ['04', 32], ['05', 12], ['07', 8]])],
]; // prettier-ignore

function adultEducation(rng: Random, age: number, birthYear: number): string {
  // Left school young: no diploma beyond what the age allows.
  if (age < 19) return rng.chance(0.85) ? '03' : '02';
  if (age < 22) return rng.chance(0.6) ? '03' : '04';
  for (const [before, pick] of EDUCATION_BY_COHORT) if (birthYear < before) return pick(rng);
  return '03';
}

const PRIMARY = '03';
const JUNIOR = ['04', '05', '06'] as const; // 七、八、九年级 at ages 13–15
const SENIOR = ['07', '08', '09'] as const; // 普通高中一至三年级 at 16–18
const VOCATIONAL = ['10', '11', '12'] as const; // 中职
const HIGHER_VOCATIONAL = ['13', '14', '15'] as const; // 高职高专 at 19–21
const UNDERGRADUATE = ['22', '23', '24', '25'] as const; // 本科 at 19–22

/** 在校生状况 for a child or student of `age`, or null when out of school. */
function schoolStatus(rng: Random, age: number): string | null {
  if (age <= 2) return '17'; // 学龄前儿童
  if (age <= 5) return rng.chance(0.8) ? '02' : '17'; // 学前教育 (幼儿园) or at home
  if (age === 6) return rng.chance(0.7) ? PRIMARY : '02';
  if (age <= 12) return PRIMARY;
  if (age <= 15) return JUNIOR[age - 13] ?? PRIMARY;
  if (age <= 18) {
    if (!rng.chance(0.85)) return null;
    return (rng.chance(0.65) ? SENIOR : VOCATIONAL)[age - 16] ?? null;
  }
  if (age <= 22 && rng.chance(0.3)) {
    const grades = age <= 21 && rng.chance(0.5) ? HIGHER_VOCATIONAL : UNDERGRADUATE;
    return grades[age - 19] ?? null;
  }
  return null;
}

/** Yearly chances of 长期慢性病, 患有大病 and 残疾 by age. */
function healthRates(age: number): readonly [number, number, number] {
  if (age < 16) return [0.01, 0.004, 0.012];
  if (age < 45) return [0.05, 0.012, 0.035];
  if (age < 60) return [0.14, 0.025, 0.06];
  if (age < 75) return [0.28, 0.04, 0.08];
  return [0.4, 0.05, 0.11];
}

function health(rng: Random, age: number, frail: boolean): string {
  const factor = frail ? 2 : 1;
  const [chronic, serious, disabled] = healthRates(age);
  const codes: string[] = [];
  if (rng.chance(chronic * factor)) codes.push('02');
  if (rng.chance(serious * factor)) codes.push('03');
  if (rng.chance(disabled * factor)) codes.push('04');
  return codes.length === 0 ? '01' : codes.join(',');
}

const LABOR_ILL = weighted([
  ['04', 50],
  ['03', 35],
  ['05', 15],
]); // 大病 or 残疾, working age
const LABOR_CHRONIC = weighted([
  ['01', 55],
  ['03', 40],
  ['02', 5],
]);
// Healthy people of working age are 普通 or 技能劳动力 (a 弱劳动力 among them is a 数据质量 疑点, P-LAB-06).
const LABOR_HEALTHY = weighted([
  ['01', 80],
  ['02', 20],
]);
const LABOR_60S = weighted([
  ['01', 55],
  ['03', 40],
  ['04', 5],
]);
const LABOR_YOUNG_OLD = weighted([
  ['03', 50],
  ['04', 20],
  ['05', 30],
]); // 65–74
const LABOR_OLD = weighted([
  ['03', 20],
  ['04', 30],
  ['05', 50],
]); // 75+

function laborSkill(rng: Random, age: number, student: boolean, healthCodes: string): string {
  if (age < 16 || student) return '05'; // 无劳动力
  if (age >= 75) return LABOR_OLD(rng);
  if (age >= 65) return LABOR_YOUNG_OLD(rng);
  if (healthCodes.includes('03') || healthCodes.includes('04')) return LABOR_ILL(rng);
  if (age >= 60) return LABOR_60S(rng);
  return healthCodes === '01' ? LABOR_HEALTHY(rng) : LABOR_CHRONIC(rng);
}

function workMonths(rng: Random, age: number, labor: string): number | null {
  if (age < 16 || age >= 65 || !(labor === '01' || labor === '02' || labor === '03')) return null;
  const r = rng.next();
  if (r < 0.25) return 0; // stays home: farming, caring for children or the old
  return r < 0.45 ? rng.int(1, 5) : rng.int(6, 12);
}

function politicalStatus(rng: Random, age: number, student: boolean): string {
  if (age >= 18) {
    const r = rng.next();
    if (r < (age >= 40 ? 0.04 : 0.02)) return '01'; // 中共党员
    if (r < (age >= 40 ? 0.042 : 0.023)) return '02'; // 预备党员
  }
  if (age >= 14 && age <= 28 && rng.chance(student ? 0.6 : 0.2)) return '03'; // 共青团员
  return '13'; // 群众
}

export function personTraits(rng: Random, age: number, birthYear: number, frail: boolean): Traits {
  const school = age <= 22 ? schoolStatus(rng, age) : null;
  const student = school !== null;
  const healthCodes = health(rng, age, frail);
  const labor = laborSkill(rng, age, student, healthCodes);
  const medical = rng.chance(0.995) ? 1 : 0;
  return {
    education: student ? null : adultEducation(rng, age, birthYear),
    schoolStatus: school,
    health: healthCodes,
    laborSkill: labor,
    workMonths: workMonths(rng, age, labor),
    politicalStatus: politicalStatus(rng, age, student),
    medicalInsurance: medical,
    seriousIllnessInsurance: medical === 1 && rng.chance(0.99) ? 1 : 0,
    // 城乡居民养老保险 is for those 16 and over who are not at school; most of them are enrolled.
    pensionInsurance: age >= 16 && !student && rng.chance(age >= 60 ? 0.97 : 0.88) ? 1 : 0,
  };
}

/** Students from 高中 up: their fees are what 因学致贫 means. */
export const isCostlyStudent = (school: string | null): boolean =>
  school !== null && school >= '07' && school !== '17';
