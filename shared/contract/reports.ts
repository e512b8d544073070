// 报表: the report catalog and one report's result — rows (合计, 小计, 乡镇/村) × measure columns with the
// header as merged rows, the parameters it was run with and the notes under the table. The definitions
// live in shared/reports; the numbers are computed live by main/core/reports.
import { z } from 'zod';
import { isRealDate } from '../date-input.ts';
import { method } from './define.ts';
import { exportResult } from './exports.ts';
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
};
