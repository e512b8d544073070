// 去向类别 of 外出务工, derived from 务工所在地 against the home county (保康县 420626, 襄阳市, 湖北省):
// the 6-digit code found in the official catalogue from the place as clerks write it.
import { describe, expect, it } from 'vitest';
import { migrantWork } from '../../../shared/ledgers/defs/migrant-work.ts';
import { destinationOf } from '../../../shared/ledgers/ledger-helpers.ts';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { createPlaceCoder } from '../../../main/core/ledgers/place-code.ts';
import { getRegionCatalog } from '../../../main/core/regions/catalog.ts';

const coder = createPlaceCoder(getRegionCatalog());
const ctx: DeriveContext = { countyCode: '420626', placeCode: (t) => coder.code(t), setting: () => 0 };
const derive = (values: LedgerValues) => ({ ...values, ...migrantWork.derive(values, ctx) });

describe('务工所在地 → 区划代码', () => {
  it.each([
    ['广东省深圳市宝安区', '440306'],
    ['广东深圳宝安', '440306'],
    ['深圳市', '440300'],
    ['浙江省', '330000'],
    ['浙江义乌', '330782'],
    ['义乌市', '330782'],
    ['湖北省襄阳市保康县', '420626'],
    ['保康县', '420626'],
    ['襄阳市樊城区', '420606'],
    ['湖北省武汉市', '420100'],
    ['北京市朝阳区', '110105'],
    ['湖北仙桃', '429004'],
  ])('%s → %s', (text, code) => {
    expect(coder.code(text)).toBe(code);
  });

  it('leaves what it cannot place unknown', () => {
    expect(coder.code('外地')).toBeNull();
    expect(coder.code('')).toBeNull();
    expect(coder.code('某某工地')).toBeNull();
  });
});

describe('去向类别', () => {
  it('compares codes with the home county', () => {
    expect(destinationOf('420626', '420626')).toBe('01'); // 县内
    expect(destinationOf('420626', '420606')).toBe('02'); // 县外市内
    expect(destinationOf('420626', '420100')).toBe('03'); // 市外省内 (武汉市)
    expect(destinationOf('420626', '420102')).toBe('03');
    expect(destinationOf('420626', '440306')).toBe('04'); // 省外
    expect(destinationOf('420626', '440000')).toBe('04');
    // Too coarse to tell: the home city or province named without the county.
    expect(destinationOf('420626', '420600')).toBeNull();
    expect(destinationOf('420626', '420000')).toBeNull();
    expect(destinationOf('420626', null)).toBeNull();
  });

  it.each([
    ['保康县城关镇', '01'],
    ['湖北省襄阳市樊城区', '02'],
    ['湖北省宜昌市', '03'],
    ['广东省深圳市宝安区', '04'],
  ])('derives from 务工所在地 %s → %s', (place, destination) => {
    const v = derive({ work_place: place, destination: null, work_place_code: null });
    expect(v.destination).toBe(destination);
  });

  it('keeps what the clerk entered when the place is unknown or too coarse', () => {
    expect(derive({ work_place: '外地工地', destination: '03', work_place_code: null }).destination).toBe(
      '03',
    );
    expect(derive({ work_place: '襄阳市', destination: '02', work_place_code: null }).destination).toBe('02');
    expect(derive({ work_place: null, destination: '04', work_place_code: null }).destination).toBe('04');
  });

  it('uses a typed 区划代码 when the place text is not recognised, and the text when it is', () => {
    expect(derive({ work_place: '工地', destination: null, work_place_code: '440306' }).destination).toBe(
      '04',
    );
    const moved = derive({ work_place: '保康县', destination: '04', work_place_code: '440306' });
    expect(moved).toMatchObject({ work_place_code: '420626', destination: '01' });
  });

  it('checks dates and the code format', () => {
    const issues = migrantWork.check({
      status: '01',
      start_date: '2020-05-01',
      end_date: '2020-04-01',
      work_place_code: '44',
    });
    expect(issues.map((i) => i.field).sort()).toEqual(['end_date', 'work_place', 'work_place_code']);
  });
});
