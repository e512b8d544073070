// Excel import: choose a file, analyse it off the UI thread (progress, cancel), adjust the column
// mapping, preview, commit as one batch, undo, history.
import { z } from 'zod';
import { method } from './define.ts';
import { regionCode } from './schemas.ts';

const jobId = z.string().regex(/^[\w-]{8,64}$/);
export const fileId = z.string().regex(/^[\w-]{8,64}$/);

const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const importIssue = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  level: z.enum(['error', 'warning']),
  /** 姓名 on that row of the file (null where it has none). */
  name: z.string().nullable(),
  /** A setting of the import screen fixes it ('region': 所属村). */
  fix: z.enum(['region']).optional(),
});

/** A data row that is not written, and why: its own error, or held back with its household. */
export const notImportedRow = z.object({
  row: z.number().int(),
  kind: z.enum(['error', 'held']),
  reason: z.string(),
  name: z.string().nullable().optional(),
});

/** Rows not written by a batch: the exact count and the rows (the first 2,000). */
const notImported = z.object({ count: z.number().int(), rows: z.array(notImportedRow) });

export const columnMapping = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  target: z.string().nullable(),
  confidence: z.number(),
});

export const importPreview = z.object({
  fileName: z.string(),
  sheet: z.string(),
  sheets: z.array(z.object({ name: z.string(), rowCount: z.number().int().nullable(), hidden: z.boolean() })),
  title: z.string().nullable(),
  mapping: z.array(columnMapping),
  /** 整列填同一个值: target key → the value every row gets. */
  constants: z.record(z.string(), z.string()),
  templateUsed: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** Data rows; written + notImportedCount = rows, always. */
  rows: z.number().int(),
  written: z.number().int(),
  households: counts,
  persons: counts,
  /** The thematic ledger the file goes into (null: the household register) and its record counts. */
  into: z.string().nullable(),
  records: counts,
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  errors: z.array(importIssue),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** Rows with errors of their own (not written). */
  invalidRows: z.number().int(),
  /** Every data row that would not be written, with why (the first 2,000; the count is exact). */
  notImported: z.array(notImportedRow),
  notImportedCount: z.number().int(),
  /** Valid rows held back with their household (notImportedCount − invalidRows). */
  heldRows: z.number().int(),
  /** "没有写入任何记录" and why, when no row would be written; else null. */
  nothingWritten: z.string().nullable(),
  newGroups: z.array(z.string()),
  changes: z.array(
    z.object({
      kind: z.enum(['household', 'person', 'record']),
      label: z.string(),
      row: z.number().int(),
      fields: z.array(z.string()),
    }),
  ),
});

