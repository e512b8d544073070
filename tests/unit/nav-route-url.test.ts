// The page in the address (F5 and back/forward in browser mode), and how regions are named on screen.
import { describe, expect, it } from 'vitest';
import { takeTokenFromHash } from '../../renderer/src/api/hash-token.ts';
import { regionPlaceName, pickOnEnter } from '../../renderer/src/nav/region-label.ts';
import {
  fromHistoryState,
  parseRouteHash,
  routeHash,
  toHistoryState,
} from '../../renderer/src/nav/route-url.ts';
import type { RegionNode } from '../../renderer/src/state/region-tree-data.ts';
import type { Route } from '../../renderer/src/state/route-types.ts';

const TOWN = '420626100000';

describe('route <-> address', () => {
  const routes: Route[] = [
    { page: 'home' },
    { page: 'households' },
    { page: 'household', id: 123 },
    { page: 'person', id: 45 },
    { page: 'new-household' },
    { page: 'special' },
    { page: 'ledger', id: 'migrant_work' },
    { page: 'import' },
    { page: 'import', into: 'public_jobs' },
    { page: 'reports' },
    { page: 'reports', report: 'poverty-monthly' },
    { page: 'print' },
    { page: 'quality' },
    { page: 'settings' },
  ];

  it.each(routes)('writes and reads back %o, with and without a region', (route) => {
    expect(parseRouteHash(routeHash(route, null))).toEqual({ route, regionCode: null });
    expect(parseRouteHash(routeHash(route, `${TOWN}`))).toEqual({ route, regionCode: TOWN });
    expect(parseRouteHash(routeHash(route, '420626100001-03'))).toEqual({
      route,
      regionCode: '420626100001-03',
    });
  });

  it('names the open household and the region in a readable address', () => {
    expect(routeHash({ page: 'household', id: 7 }, TOWN)).toBe(`#/household/7?r=${TOWN}`);
    expect(routeHash({ page: 'ledger', id: 'migrant_work' }, null)).toBe('#/ledger/migrant_work');
  });

  it('never puts search words into the address (a name or the last digits of an ID)', () => {
    const hash = routeHash({ page: 'person-search', q: '张三 192837' }, null);
    expect(hash).toBe('#/person-search');
    expect(parseRouteHash(hash).route).toEqual({ page: 'person-search', q: '' });
  });

  it('reads nothing it does not know: typos, bad ids, extra parts, a bad region code', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/nowhere',
      '#/household/abc',
      '#/household/0',
      '#/household/1/2',
      '#/home/x',
      'home',
    ])
      expect(parseRouteHash(hash).route).toBeNull();
    expect(parseRouteHash('#/households?r=DROP TABLE').regionCode).toBeNull();
    expect(parseRouteHash('#/households?r=%E0%A4%A').regionCode).toBeNull();
  });

  it('keeps the route when the first address also carries the browser-mode token', () => {
    const { token, remainingHash } = takeTokenFromHash(`#/household/9?r=${TOWN}&token=abc`);
    expect(token).toBe('abc');
    expect(parseRouteHash(remainingHash)).toEqual({ route: { page: 'household', id: 9 }, regionCode: TOWN });
    // The token alone is no page: the program opens at 首页.
    expect(parseRouteHash(takeTokenFromHash('#token=abc').remainingHash).route).toBeNull();
  });
});

describe('history entries', () => {
  it('round-trips the pages behind 返回, with the 查人 words kept out of the address', () => {
    const nav = {
      stack: [
        { route: { page: 'households' } as Route, title: '户籍台账' },
        { route: { page: 'household', id: 3 } as Route, title: '户 H0003' },
        { route: { page: 'person-search', q: '张三' } as Route, title: '查人：张三' },
      ],
      chain: 2,
    };
    expect(fromHistoryState(structuredClone(toHistoryState(nav)))).toEqual(nav);
  });

  it('refuses what it did not write, and clamps the chain to the stack', () => {
    expect(fromHistoryState(null)).toBeNull();
    expect(fromHistoryState({ stack: [], chain: 0 })).toBeNull();
    expect(fromHistoryState({ ...toHistoryState({ stack: [], chain: 0 }) })).toBeNull();
    const odd = toHistoryState({
      stack: [{ route: { page: 'nowhere' } as unknown as Route, title: 'x' }],
      chain: 0,
    });
    expect(fromHistoryState(odd)).toBeNull();
    const long = toHistoryState({ stack: [{ route: { page: 'home' }, title: '首页' }], chain: 9 });
    expect(fromHistoryState(long)?.chain).toBe(0);
  });
});

type Level = RegionNode['level'];
const node = (code: string, parentCode: string | null, level: Level, name: string) => ({
  code,
  parentCode,
  level,
  name,
  officialName: name,
});
const COUNTY = node('420626000000', null, 'county', '保康县');
const TOWNSHIP = node(TOWN, COUNTY.code, 'township', '城关镇');
const VILLAGE = node('420626100001', TOWN, 'village', '黄田村');
const GROUP = node('420626100001-10', VILLAGE.code, 'group', '十组');
const TINGTAN = node('420626100002', TOWN, 'village', '汀潭村');

describe('region names on screen', () => {
  it('names a group with its township and village, never "十组 组"', () => {
    expect(regionPlaceName([COUNTY, TOWNSHIP, VILLAGE, GROUP])).toBe('城关镇 黄田村 十组');
    expect(regionPlaceName([COUNTY, TOWNSHIP])).toBe('城关镇');
    expect(regionPlaceName([COUNTY])).toBe('保康县');
    expect(regionPlaceName([])).toBe('全县');
  });

  it('finds the region a picker search means (Enter picks it), none when several equally match', () => {
    const all = [COUNTY, TOWNSHIP, VILLAGE, GROUP, TINGTAN];
    const villages = new Set<RegionNode['level']>(['village', 'group']);
    expect(pickOnEnter(all, '汀潭', villages)).toBe(TINGTAN.code);
    expect(pickOnEnter(all, ' 汀 潭 ', villages)).toBe(TINGTAN.code);
    expect(pickOnEnter(all, '村', villages)).toBeNull();
    expect(pickOnEnter(all, '城关', villages)).toBeNull(); // a township, not choosable here
    expect(pickOnEnter(all, '城关', new Set(['township']))).toBe(TOWN);
    expect(pickOnEnter(all, '', villages)).toBeNull();
    // Several on different levels: the highest one ('歇马' is the township, not 歇马街村 inside it).
    const xiema = node('420626107000', COUNTY.code, 'township', '歇马镇');
    const street = node('420626107001', xiema.code, 'village', '歇马街村委会');
    const both = new Set<RegionNode['level']>(['township', 'village']);
    expect(pickOnEnter([...all, xiema, street], '歇马', both)).toBe(xiema.code);
    expect(pickOnEnter([...all, xiema, street], '歇马街', both)).toBe(street.code);
    // The short name on screen, the official one typed: both find it.
    const wuxing = { ...node('420626100003', TOWN, 'village', '五星村'), officialName: '五星村村委会' };
    expect(pickOnEnter([...all, wuxing], '五星村村委会', villages)).toBe(wuxing.code);
  });
});
