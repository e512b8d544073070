// 务工所在地 as clerks write it ('广东省深圳市宝安区', '深圳宝安', '浙江义乌', '本县') → a 6-digit 区划代码
// of the most precise 省/市/县 it names, using the official catalogue. Built once per catalogue.
import type { RegionCatalog, RegionUnit } from '../regions/catalog.ts';

const SUFFIXES = /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|自治州|地区|省|市|盟|区|县|旗)$/;
const shortName = (name: string): string => {
  const s = name.replace(SUFFIXES, '');
  return s.length >= 2 ? s : name;
};

interface Unit {
  code: string;
  names: string[];
}

export interface PlaceCoder {
  code(text: string): string | null;
}

function unitsOf(list: readonly RegionUnit[], code6: (u: RegionUnit) => string): Unit[] {
  return list
    .filter((u) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(u.name))
    .map((u) => ({ code: code6(u), names: [...new Set([u.name, shortName(u.name)])] }));
}

/** The unit whose name the text starts with (longest name first); the rest of the text after it. */
function leading(text: string, units: readonly Unit[]): { unit: Unit; rest: string } | null {
  let best: { unit: Unit; rest: string; len: number } | null = null;
  for (const u of units)
    for (const n of u.names)
      if (text.startsWith(n) && (best === null || n.length > best.len))
        best = { unit: u, rest: text.slice(n.length), len: n.length };
  return best;
}

export function createPlaceCoder(catalog: RegionCatalog): PlaceCoder {
  const provinces = unitsOf(catalog.provinces(), (u) => u.code.padEnd(6, '0'));
  const citiesOf = new Map<string, Unit[]>();
  const countiesOf = new Map<string, Unit[]>();
  const cities = (p: string) => {
    let list = citiesOf.get(p);
    if (!list) citiesOf.set(p, (list = unitsOf(catalog.cities(p.slice(0, 2)), (u) => u.code.padEnd(6, '0'))));
    return list;
  };
  const counties = (c: string) => {
    let list = countiesOf.get(c);
    if (!list) countiesOf.set(c, (list = unitsOf(catalog.counties(c.slice(0, 4)), (u) => u.code)));
    return list;
  };
  // Cities and counties named without their province ('深圳宝安', '义乌') — an unambiguous name only.
  let allCities: Unit[] | null = null;
  let allCounties: Unit[] | null = null;
  const cache = new Map<string, string | null>();

  const within = (text: string, provinceCode: string): string => {
    const city = leading(text, cities(provinceCode));
    if (!city) {
      // Districts of 直辖市 and 省直辖 counties (湖北 仙桃) sit under placeholder cities (市辖区 …).
      for (const c of catalog.cities(provinceCode.slice(0, 2))) {
        const county = leading(text, counties(c.code.padEnd(6, '0')));
        if (county) return county.unit.code;
      }
      return provinceCode;
    }
    const county = leading(city.rest, counties(city.unit.code));
    return county ? county.unit.code : city.unit.code;
  };

  const resolve = (raw: string): string | null => {
    const text = raw.replace(/[\s\u3000,，、·.\-—]+/g, '');
    if (text === '') return null;
    const province = leading(text, provinces);
    if (province) return within(province.rest, province.unit.code);
    allCities ??= provinces.flatMap((p) => cities(p.code));
    const city = leading(text, allCities);
    if (city) {
      const county = leading(city.rest, counties(city.unit.code));
      return county ? county.unit.code : city.unit.code;
    }
    allCounties ??= provinces
      .flatMap((p) => catalog.cities(p.code.slice(0, 2)))
      .flatMap((c) => counties(c.code.padEnd(6, '0')));
    const hits = allCounties.filter((c) => c.names.some((n) => text.startsWith(n) && n.length >= 2));
    const codes = new Set(hits.map((h) => h.code));
    return codes.size === 1 ? [...codes][0]! : null;
  };

  return {
    code(text: string): string | null {
      if (!cache.has(text)) cache.set(text, resolve(text));
      return cache.get(text) ?? null;
    },
  };
}
