// 打印 over the contract: the form catalog, one form rendered as HTML (preview), as PDF (a file handed
// to the host like an export) and, in Electron, sent to a printer. Forms: shared/print/forms.ts.
import { z } from 'zod';
import { PRINT_FORMS, type PrintFormId } from '../print/forms.ts';
import { method } from './define.ts';
import { fileId } from './import.ts';
import { householdListQuery, statusFilter } from './register-schemas.ts';
import { recordQuery } from './ledgers.ts';
import { regionCode } from './schemas.ts';

export const printFormId = z.enum(PRINT_FORMS.map((f) => f.id) as [PrintFormId, ...PrintFormId[]]);

export const printRequest = z
  .object({
    form: printFormId,
    /** The village (group, township, county) printed; null with a household. */
    regionCode: regionCode.nullable().default(null),
    /** One household by its 户编号 (the CLI's --household) … */
    householdNo: z.string().trim().min(1).max(40).nullable().default(null),
    /** … or by its id (the household page). */
    householdId: z.number().int().positive().nullable().default(null),
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    /** The form's own options (shared/print/forms.ts `options`), by key. */
    options: z.record(z.string().max(30), z.string().max(200)).default({}),
    /** The 户列表's filters when the list itself is printed (form 'table' without a report). */
    householdList: householdListQuery.omit({ offset: true, limit: true }).optional(),
    /** A 专项台账's record list as on screen (its filters, search, sort) when that list is printed (form 'table'). */
    ledgerList: recordQuery.optional(),
    /** 查人's results as on screen (its words and 正常/已注销) when that list is printed (form 'table'). */
    personList: z
      .object({ q: z.string().trim().min(1).max(40), status: statusFilter.default('active') })
      .strict()
      .optional(),
    /** print.send only: the printer (from print.printers) — printed without a dialog; null: the system dialog. */
    printer: z.string().max(300).nullable().default(null),
  })
  .strict();

const unverified = z.object({
  /** Households/records printed whose data still break a validation rule (shared/rules). */
  count: z.number().int(),
  /** The first few of them, for the message (“张三户：…”). */
  examples: z.array(z.string()),
});

export const printFormInfo = z.object({
  id: printFormId,
  title: z.string(),
  orientation: z.enum(['portrait', 'landscape']),
  targets: z.array(z.enum(['region', 'household'])),
  year: z.boolean(),
  perHousehold: z.boolean(),
  description: z.string(),
  options: z.array(
    z.object({
      key: z.string(),
      flag: z.string(),
      label: z.string(),
      help: z.string(),
      choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
    }),
  ),
  /** What the options start with (remembered settings, today): option key → value. */
  defaults: z.record(z.string(), z.string()),
});

export const printContract = {
  'print.forms': method({
    summary: '可打印的表单：编号、名称、纸张方向、打印对象（区划或户）与选项',
    request: z.object({}).strict(),
    response: z.array(printFormInfo),
    errors: [],
  }),
  'print.render': method({
    summary: '生成一张表单的打印页面（HTML，A4）：用于预览；乡镇花名册按村分成几份，各自编页码',
    request: printRequest,
    response: z.object({
      title: z.string(),
      /** Suggested file name of the PDF (村名-表单-日期.pdf). */
      fileName: z.string(),
      documents: z.array(
        z.object({ label: z.string(), html: z.string(), orientation: z.enum(['portrait', 'landscape']) }),
      ),
      unverified,
    }),
    errors: ['not-found', 'not-initialized', 'validation'],
  }),
  'print.pdf': method({
    summary: '把一张表单生成 PDF 文件（另存为 PDF），返回页数',
    request: printRequest,
    response: z.object({
      fileId,
      fileName: z.string(),
      downloadPath: z.string().nullable(),
      pages: z.number().int(),
      /** Pages of each part (village) in order. */
      documents: z.array(z.object({ label: z.string(), pages: z.number().int() })),
      unverified,
    }),
    errors: ['not-found', 'not-initialized', 'validation'],
  }),
  'print.printers': method({
    summary: '本机的打印机（程序窗口中）；浏览器模式为空表，用浏览器自己的打印',
    request: z.object({}).strict(),
    response: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
    errors: [],
  }),
  'print.send': method({
    summary: '送打印机打印（程序窗口中，弹出系统的打印对话框选择打印机）；浏览器模式用浏览器自己的打印',
    request: printRequest,
    response: z.object({ printed: z.boolean(), pages: z.number().int() }),
    errors: ['not-found', 'not-initialized', 'validation', 'cancelled'],
  }),
};
