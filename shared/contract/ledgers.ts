// 专项台账: the thematic ledgers' records — list with filters, one record, create/update/delete, the
// records of one household, summaries per township, export of the current view, settings, history.
// Values are checked here for shape only; each ledger's definition checks them on the server.
import { z } from 'zod';
import { method } from './define.ts';
import { auditEntry, entityId } from './register-schemas.ts';
import { regionCode } from './schemas.ts';
import { exportOptions, exportResult } from './exports.ts';

export const ledgerId = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, '台账编号格式不正确');
const column = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
const value = z.union([z.string().max(2000), z.number().finite(), z.null()]);
export const recordValues = z.record(column, value);

/** What a new record hangs on (which of these is needed depends on the ledger). */
export const recordLink = z
  .object({
    personId: entityId.optional(),
    householdId: entityId.optional(),
    regionCode: regionCode.optional(),
    parentId: entityId.optional(),
    /** A person outside the register (ledgers with personOptional). */
    personName: z.string().trim().min(1).max(50).optional(),
    personIdNumber: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

export const recordView = z.object({
  id: z.number().int(),
  ledgerId: z.string(),
  subject: z.object({
    personId: z.number().int().nullable(),
    householdId: z.number().int().nullable(),
    /** Person's or 户主's name, the region's name for region ledgers. */
    name: z.string().nullable(),
    /** Masked 证件号码. */
    idNumber: z.string().nullable(),
    householdNo: z.string().nullable(),
    regionCode: z.string().nullable(),
    /** 乡镇 村 组 as names. */
    place: z.string(),
    /** A person-ledger record about someone not in the register. */
    outsideRegister: z.boolean(),
    parentId: z.number().int().nullable(),
    parentLabel: z.string().nullable(),
  }),
  values: recordValues,
  /** Sums over child records (库存). */
  rollups: z.record(z.string(), z.number()),
  origin: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const recordQuery = z
  .object({
    ledgerId,
    regionCode: regionCode.nullable().default(null),
    /** column → accepted values ('' = 未填写). */
    filters: z.record(column, z.array(z.union([z.string().max(20), z.number()])).max(50)).default({}),
    search: z.string().trim().max(50).optional(),
    parentId: entityId.optional(),
    sort: z.object({ column, order: z.enum(['asc', 'desc']) }).optional(),
  })
  .strict();

const summaryRow = z.object({
  regionCode: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.number()),
});

export const ledgersContract = {
  'ledgers.list': method({
    summary: '专项台账目录：每本台账的名称、分组和所选区划内的记录数',
    request: z.object({ regionCode: regionCode.nullable().default(null) }).strict(),
    response: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        group: z.string(),
        subject: z.string(),
        records: z.number().int(),
      }),
    ),
    errors: ['not-initialized'],
  }),
  'ledgers.records': method({
    summary: '一本台账的记录（筛选、搜索、排序、分页）',
    request: recordQuery.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ total: z.number().int(), rows: z.array(recordView) }),
    errors: ['not-found', 'validation'],
  }),
  'ledgers.record': method({
    summary: '一条记录',
    request: z.object({ ledgerId, id: entityId }).strict(),
    response: recordView,
    errors: ['not-found'],
  }),
  'ledgers.create': method({
    summary: '新增一条记录（按台账定义校验）',
    request: z.object({ ledgerId, link: recordLink, values: recordValues }).strict(),
    response: recordView,
    errors: ['not-found', 'validation', 'conflict'],
  }),
  'ledgers.derive': method({
    summary: '按台账定义计算自动得出的值（表单中边填边显示，如去向类别、期满日期），不写入',
    request: z.object({ ledgerId, values: recordValues }).strict(),
    response: z.object({ values: recordValues }),
    errors: ['not-found', 'validation', 'not-initialized'],
  }),
  'ledgers.update': method({
    summary: '修改一条记录（只传改动的字段）',
    request: z.object({ ledgerId, id: entityId, values: recordValues }).strict(),
    response: recordView,
    errors: ['not-found', 'validation'],
  }),
  'ledgers.delete': method({
    summary: '删除一条记录（记入修改历史）',
    request: z.object({ ledgerId, id: entityId }).strict(),
    response: z.object({ deleted: z.literal(true) }),
    errors: ['not-found', 'conflict'],
  }),
  'ledgers.forHousehold': method({
    summary: '一户及其成员在各专项台账中的记录（户页面的标签页）',
    request: z.object({ householdId: entityId }).strict(),
    response: z.array(z.object({ ledgerId: z.string(), rows: z.array(recordView) })),
    errors: ['not-found'],
  }),
  'ledgers.summary': method({
    summary: '台账汇总：按乡镇（选了乡镇则按村）统计各项指标，合计在前',
    request: z
      .object({
        ledgerId,
        regionCode: regionCode.nullable().default(null),
        // Ledgers kept by 年度 (summaryYear): the 年度 to count; null: the latest one.
        year: z.number().int().min(1900).max(2100).nullable().default(null),
      })
      .strict(),
    response: z.object({
      measures: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['count', 'sum']) })),
      /** The 年度 counted (null: the ledger is not kept by 年度, or has no records) and every 年度 it holds. */
      year: z.number().nullable(),
      years: z.array(z.number()),
      total: summaryRow,
      rows: z.array(summaryRow),
    }),
    errors: ['not-found', 'not-initialized'],
  }),
  'ledgers.exportSummary': method({
    summary: '把台账汇总导出为报表样式的 Excel（与汇总页数字相同；记入操作日志）',
    request: z
      .object({
        ledgerId,
        regionCode: regionCode.nullable().default(null),
        year: z.number().int().min(1900).max(2100).nullable().default(null),
      })
      .strict(),
    response: exportResult,
    errors: ['not-found', 'not-initialized'],
  }),
  'ledgers.export': method({
    summary: '把当前筛选的记录导出为花名册 Excel（可脱敏；完整证件号码超过 100 人需确认）',
    request: recordQuery.extend(exportOptions).strict(),
    response: exportResult,
    errors: ['not-found', 'validation'],
  }),
  'ledgers.settings': method({
    summary: '台账的县级设置（补助标准、隔离天数等）',
    request: z.object({ ledgerId }).strict(),
    response: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        value: z.number(),
        default: z.number(),
        unit: z.string().nullable(),
      }),
    ),
    errors: ['not-found'],
  }),
  'ledgers.setSetting': method({
    summary: '修改台账的一项设置',
    request: z.object({ ledgerId, key: column, value: z.number().finite().min(0).max(1e9) }).strict(),
    response: z.object({ key: z.string(), value: z.number() }),
    errors: ['not-found', 'validation'],
  }),
  'ledgers.history': method({
    summary: '一条记录的修改历史',
    request: z.object({ ledgerId, id: entityId }).strict(),
    response: z.array(auditEntry),
    errors: ['not-found'],
  }),
} as const;
