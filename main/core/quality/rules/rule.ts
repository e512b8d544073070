// One 数据质量 rule, declared once: id (P-AGE-03), level, scope, title, what it checks, and the check —
// one set-based SELECT over the households in the run's scope (preferred: a county has 400,000 people), or
// a function where a shared entry rule (shared/rules) already says it and must not be written twice.
import type { Ledger } from '../../db/open-ledger.ts';

export type QualityLevel = '错误' | '疑点';

/** 人, 户, 村, or the id of the thematic ledger whose records the rule looks at. */
export type QualityScope = '人' | '户' | '村' | (string & {});

/**
 * A row a check returns. `household_id`/`person_id`/`record_id`/`region_code` say what fires; every other
 * column is a value the rule looked at: the message is made from them, and their fingerprint decides whether
 * a 豁免 still holds.
 */
export interface FindingRow {
  household_id: number | null;
  person_id: number | null;
  record_id: number | null;
  region_code: string | null;
  [column: string]: string | number | null;
}

export interface RuleContext {
  readonly ledger: Ledger;
  /** Named SQL parameters every query gets: @asof (the data date: ages and deadlines), @school_date, @today, @year (data year). */
  readonly params: Readonly<Record<string, string | number>>;
  /** A value computed once per run and shared by the function rules that need it. */
  memo<T>(key: string, compute: () => T): T;
}

export interface QualityRule {
  readonly id: string;
  readonly level: QualityLevel;
  readonly scope: QualityScope;
  /** Short name in lists and the 疑点数据统计表. */
  readonly title: string;
  /** What it checks, one sentence (docs/quality.md, the results screen). */
  readonly description: string;
  /** Family for grouping: 身份与结构, 年龄与就学劳动 … */
  readonly family: string;
  /** The thematic ledger whose record fires (for the link to fix it). */
  readonly ledger?: string;
  /** Skipped while this ledger has no records at all: a county that does not keep it is not "missing" them. */
  readonly needsLedger?: string;
  /** Looks at records that hang on a region (and maybe no household): scoped by region, not by household. */
  readonly byRegion?: boolean;
  /** A SELECT giving FindingRow columns; restricts households with SCOPE (and region-only records with REGION_SCOPE). */
  readonly sql?: string;
  readonly run?: (ctx: RuleContext) => FindingRow[];
  /** The plain-Chinese message naming the record and the field. */
  readonly message: (row: Readonly<FindingRow>) => string;
}

export const defineRule = (rule: QualityRule): QualityRule => rule;
