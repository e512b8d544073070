// 打印: every paper form the program prints, declared once. The CLI (`forms`, `print FORM`), the contract
// (print.*) and the UI's 打印 buttons all read this list; main/core/print/forms/ holds one template per id.
// See docs/printing.md.
import { CODE_TABLES } from '../code-tables/index.ts';

export type PrintOrientation = 'portrait' | 'landscape';

/** What a form is printed for: a region (a county/township/village/group) or one household (户编号). */
export type PrintTargetKind = 'region' | 'household';

/** A form-specific option (公示期 of the 公示名单 …): its key in `options`, its CLI flag and label. */
export interface PrintOptionDef {
  readonly key: string;
  /** The CLI flag without '--' (e.g. 'days' → --days 5). */
  readonly flag: string;
  readonly label: string;
  /** What the CLI usage and the UI say about it. */
  readonly help: string;
  /** The values it takes (the first is the default), when it is a choice rather than free text. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  /** Given only on the command line: on screen the page itself says it (查人's words), never the dialog. */
  readonly cliOnly?: boolean;
}

/**
 * One of the things a form prints when it prints several (列表打印: a report, or a list as on screen), told
 * apart by the request (`printSourceOf`): which of the form's options and whether 年度 apply to it. The
 * print dialog shows only those; the template prints by it.
 */
export interface PrintSourceDef {
  readonly key: PrintSourceKey;
  readonly label: string;
  /** Takes 年度. */
  readonly year: boolean;
  /** Keys of the form's `options` that apply. */
  readonly options: readonly string[];
}

export type PrintSourceKey = 'report' | 'households' | 'ledger' | 'persons';

export interface PrintFormDef {
  /** The CLI's FORM argument. */
  readonly id: string;
  readonly title: string;
  readonly orientation: PrintOrientation;
  /** What it may be printed for: region batches and/or a single household. */
  readonly targets: readonly PrintTargetKind[];
  /** Takes --year (年度): the register's or the ledgers' year; the latest when not given. */
  readonly year: boolean;
  /** One household per page (a region prints every household of it, one after the other). */
  readonly perHousehold: boolean;
  readonly description: string;
  readonly options?: readonly PrintOptionDef[];
  /** What it prints when it prints several things (列表打印), each with its own options. */
  readonly sources?: readonly PrintSourceDef[];
}

export const definePrintForm = <const T extends PrintFormDef>(def: T): T => def;

