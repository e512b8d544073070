// A statistics report (报表) as one declarative definition: what it counts (one thematic ledger's records,
// or the household register), its parameters, and a tree of column groups whose leaves are measures —
// records, distinct households, distinct persons, sums and rates. The rows are always the regions: 合计
// first, then each 乡镇 (小计) with its villages at county level, the villages of one 乡镇 at township
// level, every region listed with zeros. main/core/reports turns a definition into Kysely queries and a
// JSON result (shared/contract/reports.ts); docs/reports.md shows how to add one.

/** Which parameters a report takes besides the region (every report takes a region). */
export type ReportParameter = 'year' | 'asOf';

/**
 * What the report counts:
 * - a thematic ledger's records (`ledger`: its id), with the person and household they reach;
 * - 'register': the active households of the 建档立卡 register with their active members.
 */
export type ReportSource = { readonly ledger: string } | 'register';

/**
 * A condition on one column. `on` says whose column: the ledger record's (default), the household's or
 * the person's. `in` lists codes (or 1/0 for 是/否); '' means 未填写. Several conditions: all must hold.
 */
export type ReportWhere =
  | {
      readonly column: string;
      readonly on?: 'record' | 'household' | 'person';
      readonly in: readonly (string | number)[];
    }
  /** A numeric column holding more than 0 (享受交通补贴: an amount given). */
  | { readonly column: string; readonly on?: 'record' | 'household' | 'person'; readonly positive: true }
  /** A date column on or before the report's as-of date (开工, 竣工 by then); blank never counts. */
  | { readonly column: string; readonly on?: 'record'; readonly byAsOf: true }
  /** A date column strictly before the as-of date (到期 before it: 逾期). */
  | { readonly column: string; readonly on?: 'record'; readonly beforeAsOf: true };

type Where = ReportWhere | readonly ReportWhere[];

/** What every counting measure may say: its conditions and, if not the report's, its own source. */
interface Counted {
  readonly key: string;
  readonly label: string;
  readonly where?: Where;
  /** Counted from another source than the report's (建档立卡 户数 beside a ledger's figures). */
  readonly source?: ReportSource;
}

/** One number per row: the leaf of the column tree. `key` is unique within the report. */
export type ReportMeasure =
  /** Records that meet `where`. */
  | (Counted & { readonly kind: 'records' })
  /** Distinct households among the records that meet `where` (户数: a household once however many records). */
  | (Counted & { readonly kind: 'households' })
  /** Distinct persons among the records that meet `where` (人数: a person once however many records). */
  | (Counted & { readonly kind: 'persons' })
  /** Sum of a numeric record column over the records that meet `where`. */
  | (Counted & {
      readonly kind: 'sum';
      readonly column: string;
      /** Whose column (the record's by default). */
      readonly on?: 'record' | 'household' | 'person';
    })
  /** `of` ÷ `per` of this row as a percentage (one decimal); null where `per` is 0. */
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'rate';
      readonly of: string;
      readonly per: string;
    };

/** A column group with a header spanning its children, or a measure. */
export type ReportColumn =
  ReportMeasure | { readonly label: string; readonly children: readonly ReportColumn[] };

export interface ReportDef {
  /** kebab-free snake_case id, as the CLI says it: `report <id>`. */
  readonly id: string;
  readonly title: string;
  readonly source: ReportSource;
  /** `year` needs the ledger's 年度 field (its `summaryYear`, or `yearField`); the latest 年度 by default. */
  readonly parameters: readonly ReportParameter[];
  /** The source ledger's 年度 field when it is not the ledger's `summaryYear` (基本医疗's 年度). */
  readonly yearField?: string;
  /** 单位 on the 填报单位 line: '户、人', '元' … */
  readonly unit: string;
  readonly columns: readonly ReportColumn[];
  /** Printed under the table (户数 do not add across columns …). */
  readonly notes?: readonly string[];
}

export const defineReport = <const T extends ReportDef>(def: T): T => def;

export const isMeasure = (c: ReportColumn): c is ReportMeasure => 'kind' in c;

/** The measures of a report, left to right. */
export function reportMeasures(def: ReportDef): ReportMeasure[] {
  const out: ReportMeasure[] = [];
  const walk = (cols: readonly ReportColumn[]) => {
    for (const c of cols) {
      if (isMeasure(c)) out.push(c);
      else walk(c.children);
    }
  };
  walk(def.columns);
  return out;
}

/** The conditions of a measure as a list. */
export const whereList = (w: Where | undefined): readonly ReportWhere[] =>
  w === undefined ? [] : Array.isArray(w) ? (w as readonly ReportWhere[]) : [w as ReportWhere];
