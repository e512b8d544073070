// Word lists for the sample data: surnames, given-name characters, group numerals.
import { weighted, type Random } from './random.ts';

// The hundred commonest surnames with rough shares in ‰ (2020 census order; 王 李 张 lead).
const SURNAME_SHARES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 68], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 23], ['赵', 22], ['吴', 20],
  ['周', 19], ['徐', 13], ['孙', 12], ['马', 12], ['朱', 11], ['胡', 11], ['郭', 10], ['何', 10], ['林', 9],
  ['高', 9], ['罗', 9], ['郑', 8], ['梁', 7], ['谢', 6], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 5],
  ['邓', 5], ['曹', 5], ['彭', 5], ['曾', 5], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4],
  ['蒋', 4], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3],
  ['范', 2], ['金', 2], ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2],
  ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2],
  ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1],
  ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1],
  ['向', 1], ['汤', 1],
]; // prettier-ignore

export const pickSurname: (rng: Random) => string = weighted(SURNAME_SHARES);

// Given-name characters by sex and by era: rural names born before ~1975 differ from later ones.
const MALE_OLD = '建国华明德文正忠富贵发财山林成永军平海金长春兴福祥生广世宝荣清树志';
const MALE_NEW = '伟强勇杰涛超刚斌波辉鹏宇浩俊磊峰鑫帅飞龙亮锋新凯晨博涵轩泽睿子豪航洋';
const FEMALE_OLD = '秀英兰桂珍凤芝花翠莲梅琴玉香云菊荣霞彩春爱淑芳群素银娥连';
const FEMALE_NEW = '芳娟丽敏静燕玲艳红萍娜婷慧洁雪琳欣怡悦瑶佳思梦诗琪萱雨晶倩颖';

const chars = (s: string): string[] => Array.from(s);
const GIVEN = {
  male: { old: chars(MALE_OLD), new: chars(MALE_NEW) },
  female: { old: chars(FEMALE_OLD), new: chars(FEMALE_NEW) },
};

/** A given name of one or two characters; `birthYear` picks the era's fashion. */
export function givenName(rng: Random, sex: '1' | '2', birthYear: number): string {
  const lists = sex === '1' ? GIVEN.male : GIVEN.female;
  // Between 1965 and 1985 both styles were common.
  const pNew = birthYear < 1965 ? 0.1 : birthYear > 1985 ? 0.9 : 0.5;
  const one = (): string => rng.pick(rng.chance(pNew) ? lists.new : lists.old);
  if (rng.chance(0.26)) return one();
  const first = one();
  let second = one();
  if (second === first && rng.chance(0.8)) second = one(); // 玲玲 exists, but rarely
  return first + second;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1..99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`chineseNumeral: ${n} is out of 1..99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS.charAt(tens)}十`;
  return t + (ones === 0 ? '' : DIGITS.charAt(ones));
}

/** Village names in the catalogue are the committee's (黄堡村委会); addresses use the place (黄堡村). */
export function placeName(villageName: string): string {
  return villageName
    .replace(/(?:村民委员会|村委会)$/u, '村')
    .replace(/(?:社区)?(?:居民委员会|居委会)$/u, '社区');
}