export const importJobState = z.object({
  jobId,
  state: z.enum([
    /** Waiting for a worker (at most two imports run at once): `queueAhead` says how many are before it. */
    'queued',
    'reading',
    'analysing',
    'choose-sheet',
    'ready',
    'committing',
    'done',
    'failed',
    'cancelled',
  ]),
  phase: z.string(),
  /** While the job waits for a worker (new, or started again after its idle worker was released). */
  queueAhead: z.number().int().nullable().optional(),
  rowsRead: z.number().int(),
  percent: z.number().nullable(),
  preview: importPreview.nullable(),
  /** 'choose-sheet': several sheets could be the one to import; the clerk picks one (import.remap sheet). */
  sheetChoice: z.object({ sheets: z.array(z.string()), message: z.string() }).nullable(),
  result: z
    .object({
      /** Null: nothing was written (every row unchanged) and no batch recorded; `nothingWritten` says so. */
      batchId: z.number().int().nullable(),
      households: counts,
      persons: counts,
      records: counts,
      written: z.number().int(),
      notImported,
      nothingWritten: z.string().nullable(),
      /** 数据质量 over the households the batch wrote (docs/quality.md); null when the check did not run. */
      quality: z
        .object({ households: z.number().int(), findings: z.number().int(), newFindings: z.number().int() })
        .nullable()
        .optional(),
    })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const importContract = {
  'import.start': method({
    summary: '开始分析一个文件（在后台读取、对应列、校验），返回任务编号',
    request: z
      .object({
        fileId,
        sheet: z.string().max(100).nullable().default(null),
        regionCode: regionCode.nullable().default(null),
        /** A thematic ledger's id (shared/ledgers); null imports households and persons. */
        into: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,40}$/)
          .nullable()
          .default(null),
      })
      .strict(),
    response: z.object({ jobId }),
    errors: ['not-found', 'not-initialized'],
  }),
  'import.status': method({
    summary: '导入任务的进度、预览或结果',
    request: z.object({ jobId }).strict(),
    response: importJobState,
    errors: ['not-found'],
  }),
  'import.remap': method({
    summary: '按调整后的列对应（或整列填同一个值、换一个工作表、所属村）重新校验',
    request: z
      .object({
        jobId,
        mapping: z.record(z.string(), z.string().nullable()).optional(),
        regionCode: regionCode.nullable().optional(),
        sheet: z.string().max(100).optional(),
        /** 整列填同一个值: target key → the value every row gets; null removes it. */
        constants: z.record(z.string().max(60), z.string().trim().min(1).max(200).nullable()).optional(),
      })
      .strict(),
    response: z.object({ jobId }),
    errors: ['not-found', 'validation'],
  }),
  'import.commit': method({
    summary: '写入台账（一次事务、一个批次）；skipInvalid 时跳过有错误的行',
    request: z
      .object({
        jobId,
        skipInvalid: z.boolean().default(false),
        templateName: z.string().trim().max(40).optional(),
      })
      .strict(),
    response: z.object({ jobId }),
    errors: ['not-found', 'validation'],
  }),
  'import.cancel': method({
    summary: '取消导入任务（台账不变）',
    request: z.object({ jobId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
    errors: [],
  }),
  'import.errorReport': method({
    summary: '生成错误报告工作簿：原始行加“错误说明”列，出错单元格标红',
    request: z.object({ jobId }).strict(),
    response: z.object({ fileId, fileName: z.string(), downloadPath: z.string().nullable() }),
    errors: ['not-found'],
  }),
  'import.history': method({
    summary: '导入历史：每批的文件、时间、操作员、计数和撤销情况',
    request: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.array(
      z.object({
        batchId: z.number().int(),
        fileName: z.string().nullable(),
        sheet: z.string().nullable(),
        operator: z.string(),
        createdAt: z.string(),
        households: counts,
        persons: counts,
        into: z.string().nullable(),
        records: counts,
        /** Data rows of the sheet (null for batches recorded before this was kept). */
        dataRows: z.number().int().nullable(),
        notImported,
        undoneAt: z.string().nullable(),
        undoneBy: z.string().nullable(),
      }),
    ),
    errors: [],
  }),
  'import.undo': method({
    summary: '撤销一批导入（之后被修改过的行会阻止撤销）',
    request: z.object({ batchId: z.number().int().positive() }).strict(),
    response: z.object({
      batchId: z.number().int(),
      personsRemoved: z.number().int(),
      householdsRemoved: z.number().int(),
      recordsRemoved: z.number().int(),
    }),
    errors: ['not-found', 'validation', 'conflict'],
  }),
  'files.saveAs': method({
    summary: '（桌面版）把生成的文件另存到用户选择的位置；浏览器模式用下载',
    request: z.object({ fileId }).strict(),
    response: z.object({ savedTo: z.string().nullable() }),
    errors: ['not-found'],
  }),
  'files.pick': method({
    summary: '（桌面版）打开文件选择框，返回所选文件的编号；浏览器模式用上传',
    request: z.object({ purpose: z.enum(['import']) }).strict(),
    response: z.object({ fileId: fileId.nullable(), fileName: z.string().nullable() }),
    errors: [],
  }),
} as const;
