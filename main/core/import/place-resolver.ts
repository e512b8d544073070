// Places rows in the county's tree by the 乡镇/村/组 names clerks write: 尧治河村 is 尧治河村委会,
// 光千社区 is 光千社区居委会, 3组 is 三组. A township may hold both 老街村 (村委会) and 老街社区 (居委会):
// they are different places, so a name is first matched as written (its 村/社区 kept) and only a name
// without its kind (老街) falls back to matching either. A name that matches nothing is an error listing
// the closest ones; one that truly fits several names each candidate with its township.
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { regionTree } from '../regions/region-tree.ts';
import type { ImportIssue } from './import-types.ts';

const SPACES = /[\s\u3000]+/g;
const KIND = /(村|社区|镇|乡|街道|组|小组|村民小组)$/;
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The name as clerks write it: '老街村委会' → '老街村', '老街村村委会' → '老街村', '光千社区居委会' and
 * '光千居委会' → '光千社区', '城关街道办事处' → '城关街道'.
 */
export const writtenName = (name: string): string =>
  name
    .replace(SPACES, '')
    .replace(/(村民委员会|村委会)$/, '村')
    .replace(/(社区居民委员会|社区居委会|居民委员会|居委会)$/, '社区')
    .replace(/(街道)?办事处$/, '街道')
    .replace(/^(.+村)村$/, '$1');
/** The name without its kind: '尧治河村' → '尧治河' (matched only when nothing fits as written). */
const coreName = (name: string): string => writtenName(name).replace(KIND, '');

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
  | { ok: false; message: string; fix?: ImportIssue['fix'] };

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
   * 村 column: only an unambiguous match counts. A township named too narrows the search, and its own
   * name is not read as a village's ('黄堡镇大竹园村…' names 大竹园村, not 黄堡村).
   */
  guessVillage(text: string, within: string | null = null): RegionNode | null {
    const clean = text.replace(SPACES, '');
    if (clean === '') return null;
    const towns = this.#townshipsIn(clean);
    let rest = clean;
    for (const t of towns) rest = rest.replaceAll(writtenName(t.name), '|');
    // `within`: the township the clerk chose; only its villages count.
    const villages = this.#nodes.filter(
      (n) => n.level === 'village' && (within === null || n.parentCode === within),
    );
    const inTowns = villages.filter((v) => towns.some((t) => t.code === v.parentCode));
    return (towns.length > 0 ? namedIn(rest, inTowns) : null) ?? namedIn(rest, villages);
  }

  /** The one township named in a title or sheet name ('店垭镇脱贫户花名册'), if any. */
  guessTownship(text: string): RegionNode | null {
    const towns = this.#townshipsIn(text.replace(SPACES, ''));
    return towns.length === 1 ? (towns[0] ?? null) : null;
  }

  #townshipsIn(clean: string): RegionNode[] {
    return this.#nodes.filter((n) => n.level === 'township' && clean.includes(writtenName(n.name)));
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

  /** Candidates the name means: the official name, else the name as written (its 村/社区 kept), else the
   * name without its kind (老街 fits both 老街村 and 老街社区). */
  #match(name: string, candidates: readonly RegionNode[]): RegionNode[] {
    const clean = name.replace(SPACES, '');
    const exact = candidates.filter((c) => c.name === clean);
    if (exact.length > 0) return exact;
    const written = candidates.filter((c) => writtenName(c.name) === writtenName(clean));
    if (written.length > 0) return written;
    const core = coreName(clean);
    return core === '' ? [] : candidates.filter((c) => coreName(c.name) === core);
  }

  /** '店垭镇 老街村委会' (the township and the full name, as the tree has them). */
  #fullName(n: RegionNode): string {
    const town = this.node(n.parentCode ?? '');
    return town === undefined ? n.name : `${town.name} ${n.name}`;
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
    /** A township named in the title: a village name is looked for there first. */
    titleTownship: string | null = null,
  ): PlaceResult {
    const key = `${township}|${village}|${group}|${fallback}|${titleTownship}`;
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const result = this.#resolve(township, village, group, fallback, titleTownship);
    this.#cache.set(key, result);
    return result;
  }

  #resolve(
    township: string | null,
    village: string | null,
    group: string | null,
    fallback: string | null,
    titleTownship: string | null,
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
      const inTitleTown =
        township || titleTownship === null || fb?.level === 'township'
          ? []
          : this.#match(village, this.#byParent.get(titleTownship) ?? []);
      const found = inTitleTown.length > 0 ? inTitleTown : this.#match(village, villagesIn);
      if (found.length === 0) {
        const where = township ?? (fb?.level === 'township' ? fb.name : '本县');
        return {
          ok: false,
          message: `村“${village}”不在${where}的区划中${hint(closest(village, villagesIn))}`,
        };
      }
      if (found.length > 1) {
        return {
          ok: false,
          message: `村“${village}”不止一个：${found.map((f) => this.#fullName(f)).join('、')}。${
            new Set(found.map((f) => f.parentCode)).size === 1
              ? `请写全村名（${found.map((f) => `“${writtenName(f.name)}”`).join('或')}）`
              : '请在文件中加上乡镇列，或在导入时选择乡镇'
          }`,
        };
      }
      villageNode = found[0];
    } else if (fb?.level === 'village') villageNode = fb;
    else if (fb?.level === 'group') villageNode = this.node(fb.parentCode ?? '');
    if (!villageNode)
      return { ok: false, message: '文件中没有村的信息，不知道这些户属于哪个村', fix: 'region' };
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

/**
 * The one node whose name as written appears in `text` (a longer name wins over one it contains:
 * 大东坪村 over 东坪村), else the one whose name without its kind does.
 */
function namedIn(text: string, nodes: readonly RegionNode[]): RegionNode | null {
  const found = nodes.filter((n) => text.includes(writtenName(n.name)));
  const longest = found.filter(
    (n) => !found.some((m) => m !== n && writtenName(m.name).includes(writtenName(n.name))),
  );
  if (longest.length > 0) return longest.length === 1 ? (longest[0] ?? null) : null;
  const byCore = nodes.filter((n) => coreName(n.name).length >= 2 && text.includes(coreName(n.name)));
  return byCore.length === 1 ? (byCore[0] ?? null) : null;
}

const hint = (names: string[]) => (names.length > 0 ? `；最接近的有：${names.join('、')}` : '');
