// Where the sample county's migrant workers go: real place names for each 去向类别 relative to the
// home county (the county itself; other counties of its city; other cities of its province; the usual
// destinations in other provinces). Every name is checked through the ledger's own place coder, so the
// 去向类别 that `derive` computes from it is the class it was drawn for.
import { destinationOf, DESTINATION } from '../../../shared/ledgers/ledger-helpers.ts';
import type { DeriveContext } from '../../../shared/ledgers/define.ts';
import type { RegionCatalog } from '../regions/catalog.ts';
import { pickWeighted, type Random } from './random.ts';

/** Where workers from central China go most (rough weights). */
const OTHER_PROVINCE: readonly (readonly [string, number])[] = [
  ['广东省深圳市宝安区', 14], ['广东省东莞市', 12], ['广东省广州市白云区', 8], ['广东省佛山市南海区', 5],
  ['浙江省金华市义乌市', 8], ['浙江省宁波市鄞州区', 5], ['浙江省杭州市萧山区', 5], ['江苏省苏州市昆山市', 9],
  ['江苏省无锡市江阴市', 4], ['上海市松江区', 7], ['上海市嘉定区', 4], ['福建省厦门市集美区', 5],
  ['北京市大兴区', 4], ['河南省郑州市金水区', 3], ['湖南省长沙市岳麓区', 3], ['湖北省武汉市洪山区', 3],
  ['重庆市渝北区', 2], ['四川省成都市双流区', 2], ['新疆维吾尔自治区昌吉回族自治州昌吉市', 1],
]; // prettier-ignore

export interface PlacePicker {
  /** A place of class `destination` ('01'…'04'), or null when the county has none of that class. */
  pick(rng: Random, destination: string): string | null;
}

export function workPlaces(catalog: RegionCatalog, ctx: DeriveContext): PlacePicker {
  const home = catalog.county(ctx.countyCode);
  const lists = new Map<string, { names: string[]; weights: number[] }>();
  const add = (name: string, weight: number) => {
    const cls = destinationOf(ctx.countyCode, ctx.placeCode(name));
    if (cls === null) return;
    const list = lists.get(cls) ?? { names: [], weights: [] };
    if (list.names.includes(name)) return;
    list.names.push(name);
    list.weights.push(weight);
    lists.set(cls, list);
  };
  if (home) {
    add(home.name, 1);
    for (const city of catalog.cities(home.provinceCode)) {
      const near = city.code === home.cityCode;
      for (const c of catalog.counties(city.code)) {
        if (c.code === home.code || c.name === '市辖区') continue;
        // The provincial capital and the home city's districts draw most of the in-province workers.
        const weight = c.name.endsWith('区') ? 3 : 1;
        add(city.name + c.name, near ? weight : weight * (city.code === `${home.provinceCode}01` ? 4 : 1));
      }
    }
  }
  for (const [name, weight] of OTHER_PROVINCE) add(name, weight);
  return {
    pick(rng, destination) {
      const list = lists.get(destination);
      return list ? pickWeighted(rng, list.names, list.weights) : null;
    },
  };
}

export const DESTINATIONS = [
  DESTINATION.inCounty,
  DESTINATION.inCity,
  DESTINATION.inProvince,
  DESTINATION.otherProvince,
] as const;
