// Region names as a clerk says them. The statistics catalogue names a village by its committee
// (五星村村委会, 光千社区居委会, 山川回族村委会, 三义合村村民委会); lists, the tree, pickers and report rows show
// the place (五星村, 光千社区, 山川回族村, 三义合村). Documents that need the official name (printed forms'
// headers, a report workbook's 填报单位) keep the stored name.

/** Committee endings whose place is a 村: what is left gets 村 unless it already ends in one. */
const VILLAGE_COMMITTEE = /(?:村民委员会|村民委会|村委员会|村委会)$/u;
/** Committee endings of a 社区 (its 村民委员会 included: 某某社区村民委员会 is the 社区). */
const COMMUNITY_COMMITTEE =
  /(?<=.)社区(?:居民委员会|居民委会|居委会|村民委员会|村民委会|村委会|委员会|委会)$/u;
/** A 居委会 not named a 社区 stays a 居委会: the short form of its own name, nothing invented. */
const RESIDENTS_COMMITTEE = /(?:居民委员会|居民委会)$/u;
/** Inner Mongolia's 嘎查 (a village): 白辛嘎查委会 → 白辛嘎查, 勒盖嘎查村委员会 → 勒盖嘎查村. */
const GACHA_COMMITTEE = /(嘎查村?)(?:委员会|委会)$/u;
/** A 牧民委员会 is said 牧委会. */
const HERDERS_COMMITTEE = /牧民委员会$/u;
const SUBDISTRICT_OFFICE = /街道办事处$/u;

/**
 * The short name of a region: '五星村村委会' → '五星村', '黄田村委会' → '黄田村', '光千社区居委会' → '光千社区',
 * '山川回族村委会' → '山川回族村', '城关居民委员会' → '城关居委会', '城关街道办事处' → '城关街道'. Names without
 * a committee ending (城关镇, 一组, 五星村) come back unchanged, and so does a name that would be left
 * empty.
 */
export function shortRegionName(name: string): string {
  const n = name.trim();
  const shortened = shorten(n);
  return shortened.length >= 2 ? shortened : n;
}

function shorten(n: string): string {
  if (COMMUNITY_COMMITTEE.test(n)) return n.replace(COMMUNITY_COMMITTEE, '社区');
  if (GACHA_COMMITTEE.test(n)) return n.replace(GACHA_COMMITTEE, '$1');
  if (VILLAGE_COMMITTEE.test(n)) {
    const place = n.replace(VILLAGE_COMMITTEE, '');
    return place.endsWith('村') ? place : `${place}村`;
  }
  if (RESIDENTS_COMMITTEE.test(n)) return n.replace(RESIDENTS_COMMITTEE, '居委会');
  if (HERDERS_COMMITTEE.test(n)) return n.replace(HERDERS_COMMITTEE, '牧委会');
  if (SUBDISTRICT_OFFICE.test(n)) return n.replace(SUBDISTRICT_OFFICE, '街道');
  return n;
}
