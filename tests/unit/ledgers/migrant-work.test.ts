// 去向类别 of 外出务工, derived from 务工所在地 against the home county (保康县 420626, 襄阳市, 湖北省):
// the 6-digit code found in the official catalogue from the place as clerks write it. Plans: 务工状态 from
// 是否计划外出务工, 计划去向类别 from 计划务工地点, 年度 given or the current year.
import { describe, expect, it } from 'vitest';
import { migrantWork } from '../../../shared/ledgers/defs/migrant-work.ts';
import { destinationOf } from '../../../shared/ledgers/ledger-helpers.ts';
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { createPlaceCoder } from '../../../main/core/ledgers/place-code.ts';
import { yearIn } from '../../../main/core/ledgers/import/file-year.ts';
import {
  checkLedgerValues,
  missingRequiredFields,
  withDerived,
  withInitialValues,
} from '../../../shared/ledgers/index.ts';
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

describe('计划外出 (a sheet of planned workers)', () => {
  const check = (values: LedgerValues) =>
    checkLedgerValues(migrantWork, withDerived(migrantWork, values, ctx));

  it('takes 务工状态 from 是否计划外出务工 when no status is given, and never overrides one', () => {
    expect(derive({ planned: 1, status: null }).status).toBe('04'); // 计划外出
    expect(derive({ planned: 0, status: null }).status).toBe('03'); // 未外出
    expect(derive({ planned: 1, status: '01' }).status).toBe('01');
    expect(derive({ planned: null, status: null }).status).toBeNull();
  });

  it('needs 务工状态 only when the plan is not given either', () => {
    const missing = check({ year: 2020, status: null, planned: null });
    expect(missing).toEqual([
      { field: 'status', level: 'error', message: '务工状态不能为空（或填写“是否计划外出务工”）' },
    ]);
    expect(check({ year: 2020, status: null, planned: 1, planned_destination: '04' })).toEqual([]);
    expect(check({ year: 2020, status: '05', planned: null })).toEqual([]);
  });

  it('needs a 年度, and refuses 计划外出 with 是否计划外出务工 = 否', () => {
    expect(check({ status: '04', planned: null }).map((i) => i.message)).toEqual(['年度不能为空']);
    expect(check({ year: 2020, status: '04', planned: 0 })).toEqual([
      expect.objectContaining({ field: 'planned', level: 'error' }),
    ]);
  });

  it('derives 计划去向类别 from 计划务工地点, keeps the one given when the place is unknown', () => {
    expect(derive({ planned_place: '广东省东莞市', planned_destination: null }).planned_destination).toBe(
      '04',
    );
    expect(derive({ planned_place: '保康县', planned_destination: '04' }).planned_destination).toBe('01');
    expect(derive({ planned_place: '外地', planned_destination: '03' }).planned_destination).toBe('03');
    // The planned 去向 never becomes the actual one, nor the reverse.
    expect(derive({ planned_place: '广东省东莞市', destination: null }).destination).toBeNull();
    expect(derive({ work_place: '广东省东莞市', planned_destination: null }).planned_destination).toBeNull();
  });

  it('gives a new record the current year as its 年度 unless one is given', () => {
    expect(withInitialValues(migrantWork, { status: '01' }, 2026)).toEqual({ status: '01', year: 2026 });
    expect(withInitialValues(migrantWork, { year: 2019 }, 2026)).toEqual({ year: 2019 });
  });
});

describe('the 年度 a file states', () => {
  it.each([
    ['2020年计划外出务工人员名单', 2020],
    ['黄田村2019年度贫困劳动力外出务工台账', 2019],
    ['2021', 2021],
    ['贫困劳动力外出务工台账', null],
    ['电话 13912345678', null],
    [null, null],
  ])('%s → %s', (text, year) => {
    expect(yearIn(text, 2014, 2100)).toBe(year);
  });
});

describe('columns a 外出务工 file cannot do without', () => {
  const missing = (columns: string[]) =>
    missingRequiredFields(migrantWork, (c) => columns.includes(c)).map((f) => f.column);

  it('needs 务工状态 or 是否计划外出务工, never a 年度 column', () => {
    expect(missing([])).toEqual(['status']);
    expect(missing(['planned', 'planned_destination'])).toEqual([]);
    expect(missing(['status', 'work_place'])).toEqual([]);
  });
});
