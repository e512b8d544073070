// Columns → import targets, by header name and the aliases every field declares, with a confidence
// the clerk sees and can override. A saved template (keyed by the header signature) wins over guessing.
import { IGNORED_HEADERS, IMPORT_TARGETS, normalizeHeader, type ImportTarget } from './targets.ts';

export interface SourceColumn {
  index: number;
  letter: string;
  /** Flattened header, e.g. '家庭成员/姓名'. */
  name: string;
  /** The last part, e.g. '姓名'. */
  leaf: string;
}

export interface ColumnMapping {
  index: number;
  letter: string;
  header: string;
  target: string | null;
  /** 1 exact label, 0.9 alias, 0.6 partial, 0 unmapped; 1 for a template's choice. */
  confidence: number;
}

/** Targets that are derived in the ledger and never imported as such. */
export const NEVER_MAPPED_TARGETS: ReadonlySet<string> = new Set(['person.year']);

function score(header: string, t: ImportTarget): number {
  const h = normalizeHeader(header);
  if (h === '') return 0;
  if (normalizeHeader(t.label) === h) return 1;
  if (t.aliases.some((a) => normalizeHeader(a) === h)) return 0.9;
  return 0;
}

function bestTarget(
  col: SourceColumn,
  targets: readonly ImportTarget[],
): { target: string | null; confidence: number } {
  // A grouped header like 户主/姓名 reads as 户主姓名 first, then by its leaf.
  const candidates = [col.name.replaceAll('/', ''), col.leaf, col.name];
  let best: { target: string | null; confidence: number } = { target: null, confidence: 0 };
  for (const [i, text] of candidates.entries()) {
    // 序号/备注/编号 carry nothing for the register, but a ledger may name a field so (备注, 项目编号).
    if (
      IGNORED_HEADERS.some((h) => normalizeHeader(h) === normalizeHeader(text)) &&
      !targets.some((t) => score(text, t) > 0)
    )
      return { target: null, confidence: 0 };
    for (const t of targets) {
      if (NEVER_MAPPED_TARGETS.has(t.key)) continue;
      // The leaf alone is a little less certain than the whole header.
      const s = score(text, t) - (i === 1 && col.leaf !== col.name ? 0.05 : 0);
      if (s > best.confidence) best = { target: t.key, confidence: Math.round(s * 100) / 100 };
    }
  }
  if (best.target === null) {
    const h = normalizeHeader(col.leaf);
    for (const t of targets) {
      if (NEVER_MAPPED_TARGETS.has(t.key) || h.length < 2) continue;
      const label = normalizeHeader(t.label);
      if (label.includes(h) || h.includes(label)) return { target: t.key, confidence: 0.6 };
    }
  }
  return best;
}

/**
 * Several columns may feed one multi-valued field of a thematic ledger: the national export's
 * 致贫/返贫风险1 … 风险5 are one 风险 field here, their values joined.
 */
export const takesSeveralColumns = (t: ImportTarget | undefined): boolean =>
  t !== undefined && t.kind === 'record' && t.field?.type === 'codes';

/** One target per column, each target used at most once (the most confident column keeps it),
 * except multi-valued ledger fields (takesSeveralColumns). */
export function autoMapColumns(
  columns: readonly SourceColumn[],
  template?: Readonly<Record<string, string | null>>,
  targets: readonly ImportTarget[] = IMPORT_TARGETS,
): ColumnMapping[] {
  const mapped = columns.map((col) => {
    const fromTemplate = template && Object.hasOwn(template, col.name) ? template[col.name] : undefined;
    const guess =
      fromTemplate !== undefined ? { target: fromTemplate, confidence: 1 } : bestTarget(col, targets);
    return { index: col.index, letter: col.letter, header: col.name, ...guess };
  });
  const several = new Set(targets.filter(takesSeveralColumns).map((t) => t.key));
  const owner = new Map<string, ColumnMapping>();
  for (const m of mapped) {
    if (m.target === null || several.has(m.target)) continue;
    const current = owner.get(m.target);
    if (!current || m.confidence > current.confidence) owner.set(m.target, m);
  }
  return mapped.map((m) =>
    m.target !== null && !several.has(m.target) && owner.get(m.target) !== m
      ? { ...m, target: null, confidence: 0 }
      : m,
  );
}

/** Identifies "the same kind of file": the normalised header names in order. */
export function headerSignature(columns: readonly SourceColumn[]): string {
  return columns.map((c) => normalizeHeader(c.name)).join('|');
}
