// The members of one sample household: relations, sexes, ages, names and ethnicities that fit
// together (one 户主, at most one 配偶 of the other sex, children 20–34 years younger than their
// mother, grandchildren only through a married son …).
import { givenName, pickSurname } from './names.ts';
import { weighted, type Random } from './random.ts';

export type Sex = '1' | '2';

export interface Member {
  /** 与户主关系 code. */
  relation: string;
  sex: Sex;
  /** Age reached in the data year (data year − birth year). */
  age: number;
  name: string;
  /** Came into the family by marriage (配偶, 之儿媳): more often born in another county. */
  marriedIn: boolean;
  /** 民族 code. */
  ethnicity: string;
}

// 民族 in a central-China county: nearly all 汉族, a few 土家 回 苗 满 …
export const pickEthnicity = weighted<string>([
  ['01', 970], ['15', 12], ['03', 6], ['06', 5], ['11', 3], ['02', 2], ['08', 2],
]); // prettier-ignore

type AgeRange = readonly [number, number];
const ranges = (entries: readonly (readonly [number, number, number])[]) =>
  weighted<AgeRange>(entries.map(([lo, hi, w]) => [[lo, hi], w] as const));

const HEAD_AGE = ranges([[25, 34, 8], [35, 44, 18], [45, 54, 28], [55, 64, 26], [65, 74, 14], [75, 86, 6]]); // prettier-ignore
const SMALL_HEAD_AGE = ranges([
  [25, 34, 5],
  [35, 54, 25],
  [55, 74, 50],
  [75, 88, 20],
]);
const LONE_HEAD_AGE = ranges([
  [30, 44, 8],
  [45, 59, 22],
  [60, 74, 38],
  [75, 92, 32],
]);
/** 特困供养: old people without anyone obliged to support them. */
const ELDER_HEAD_AGE = ranges([
  [55, 64, 15],
  [65, 74, 35],
  [75, 92, 50],
]);

export function pickHeadAge(rng: Random, size: number, elderly: boolean): number {
  const [lo, hi] = (
    elderly ? ELDER_HEAD_AGE : size === 1 ? LONE_HEAD_AGE : size === 2 ? SMALL_HEAD_AGE : HEAD_AGE
  )(rng);
  return rng.int(lo, hi);
}

/** Age of a child of a mother aged `motherAge`: born when she was 20–34, and at least `minAge`. */
function childAge(rng: Random, motherAge: number, minAge = 0): number {
  const maxGap = Math.max(20, Math.min(34, motherAge - minAge));
  return Math.max(0, motherAge - rng.int(20, maxGap));
}

// Every surname in names.ts is one character, so the surname is the name's first character.
const surnameOf = (m: Member): string => m.name.charAt(0);

export function buildFamily(rng: Random, size: number, headAge: number, year: number): Member[] {
  const members: Member[] = [];
  const tail: Member[] = []; // the head's parents, listed last as on the printed forms
  const make = (
    relation: string,
    sex: Sex,
    age: number,
    surname: string,
    marriedIn: boolean,
    ethnicity: string,
  ) => {
    const m: Member = {
      relation,
      sex,
      age,
      name: surname + givenName(rng, sex, year - age),
      marriedIn,
      ethnicity,
    };
    return m;
  };
  const add = (...args: Parameters<typeof make>): Member => {
    const m = make(...args);
    members.push(m);
    return m;
  };

  const headSex: Sex = rng.chance(0.86) ? '1' : '2';
  const headSurname = pickSurname(rng);
  const head = add('01', headSex, headAge, headSurname, false, pickEthnicity(rng));
  let slots = size - 1;

  let spouse: Member | undefined;
  if (slots > 0 && rng.chance(size === 2 ? 0.75 : 0.9)) {
    const husbandOlderBy = rng.chance(0.85) ? rng.int(0, 5) : -rng.int(1, 3);
    const age = Math.max(20, headSex === '1' ? headAge - husbandOlderBy : headAge + husbandOlderBy);
    const ethnicity = rng.chance(0.8) ? head.ethnicity : pickEthnicity(rng);
    spouse = add('02', headSex === '1' ? '2' : '1', age, pickSurname(rng), true, ethnicity);
    slots -= 1;
  }

  // Children's ages count from the younger of the couple, so the gap to either parent stays 18–40.
  const motherAge = Math.max(
    20,
    spouse ? Math.min(headAge, spouse.age) : headSex === '2' ? headAge : headAge - rng.int(0, 4),
  );
  // A woman heading the household alone is usually a widow: her children carry the late husband's name.
  const fatherSurname = headSex === '1' ? headSurname : spouse ? surnameOf(spouse) : pickSurname(rng);
  const childSurname = (): string => {
    if (headSex === '1') return rng.chance(0.97) ? headSurname : spouse ? surnameOf(spouse) : headSurname;
    return rng.chance(spouse ? 0.7 : 0.25) ? headSurname : fatherSurname;
  };
  const childEthnicity = (): string => (spouse && rng.chance(0.1) ? spouse.ethnicity : head.ethnicity);
  const addChild = (age: number): Member => {
    const sex: Sex = rng.chance(0.52) ? '1' : '2';
    return add(sex === '1' ? '03' : '04', sex, age, childSurname(), false, childEthnicity());
  };

  if (slots >= 2 && headAge <= 58 && rng.chance(0.2)) {
    const both = slots >= 3 && rng.chance(0.45);
    const motherOnly = !both && rng.chance(0.6);
    if (!motherOnly) {
      tail.push(make('11', '1', headAge + rng.int(22, 36), headSurname, false, head.ethnicity));
      slots -= 1;
    }
    if (both || motherOnly) {
      tail.push(make('12', '2', headAge + rng.int(20, 34), pickSurname(rng), false, head.ethnicity));
      slots -= 1;
    }
  }

  if (slots >= 2 && motherAge >= 48 && rng.chance(motherAge >= 58 ? 0.85 : 0.55)) {
    // Three generations: a married son, his wife and their children (old couples seldom keep
    // several grown, unmarried children at home).
    const son = add('03', '1', childAge(rng, motherAge, 22), childSurname(), false, childEthnicity());
    const wifeYoungerBy = rng.chance(0.85) ? rng.int(0, 4) : -rng.int(1, 2);
    const daughterInLaw = add(
      '05',
      '2',
      Math.max(20, son.age - wifeYoungerBy),
      pickSurname(rng),
      true,
      son.ethnicity,
    );
    slots -= 2;
    if (slots >= 2 && rng.chance(0.2)) {
      addChild(childAge(rng, motherAge));
      slots -= 1;
    }
    const youngerParent = Math.min(son.age, daughterInLaw.age);
    for (; slots > 0; slots--) {
      const sex: Sex = rng.chance(0.52) ? '1' : '2';
      const surname = rng.chance(0.95) ? surnameOf(son) : surnameOf(daughterInLaw);
      add(sex === '1' ? '07' : '08', sex, childAge(rng, youngerParent), surname, false, son.ethnicity);
    }
  } else {
    for (; slots > 0; slots--) addChild(childAge(rng, motherAge));
  }
  return [...members, ...tail];
}
