import { describe, expect, it } from 'vitest';
import {
  buildRegionForest,
  filterRegionForest,
  regionPath,
  splitForHighlight,
  type RegionTreeItem,
  type StoredRegionNode,
} from '../../renderer/src/state/region-tree-data.ts';

const node = (
  code: string,
  parentCode: string | null,
  level: StoredRegionNode['level'],
  name: string,
): StoredRegionNode => ({
  code,
  parentCode,
  level,
  name,
});

const NODES: StoredRegionNode[] = [
  node('420626000000', null, 'county', '保康县'),
  node('420626100000', '420626000000', 'township', '城关镇'),
  node('420626100001', '420626100000', 'village', '光千社区居委会'),
  node('420626100001-01', '420626100001', 'group', '一组'),
  node('420626100001-02', '420626100001', 'group', '二组'),
  node('420626100002', '420626100000', 'village', '东坡村委会'),
  node('420626101000', '420626000000', 'township', '黄堡镇'),
  node('420626101001', '420626101000', 'village', '黄堡村委会'),
  node('420626101001-01', '420626101001', 'group', '一组'),
];

const keys = (items: readonly RegionTreeItem[]): string[] =>
  items.flatMap((i) => [i.key, ...keys(i.children ?? [])]);

describe('buildRegionForest', () => {
  const forest = buildRegionForest(NODES);

  it('nests by parent code, in the order given', () => {
    expect(forest.roots).toHaveLength(1);
    const county = forest.roots[0];
    expect(county?.title).toBe('保康县');
    expect(county?.children?.map((c) => c.title)).toEqual(['城关镇', '黄堡镇']);
    expect(keys(forest.roots)).toEqual(NODES.map((n) => n.code));
  });

  it('gives leaves no children array (no expand arrow)', () => {
    const village = forest.roots[0]?.children?.[0]?.children?.[1];
    expect(village?.title).toBe('东坡村');
    expect(village?.children).toBeUndefined();
  });

  it('shows villages by their short name and keeps the stored one for renaming', () => {
    const village = forest.byCode.get('420626100001');
    expect(village?.name).toBe('光千社区');
    expect(village?.officialName).toBe('光千社区居委会');
    expect(forest.byCode.get('420626100001-01')?.officialName).toBe('一组');
  });

  it('opens the county and its townships by default', () => {
    expect(forest.defaultExpandedKeys).toEqual(['420626000000', '420626100000', '420626101000']);
  });

  it('makes a node with a missing parent a root instead of dropping it', () => {
    const orphan = buildRegionForest([...NODES, node('999', 'nowhere', 'village', '孤村')]);
    expect(orphan.roots.map((r) => r.title)).toEqual(['保康县', '孤村']);
  });

  it('finds the path from the county down', () => {
    expect(regionPath(forest.byCode, '420626100001-02').map((n) => n.name)).toEqual([
      '保康县',
      '城关镇',
      '光千社区',
      '二组',
    ]);
    expect(regionPath(forest.byCode, 'unknown')).toEqual([]);
  });
});

describe('filterRegionForest', () => {
  const { roots } = buildRegionForest(NODES);

  it('returns everything for an empty query', () => {
    const result = filterRegionForest(roots, '  ');
    expect(keys(result.roots)).toEqual(NODES.map((n) => n.code));
    expect(result.matches).toBe(0);
  });

  it('keeps matches and their ancestors, and opens the ancestors', () => {
    const result = filterRegionForest(roots, '一组');
    expect(result.matches).toBe(2);
    expect(keys(result.roots)).toEqual([
      '420626000000',
      '420626100000',
      '420626100001',
      '420626100001-01',
      '420626101000',
      '420626101001',
      '420626101001-01',
    ]);
    expect(new Set(result.expandedKeys)).toEqual(
      new Set(['420626000000', '420626100000', '420626100001', '420626101000', '420626101001']),
    );
  });

  it('keeps all children of a matching node so it can be opened further', () => {
    const result = filterRegionForest(roots, '光千');
    const village = result.roots[0]?.children?.[0]?.children?.[0];
    expect(village?.title).toBe('光千社区');
    expect(village?.children?.map((c) => c.title)).toEqual(['一组', '二组']);
    expect(result.expandedKeys).not.toContain('420626100001');
  });

  it('matches codes for a query of digits', () => {
    const result = filterRegionForest(roots, '420626101');
    expect(result.matches).toBeGreaterThan(0);
    expect(keys(result.roots)).toContain('420626101001-01');
    expect(keys(result.roots)).not.toContain('420626100001');
  });

  it('finds nothing without inventing nodes', () => {
    expect(filterRegionForest(roots, '不存在村')).toEqual({ roots: [], expandedKeys: [], matches: 0 });
  });

  it('ignores spaces, including the full-width one', () => {
    expect(filterRegionForest(roots, ' 东坡\u3000').matches).toBe(1);
  });
});

describe('splitForHighlight', () => {
  it('splits around the first hit', () => {
    expect(splitForHighlight('黄堡村委会', '黄堡')).toEqual(['', '黄堡', '村委会']);
    expect(splitForHighlight('黄堡村委会', '')).toBeNull();
    expect(splitForHighlight('黄堡村委会', '城关')).toBeNull();
  });
});
