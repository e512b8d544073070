// Places rows in the county's tree by the 乡镇/村/组 names clerks write: 尧治河村 is 尧治河村委会,
// 光千社区 is 光千社区居委会, 3组 is 三组. A name that matches nothing is an error listing the closest ones.
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { regionTree } from '../regions/region-tree.ts';

const SUFFIX = /(村民委员会|居民委员会|社区居委会|村委会|居委会|委员会|办事处)$/;
const CORE_SUFFIX = /(村|社区|居委|镇|乡|街道|组|小组|村民小组)$/;
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** '尧治河村委会' → '尧治河村'; '光千社区居委会' → '光千社区'. */
export const canonicalName = (name: string): string =>
  name
    .replace(/[\s\u3000]+/g, '')
    .replace(SUFFIX, '')
    .replace(/^(.+村)村$/, '$1');
/** The name without its kind: '尧治河村' → '尧治河'. */
const coreName = (name: string): string => canonicalName(name).replace(CORE_SUFFIX, '');

/** 1 → 一, 12 → 十二, 21 → 二十一 (group names). */
function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

const groupKey = (name: string): string =>
  name
    .replace(/[\s\u3000]+/g, '')
    .replace(/(村民小组|小组|组)$/, '')
    .replace(/^第/, '')
    .replace(/^\d+$/, (d) => chineseNumber(Number(d)));

function closest(name: string, nodes: readonly RegionNode[], n = 3): string[] {
  const want = new Set(coreName(name));
  return [...nodes]
    .map((node) => ({ node, common: [...new Set(coreName(node.name))].filter((ch) => want.has(ch)).length }))
    .filter((x) => x.common > 0)
    .sort((a, b) => b.common - a.common || a.node.name.localeCompare(b.node.name, 'zh'))
    .slice(0, n)
    .map((x) => x.node.name);
}

export type PlaceResult =
  | { ok: true; villageCode: string; groupCode: string | null; newGroup: string | null }
  | { ok: false; message: string };

export class PlaceResolver {
  readonly #nodes: RegionNode[];
  readonly #byParent = new Map<string | null, RegionNode[]>();
  readonly #cache = new Map<string, PlaceResult>();

  constructor(ledger: Ledger) {
    this.#nodes = regionTree(ledger);
    for (const n of this.#nodes) {
      const list = this.#byParent.get(n.parentCode) ?? [];
      list.push(n);
      this.#byParent.set(n.parentCode, list);
    }
  }

  /**
   * A village named in the sheet's title or name ('榔桥镇黄田村建档立卡贫困户花名册'), for files without a
   * 村 column: only an unambiguous match counts (a township named too breaks ties).
   */
  guessVillage(text: string): RegionNode | null {
    const clean = text.replace(/[\s\u3000]+/g, '');
    if (clean === '') return null;
    const villages = this.#nodes.filter(
      (n) => n.level === 'village' && clean.includes(canonicalName(n.name)),
    );
    if (villages.length <= 1) return villages[0] ?? null;
    const withTown = villages.filter((v) => {
      const town = this.node(v.parentCode ?? '');
      return town !== undefined && clean.includes(canonicalName(town.name));
    });
    return withTown.length === 1 ? (withTown[0] ?? null) : null;
  }

  /** The township a name means, or why none (for records placed at township level). */
  township(name: string): { ok: true; code: string } | { ok: false; message: string } {
    const townships = this.#nodes.filter((n) => n.level === 'township');
    const found = this.#match(name, townships);
    if (found.length === 1 && found[0]) return { ok: true, code: found[0].code };
    return { ok: false, message: `乡镇“${name}”不在本县区划中${hint(closest(name, townships))}` };
  }

  node(code: string): RegionNode | undefined {
    return this.#nodes.find((n) => n.code === code);
  }

  #match(name: string, candidates: readonly RegionNode[]): RegionNode[] {
    const exact = candidates.filter((c) => c.name === name);
    if (exact.length > 0) return exact;
    const canon = candidates.filter((c) => canonicalName(c.name) === canonicalName(name));
    if (canon.length > 0) return canon;
    return candidates.filter((c) => coreName(c.name) === coreName(name) && coreName(name) !== '');
  }

  /**
   * Names from the file (any may be null) plus the region the clerk chose for files without them.
   * A group that does not exist yet is reported as `newGroup` (created on commit).
   */
  resolve(
    township: string | null,
    village: string | null,
    group: string | null,
    fallback: string | null,
  ): PlaceResult {
    const key = `${township}|${village}|${group}|${fallback}`;
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const result = this.#resolve(township, village, group, fallback);
    this.#cache.set(key, result);
    return result;
  }

  #resolve(
    township: string | null,
    village: string | null,
    group: string | null,
    fallback: string | null,
  ): PlaceResult {
    const fb = fallback ? this.node(fallback) : undefined;
    let townships = this.#nodes.filter((n) => n.level === 'township');
    if (township) {
      const found = this.#match(township, townships);
      if (found.length === 0)
        return { ok: false, message: `乡镇“${township}”不在本县区划中${hint(closest(township, townships))}` };
      townships = found;
    } else if (fb?.level === 'township') townships = [fb];
    const villagesIn = townships.flatMap((t) => this.#byParent.get(t.code) ?? []);
    let villageNode: RegionNode | undefined;
    if (village) {
      const found = this.#match(village, villagesIn);
      if (found.length === 0) {
        const where = township ? `${township}` : '本县';
        return {
          ok: false,
          message: `村“${village}”不在${where}的区划中${hint(closest(village, villagesIn))}`,
        };
      }
      if (found.length > 1) {
        return {
          ok: false,
          message: `村“${village}”在多个乡镇都有（${found.map((f) => this.node(f.parentCode ?? '')?.name ?? '').join('、')}），请在文件中加上乡镇列或先选择乡镇`,
        };
      }
      villageNode = found[0];
    } else if (fb?.level === 'village') villageNode = fb;
    else if (fb?.level === 'group') villageNode = this.node(fb.parentCode ?? '');
    if (!villageNode)
      return { ok: false, message: '文件中没有村的信息：请在导入时选择这些户所属的村（或组）' };
    if (!group) {
      const groupCode = !village && fb?.level === 'group' ? fb.code : null;
      return { ok: true, villageCode: villageNode.code, groupCode, newGroup: null };
    }
    const groups = this.#byParent.get(villageNode.code) ?? [];
    const g = groups.find((x) => groupKey(x.name) === groupKey(group));
    if (g) return { ok: true, villageCode: villageNode.code, groupCode: g.code, newGroup: null };
    const name = /^\d+$/.test(groupKey(group)) ? `${group}` : `${groupKey(group)}组`;
    return { ok: true, villageCode: villageNode.code, groupCode: null, newGroup: name };
  }
}

const hint = (names: string[]) => (names.length > 0 ? `；最接近的有：${names.join('、')}` : '');
