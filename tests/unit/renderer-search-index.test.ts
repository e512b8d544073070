import { describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../../shared/code-tables/index.ts';
import { indexOptions, matchRank, searchKeys } from '../../renderer/src/lib/search-index.ts';

const table = (key: keyof typeof CODE_TABLES) =>
  indexOptions(
    CODE_TABLES[key].items.map((i) => ({
      value: i.code,
      label: i.label,
      aliases: i.aliases ?? [],
      code: i.code,
    })),
  );

/** What Enter picks: the best-ranked match, table order breaking ties (as the dropdown sorts). */
function firstMatch(key: keyof typeof CODE_TABLES, typed: string): string | undefined {
  const ranked = table(key)
    .map((o, n) => ({ o, n, rank: matchRank(typed, o.keys) }))
    .filter((x) => x.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.n - b.n);
  return ranked[0]?.o.label;
}

describe('code-table type-ahead', () => {
  it('matches pinyin initials of the label', () => {
    expect(searchKeys({ value: '2', label: '低保贫困户' }).initials[0]).toBe('dbpkh');
    expect(firstMatch('poverty_attribute', 'dbpk')).toBe('低保贫困户');
    expect(firstMatch('poverty_attribute', 'DBPK')).toBe('低保贫困户');
    expect(firstMatch('relation', 'po')).toBe('配偶');
    expect(firstMatch('relation', 'zz')).toBe('之子');
    expect(firstMatch('cancel_reason', 'qc')).toBe('迁出');
    expect(firstMatch('health', 'cqmxb')).toBe('长期慢性病'); // 长 read as cháng here
  });

  it('matches the label, an alias and the code', () => {
    expect(firstMatch('relation', '配偶')).toBe('配偶');
    expect(firstMatch('relation', '妻子')).toBe('配偶'); // alias
    expect(firstMatch('relation', '03')).toBe('之子'); // code
    expect(firstMatch('poverty_attribute', '五保')).toBe('特困供养贫困户'); // alias 五保户
    expect(firstMatch('sex', 'nan')).toBe('男'); // full pinyin
    expect(firstMatch('poverty_status', '已脱贫(享受')).toBe('已脱贫（享受政策）'); // half-width brackets
  });

  it('finds nothing for text that matches nothing', () => {
    expect(firstMatch('relation', 'xyzxyz')).toBeUndefined();
    expect(matchRank('', searchKeys({ value: '1', label: '男' }))).toBe(0);
  });
});
