// 与户主关系 when the 户主 changes: what the former 户主 usually becomes, seen from the new one.
import { RELATION_IMPLIED_SEX } from '../../../shared/code-tables/index.ts';

const BY_SEX = (male: string, female: string) => (sex: string) =>
  sex === '1' ? male : sex === '2' ? female : null;

const FORMER_HEAD: Readonly<Record<string, (formerHeadSex: string) => string | null>> = {
  '02': () => '02', // 配偶 → 配偶
  '03': BY_SEX('11', '12'), // 之子 → 之父 / 之母
  '04': BY_SEX('11', '12'), // 之女 → 之父 / 之母
  '05': BY_SEX('15', '16'), // 之儿媳 → 之公公 / 之婆婆
  '06': BY_SEX('13', '14'), // 之女婿 → 之岳父 / 之岳母
  '07': BY_SEX('17', '18'), // 之孙子 → 之祖父 / 之祖母
  '08': BY_SEX('17', '18'),
  '09': BY_SEX('19', '20'), // 之外孙子 → 之外祖父 / 之外祖母
  '10': BY_SEX('19', '20'),
  '11': BY_SEX('03', '04'), // 之父 → 之子 / 之女
  '12': BY_SEX('03', '04'),
  '21': () => '21', // 兄弟姐妹
};

/** A sensible default for `households.setHead`'s formerHeadRelation, or null when nothing fits. */
export function suggestFormerHeadRelation(newHeadRelation: string, formerHeadSex: string): string | null {
  return FORMER_HEAD[newHeadRelation]?.(formerHeadSex) ?? null;
}

/** The Chinese complaint when a relation implies the other sex (之子 for a woman), else null. */
export function relationSexMismatch(relation: string, sex: string): '1' | '2' | null {
  const implied = RELATION_IMPLIED_SEX[relation];
  if (implied === undefined || (sex !== '1' && sex !== '2')) return null;
  return implied === sex ? null : implied;
}
