// 报表: the report catalog and one report's result — rows (合计, 小计, 乡镇/村) × measure columns with the
// header as merged rows, the parameters it was run with and the notes under the table. The definitions
// live in shared/reports; the numbers are computed live by main/core/reports.
import { z } from 'zod';
import { isRealDate } from '../date-input.ts';
import { method } from './define.ts';
import { exportResult } from './exports.ts';
import { recordView } from './ledgers.ts';
import { regionCode } from './schemas.ts';

export const reportId = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, '报表编号格式不正确');

export const reportParams = z
  .object({
    regionCode: regionCode.nullable().default(null),
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '统计日期应为 YYYY-MM-DD')
      .refine(
        (d) => isRealDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))),
        '统计日期不是有效日期',
      )
      .nullable()
      .default(null),
  })
  .strict();

const measureKind = z.enum(['records', 'households', 'persons', 'sum', 'rate']);

export const reportResult = z.object({
  id: z.string(),
  title: z.string(),
  /** 单位 line: '户、人、元'. */
  unit: z.string(),
  /** 填报单位. */
  reportingUnit: z.string(),
  parameters: z.object({
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int().nullable(),
    asOf: z.string(),
  }),
  /** 年度 present in the report's ledger, newest first (empty when it has none). */
  years: z.array(z.number().int()),
  /** The measures left to right, each with the group labels above it. */
  columns: z.array(
    z.object({ key: z.string(), label: z.string(), kind: measureKind, path: z.array(z.string()) }),
  ),
  /** Header rows of merged cells, top to bottom (the row label columns not included). */
  header: z.array(
    z.array(
      z.object({
        label: z.string(),
        colSpan: z.number().int(),
        rowSpan: z.number().int(),
        key: z.string().nullable(),
      }),
    ),
  ),
  rows: z.array(
    z.object({
      regionCode: z.string(),
      label: z.string(),
      kind: z.enum(['total', 'subtotal', 'unit']),
      /** Measure key → number; a rate whose denominator is 0 is null. */
      values: z.record(z.string(), z.number().nullable()),
    }),
  ),
  notes: z.array(z.string()),
});

const measureRef = z.object({
  key: z.string(),
  label: z.string(),
  kind: measureKind,
  /** The group labels above it and its own: ['计划外出务工', '县内', '户数']. */
  path: z.array(z.string()),
});

/** A household behind a number (户数, or a sum of a household column). */
const drillHousehold = z.object({
  id: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  /** Masked 户主证件号码. */
  headIdNumber: z.string().nullable(),
  /** 乡镇 村 组 as names. */
  place: z.string(),
  /** Active members now. */
  members: z.number().int(),
  /** The summed value (sums only). */
  value: z.number().nullable(),
});

/** A person behind a number (人数); an outsider of a ledger (户籍外) once per record, id = −record id. */
const drillPerson = z.object({
  id: z.number().int(),
  personId: z.number().int().nullable(),
  householdId: z.number().int().nullable(),
  /** The record of a person outside the register (each record one person); null for the others. */
  recordId: z.number().int().nullable(),
  name: z.string().nullable(),
  /** Masked 证件号码. */
  idNumber: z.string().nullable(),
  /** 与户主关系 code (register members). */
  relation: z.string().nullable(),
  householdNo: z.string().nullable(),
  place: z.string(),
  outsideRegister: z.boolean(),
  value: z.number().nullable(),
});

const drillPage = {
  /** What the number counts, left to right as the report shows it; for a rate: its numerator. */
  measure: measureRef,
  /** The rate asked for when `measure` is its numerator, else null. */
  rate: measureRef.nullable(),
  /** The row: 合计, XX镇小计 or the village. */
  rowLabel: z.string(),
  regionCode: z.string(),
  /** Distinct households, persons or records behind the number (= the number for counts). */
  total: z.number().int(),
  /** Sums: Σ of the value over all of them (= the number), and the summed column's label. */
  sum: z.number().nullable(),
  valueLabel: z.string().nullable(),
  offset: z.number().int(),
};

export const drillResult = z.discriminatedUnion('list', [
  z.object({ list: z.literal('households'), ...drillPage, rows: z.array(drillHousehold) }),
  z.object({ list: z.literal('persons'), ...drillPage, rows: z.array(drillPerson) }),
  z.object({
    list: z.literal('records'),
    ...drillPage,
    /** The ledger whose records these are (its list columns show them). */
    ledgerId: z.string(),
    rows: z.array(recordView.extend({ value: z.number().nullable() })),
  }),
]);

export const reportsContract = {
  'reports.list': method({
    summary: '报表目录：每张报表的编号、名称与参数',
    request: z.object({}).strict(),
    response: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        parameters: z.array(z.enum(['region', 'year', 'asOf'])),
        unit: z.string(),
      }),
    ),
    errors: [],
  }),
  'reports.run': method({
    summary: '计算一张报表：合计、各乡镇小计与各村（或一个乡镇的各村）的各项数字',
    request: z.object({ id: reportId }).extend(reportParams.shape).strict(),
    response: reportResult,
    errors: ['not-found', 'not-initialized'],
  }),
  'reports.export': method({
    summary: '把一张报表导出为可直接打印盖章的 Excel（数字与 reports.run 相同；记入操作日志）',
    request: z.object({ id: reportId }).extend(reportParams.shape).strict(),
    response: exportResult,
    errors: ['not-found', 'not-initialized'],
  }),
  'reports.drill': method({
    summary: '查看明细：报表中一个数字背后的户、人或记录（与该数字同一口径，分页）',
    request: z
      .object({
        id: reportId,
        /** The row clicked: the report's region (合计), a 乡镇 (小计) or a village. */
        rowRegionCode: regionCode,
        /** The column clicked (a rate drills to its numerator). */
        measure: z.string().regex(/^[a-z][a-z0-9_]{0,60}$/, '指标编号格式不正确'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .extend(reportParams.shape)
      .strict(),
    response: drillResult,
    errors: ['not-found', 'not-initialized'],
  }),
};
