// A thematic ledger (专项台账) as one declarative definition: what each record hangs on, its fields
// (type, code table, required, Excel header aliases), list columns, filters, summary measures and its
// cross-field rules. The machinery in main/core/ledgers and renderer/src/pages/ledgers turns a definition
// into a table, a list, a form, an import target and an export; docs/ledgers.md shows how to add one.
import type { CodeTable } from '../code-tables/define.ts';
import type { FieldType } from '../fields/define.ts';
import type { Issue } from '../rules/issue.ts';

/**
 * What a record hangs on:
 * - person: one 建档立卡 person (by 证件号码); with `personOptional` also people outside the register,
 *   whose name, 证件号码 and place are kept on the record itself;
 * - household: one household (by 户编号);
 * - region: a county/township/village/group (by its names), optionally one household of it;
 * - none: free-standing (an enterprise, a project, a stock item), optionally placed in a region.
 */
export type LedgerSubject = 'person' | 'household' | 'region' | 'none';

export interface LedgerField {
  /** Database column (snake_case); unique within the ledger, not one of the machinery's columns. */
  readonly column: string;
  readonly label: string;
  readonly type: FieldType;
  /** A built-in code table key or one of the ledger's own `codeTables`. */
  readonly codeTable?: string;
  readonly required?: boolean;
  /**
   * Required unless one of these fields has a value (务工状态 unless 是否计划外出务工 is given: a sheet of
   * planned workers has no 务工状态 column). Checked by `checkLedgerValues` for the form, save and import.
   */
  readonly requiredUnless?: readonly string[];
  /**
   * What a new record gets when nothing is given. 'current-year': the year on the clock (a 年度 that keys
   * the record); an import without the column takes the year its title or sheet name states first.
   */
  readonly initial?: 'current-year';
  readonly maxItems?: number;
  readonly min?: number;
  readonly max?: number;
  /** Excel headers that mean this field. */
  readonly aliases?: readonly string[];
  /** Personal data (电话, 证件号码), masked in lists. */
  readonly sensitive?: boolean;
  /** Computed by the ledger's `derive` and never typed or imported (期满日期, 库存). */
  readonly derived?: boolean;
  /**
   * No two records share a value (三联单编号): a partial UNIQUE index over the filled values. Only for a
   * value the program assigns; imported keys stay with `key`, which an older file's duplicates cannot break.
   */
  readonly unique?: boolean;
  /** Free text that gets a whole row and a text area (情况说明, 整改措施). */
  readonly long?: boolean;
  /** A short hint under the input. */
  readonly help?: string;
}

export type LedgerValue = string | number | null;
export type LedgerValues = Record<string, LedgerValue>;

/** What `derive` may ask of the ledger it runs in. */
export interface DeriveContext {
  /** 6-digit code of this ledger's county (e.g. '420626'). */
  readonly countyCode: string;
  /** 6-digit code of a 省/市/县 named in free text ('广东省深圳市宝安区', '宝安区'), null if unknown. */
  placeCode(text: string): string | null;
  /** A county setting of this ledger (its `settings`), or its default. */
  setting(key: string): number;
}

export interface LedgerSetting {
  readonly key: string;
  readonly label: string;
  readonly default: number;
  readonly unit?: string;
}

/** A summary figure of the ledger, counted per township/village for 统计 and `stats --json`. */
export type LedgerMeasure =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'count';
      readonly where?: MeasureWhere | readonly MeasureWhere[];
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'sum';
      readonly column: string;
      readonly where?: MeasureWhere | readonly MeasureWhere[];
    };

/** Records whose `column` holds one of `in` (a code, or 1/0 for 是/否). Several: all of them hold. */
export interface MeasureWhere {
  readonly column: string;
  readonly in: readonly (string | number)[];
}

export interface LedgerDef {
  /** snake_case id: the table is `ledger_<id>`, the CLI says `--into <id>`. */
  readonly id: string;
  readonly name: string;
  /** Where it sits in the 专项台账 menu (就业, 保障, 防疫 …). */
  readonly group: string;
  readonly description: string;
  readonly subject: LedgerSubject;
  /** Person ledgers: records may be about people who are not in the household register. */
  readonly personOptional?: boolean;
  /** Records belong to a record of another ledger (入库/出库 of a 物资, 员工 of a 车间). `key` is the
   * parent's field that names it in forms and import files (名称, 合同号). */
  readonly parent?: { readonly ledger: string; readonly key: string };
  readonly fields: readonly LedgerField[];
  /**
   * What makes two rows the same record, for imports (update instead of a second record): field
   * columns plus 'subject' (the person/household/region) and 'parent'. Empty: every row is a new record.
   */
  readonly key: readonly string[];
  /** Field columns shown in the list after the subject columns. */
  readonly listColumns: readonly string[];
  /**
   * Fields the clerk can sort the list by (a header's arrows): dates, years, codes, amounts and counts,
   * names — never long text, multi-code lists, 是/否 (a filter, not an order) or personal data. Each gets an
   * index (column, id) (table-sql.ts), so a sorted list pages by key like the newest-first one.
   */
  readonly sortColumns: readonly string[];
  /** Code, 是/否 or year fields offered as list filters. */
  readonly filters: readonly string[];
  readonly measures: readonly LedgerMeasure[];
  /** A 年度 field: the 汇总 counts one 年度 at a time (the latest by default), never several added up. */
  readonly summaryYear?: string;
  /**
   * Counted at county scale by a report (基本医疗: a record for every person): each record also keeps its
   * person's household and village (machinery columns kept by triggers, shared/ledgers/report-place.ts),
   * and a covering index holds 年度, village and these columns, so a report groups the records as it
   * scans the index instead of looking up each person and household (docs/reports.md「速度」). Person
   * ledgers only, not `personOptional`.
   */
  readonly reportIndex?: ReportIndex;
  readonly codeTables?: readonly CodeTable[];
  readonly settings?: readonly LedgerSetting[];
  /** Values computed from the others (and the county), applied on every save and import. */
  readonly derive?: (values: Readonly<LedgerValues>, ctx: DeriveContext) => LedgerValues;
  /** Rules across fields, beyond each field's own (required, code table, range). */
  readonly check?: (values: Readonly<LedgerValues>) => Issue[];
  /** Sums over a child ledger's records shown as read-only list columns (库存 = Σ 入库 − Σ 出库). */
  readonly rollups?: readonly {
    readonly column: string;
    readonly label: string;
    readonly child: string;
    readonly sum: string;
  }[];
}

/** The covering index a ledger keeps for the reports (`LedgerDef.reportIndex`). */
export interface ReportIndex {
  /** The 年度 field the reports count one value of; it leads the index. */
  readonly year: string;
  /** The columns the reports' conditions test, grouped in this order. */
  readonly groupBy: readonly string[];
  /** Numeric columns the reports sum, held by the index but not grouped. */
  readonly sums?: readonly string[];
  /**
   * The columns the reports' 户数 conditions test (外出务工's 户数 per 去向): one row per household and 年度
   * keeps the distinct values its records hold in them (report-households.ts), so the households are
   * counted in groups rather than one by one.
   */
  readonly households?: readonly string[];
}

export const defineLedger = <const T extends LedgerDef>(def: T): T => def;