export const PRINT_FORMS = [
  definePrintForm({
    id: 'roster',
    title: '村级花名册',
    orientation: 'landscape',
    targets: ['region'],
    year: true,
    perHousehold: false,
    description:
      '一个村（或组）的户和成员，按户排列，表头每页重复，末页有村委会（盖章）、填表人、审核人、日期；选乡镇时逐村打印，每村从新页起、单独编页码。',
    options: [
      {
        key: 'ids',
        flag: 'ids',
        label: '证件号码',
        help: 'masked（脱敏，默认）或 full（完整号码，仅供内部核对）',
      },
    ],
  }),
  definePrintForm({
    id: 'household-plan',
    title: '一户一策 帮扶计划表',
    orientation: 'portrait',
    targets: ['region', 'household'],
    year: true,
    perHousehold: true,
    description: '户基本情况、致贫/返贫风险、帮扶措施、一人一措施和签字栏，每户一页；选村时整村批量打印。',
  }),
  definePrintForm({
    id: 'policy-card',
    title: '政策明白卡',
    orientation: 'portrait',
    targets: ['region', 'household'],
    year: true,
    perHousehold: true,
    description: '户的基本情况和享受的各项政策（金额、年度），每户一页。',
  }),
  definePrintForm({
    id: 'visit-check',
    title: '入户核查表',
    orientation: 'portrait',
    targets: ['region', 'household'],
    year: true,
    perHousehold: true,
    description: '预先印好户的信息，留出两不愁三保障、饮水、疫情影响、问题与整改的勾选栏和签字栏，每户一页。',
  }),
  definePrintForm({
    id: 'migrant-slip',
    title: '外出务工三联单',
    orientation: 'portrait',
    targets: ['region', 'household'],
    year: true,
    perHousehold: false,
    description:
      '务工人员备案单（村留存）、外出务工联络单（本人随身）、用工回执单（用工单位填写寄回），一张 A4 三联，同一流水号。',
    options: [
      {
        key: 'ids',
        flag: 'ids',
        label: '备案单证件号码',
        help: 'full（村留存联印完整号码和本人电话，默认）或 masked（三联都脱敏）；随身联和回执联总是脱敏',
        choices: [
          { value: 'full', label: '村留存联印完整号码' },
          { value: 'masked', label: '三联都脱敏' },
        ],
      },
    ],
  }),
  definePrintForm({
    id: 'notice',
    title: '公示名单',
    orientation: 'portrait',
    targets: ['region'],
    year: true,
    perHousehold: false,
    description:
      '张贴用：只含村/组、户主姓名、人数、属性类别、原因、年度；证件号码脱敏，不含电话、银行账号、健康和残疾情况；底部写公示期和异议受理地点、电话。',
    options: [
      { key: 'days', flag: 'days', label: '公示天数', help: '公示期天数，默认 5 天' },
      { key: 'start', flag: 'start', label: '公示开始日期', help: 'YYYY-MM-DD，默认今天' },
      { key: 'place', flag: 'place', label: '异议受理地点', help: '默认：设置中的地点，或“村委会”' },
      { key: 'phone', flag: 'phone', label: '异议受理电话', help: '默认：设置中的电话' },
      {
        key: 'ids',
        flag: 'ids',
        label: '证件号码',
        help: 'masked（脱敏，默认）或 none（不印）',
        choices: [
          { value: 'masked', label: '脱敏（420626********1234）' },
          { value: 'none', label: '不印证件号码' },
        ],
      },
      {
        key: 'type',
        flag: 'type',
        label: '户类型',
        help: '只列这一户类型（贫困户、脱贫户、监测户…），默认全部在册户',
        choices: [
          { value: '', label: '全部在册户' },
          ...CODE_TABLES.household_type.items.map((i) => ({ value: i.label, label: i.label })),
        ],
      },
    ],
  }),
  definePrintForm({
    id: 'rectification',
    title: '问题整改清单',
    orientation: 'landscape',
    targets: ['region'],
    year: false,
    perHousehold: false,
    description: '一个村或乡镇的问题排查整改记录，含整改措施、时限、状态和销号栏（销号日期、销号人、签字）。',
  }),
  definePrintForm({
    id: 'table',
    title: '列表打印',
    orientation: 'landscape',
    targets: ['region'],
    year: true,
    perHousehold: false,
    description:
      '户列表、报表、专项台账的记录列表或查人的结果按表格打印（表头每页重复、页码）：在户籍台账、报表、专项台账、查人页面点“打印”即按当前筛选、当前报表或当前查找打印。',
    options: [
      { key: 'report', flag: 'report', label: '报表', help: '报表编号（见 reports）；不写时打印户列表' },
      { key: 'asOf', flag: 'as-of', label: '统计日期', help: '报表的统计日期 YYYY-MM-DD，默认今天' },
      {
        key: 'persons',
        flag: 'persons',
        label: '查人',
        help: '查人的查找文字（姓名、证件号码或其后几位、电话）：打印查人的结果（全县，证件号码脱敏）',
        cliOnly: true,
      },
      {
        key: 'status',
        flag: 'status',
        label: '人员状态',
        help: '与 --persons 同用：active（正常，默认）、cancelled（已注销）或 all（全部）',
        choices: [
          { value: 'active', label: '正常' },
          { value: 'cancelled', label: '已注销' },
          { value: 'all', label: '全部（含已注销）' },
        ],
        cliOnly: true,
      },
    ],
    sources: [
      { key: 'households', label: '户列表', year: false, options: [] },
      { key: 'report', label: '报表', year: true, options: ['report', 'asOf'] },
      { key: 'ledger', label: '专项台账的记录列表', year: false, options: [] },
      { key: 'persons', label: '查人的结果', year: false, options: ['persons', 'status'] },
    ],
  }),
] as const satisfies readonly PrintFormDef[];

export type PrintFormId = (typeof PRINT_FORMS)[number]['id'];

export const PRINT_FORM_IDS = PRINT_FORMS.map((f) => f.id) as readonly PrintFormId[];

export function printFormDef(id: string): PrintFormDef | undefined {
  return (PRINT_FORMS as readonly PrintFormDef[]).find((f) => f.id === id);
}

/** What a request asks a form to print: the parts of print.render's request that tell its sources apart. */
export interface PrintSourceRequest {
  readonly options?: Readonly<Record<string, string>>;
  readonly ledgerList?: unknown;
  readonly personList?: unknown;
}

/** Which of the form's sources a request prints (列表打印: 查人, a ledger's list, a report or the 户列表). */
export function printSourceOf(form: PrintFormDef, request: PrintSourceRequest): PrintSourceDef | undefined {
  const key: PrintSourceKey =
    request.personList !== undefined
      ? 'persons'
      : request.ledgerList !== undefined
        ? 'ledger'
        : (request.options?.report ?? '').trim() !== ''
          ? 'report'
          : 'households';
  return form.sources?.find((s) => s.key === key);
}

/**
 * What the print dialog offers for a request: 年度 when it applies, and the form's options that apply to
 * what is printed (all of a form without sources), less those only the command line gives.
 */
export function printedOptions(
  form: PrintFormDef,
  request: PrintSourceRequest,
): { year: boolean; options: readonly PrintOptionDef[] } {
  const source = printSourceOf(form, request);
  const options = (form.options ?? []).filter(
    (o) => o.cliOnly !== true && (source === undefined || source.options.includes(o.key)),
  );
  return { year: source?.year ?? form.year, options };
}

/** Why a value is not one of a choice option's values (null: it is, or the option is free text). */
export function optionChoiceError(o: PrintOptionDef, value: string | undefined): string | null {
  if (!o.choices || value === undefined || value === '' || o.choices.some((c) => c.value === value))
    return null;
  const values = o.choices.filter((c) => c.value !== '').map((c) => c.value);
  return `${o.label}应为 ${values.join('、')} 之一，实为“${value}”`;
}

/** The watermark on every page of a form whose records still have unresolved errors (never refused). */
export const UNVERIFIED_WATERMARK = '未校验';
