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
}

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
      '户列表或报表按表格打印（表头每页重复、页码）：在户籍台账、报表页面点“打印”即按当前筛选或当前报表打印。',
    options: [
      { key: 'report', flag: 'report', label: '报表', help: '报表编号（见 reports）；不写时打印户列表' },
      { key: 'asOf', flag: 'as-of', label: '统计日期', help: '报表的统计日期 YYYY-MM-DD，默认今天' },
    ],
  }),
] as const satisfies readonly PrintFormDef[];

export type PrintFormId = (typeof PRINT_FORMS)[number]['id'];

export const PRINT_FORM_IDS = PRINT_FORMS.map((f) => f.id) as readonly PrintFormId[];

export function printFormDef(id: string): PrintFormDef | undefined {
  return (PRINT_FORMS as readonly PrintFormDef[]).find((f) => f.id === id);
}

/** The watermark on every page of a form whose records still have unresolved errors (never refused). */
export const UNVERIFIED_WATERMARK = '未校验';
