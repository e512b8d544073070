// How a region is named on screen: always with the places above it, down from the township
// ('城关镇 黄田村 十组'), never a bare '十组' with a level tag beside it. Pure (tests/unit/nav-route-url.test.ts).
import type { RegionNode } from '../state/region-tree-data.ts';

/** The names from the township down; the county's own name when the path is the county (or empty: 全县). */
export function regionPlaceName(path: readonly RegionNode[]): string {
  const below = path.filter((n) => n.level !== 'county').map((n) => n.name);
  if (below.length > 0) return below.join(' ');
  return path[0]?.name ?? '全县';
}

const LEVEL_RANK: Readonly<Record<RegionNode['level'], number>> = {
  county: 0,
  township: 1,
  village: 2,
  group: 3,
};

/**
 * The region Enter picks in a picker's search: the one region of the given levels whose name contains
 * `search` (spaces ignored, case-insensitive, as the pickers filter), or, when several do, the one on
 * the highest level among them ('歇马' is 歇马镇, not 歇马街村委会 inside it). Null when that is not one.
 */
export function pickOnEnter(
  nodes: Iterable<RegionNode>,
  search: string,
  levels: ReadonlySet<RegionNode['level']>,
): string | null {
  const q = search.replace(/[\s\u3000]+/g, '').toLowerCase();
  if (q === '') return null;
  let best: RegionNode[] = [];
  for (const n of nodes) {
    const named = n.name.toLowerCase().includes(q) || n.officialName.toLowerCase().includes(q);
    if (!levels.has(n.level) || !named) continue;
    const top = best[0];
    if (top === undefined || LEVEL_RANK[n.level] < LEVEL_RANK[top.level]) best = [n];
    else if (LEVEL_RANK[n.level] === LEVEL_RANK[top.level]) best.push(n);
  }
  return best.length === 1 ? (best[0]?.code ?? null) : null;
}
