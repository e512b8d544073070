// How a region is named on screen: always with the places above it, down from the township
// ('城关镇 黄田村 十组'), never a bare '十组' with a level tag beside it. Pure (tests/unit/nav-route-url.test.ts).
import type { RegionNode } from '../state/region-tree-data.ts';

/** The names from the township down; the county's own name when the path is the county (or empty: 全县). */
export function regionPlaceName(path: readonly RegionNode[]): string {
  const below = path.filter((n) => n.level !== 'county').map((n) => n.name);
  if (below.length > 0) return below.join(' ');
  return path[0]?.name ?? '全县';
}

/**
 * The code of the one region of the given levels whose name contains `search` (as the pickers filter:
 * spaces ignored, case-insensitive); null when none or several do.
 */
export function singleMatch(
  nodes: Iterable<RegionNode>,
  search: string,
  levels: ReadonlySet<RegionNode['level']>,
): string | null {
  const q = search.replace(/[\s\u3000]+/g, '').toLowerCase();
  if (q === '') return null;
  let found: string | null = null;
  for (const n of nodes) {
    if (!levels.has(n.level) || !n.name.toLowerCase().includes(q)) continue;
    if (found !== null) return null;
    found = n.code;
  }
  return found;
}
