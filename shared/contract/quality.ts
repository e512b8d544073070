// 数据质量: run the rules for a region as a background job (progress, cancel), read the counts per rule and
// village and the findings, 豁免, 转为整改 and the xlsx export. The rules live in main/core/quality/rules.
import { z } from 'zod';
import { method } from './define.ts';
import { fileId } from './import.ts';
import { regionCode } from './schemas.ts';

const ids = z.array(z.number().int().positive()).min(1).max(10_000);
const region = z.object({ regionCode: regionCode.nullable().default(null) });

export const qualityJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  /** The rule being checked now. */
  current: z.string().nullable(),
  summary: z
    .object({
      households: z.number().int(),
      rules: z.number().int(),
      /** Open findings (not 豁免). */
      findings: z.number().int(),
      /** Found again but still 豁免 (checked by a clerk). */
      exempt: z.number().int(),
      newFindings: z.number().int(),
      closedRectifications: z.number().int(),
    })
    .nullable(),
  error: z.string().nullable(),
});

export const qualityFinding = z.object({
  id: z.number().int(),
  rule: z.string(),
  level: z.string(),
  title: z.string(),
  message: z.string(),
  region: z.string(),
  regionCode: z.string().nullable(),
  household: z.string().nullable(),
  householdId: z.number().int().nullable(),
  person: z.string().nullable(),
  personId: z.number().int().nullable(),
  ledger: z.string().nullable(),
  recordId: z.number().int().nullable(),
  firstFound: z.string(),
  exempt: z.boolean(),
  exemptReason: z.string().nullable(),
  exemptBy: z.string().nullable(),
  exemptAt: z.string().nullable(),
  rectificationId: z.number().int().nullable(),
});

export const qualityContract = {
  'quality.start': method({
    summary: '开始数据质量核查（后台逐条规则运行，可查看进度、取消）',
    request: region.strict(),
    response: z.object({ jobId: z.string() }),
    errors: ['not-initialized', 'not-found'],
  }),
  'quality.job': method({
    summary: '数据质量核查任务的进度和结果',
    request: z.object({ jobId: z.string() }).strict(),
    response: qualityJob,
    errors: ['not-found'],
  }),
  'quality.cancel': method({
    summary: '取消数据质量核查（已保存的结果不变）',
    request: z.object({ jobId: z.string() }).strict(),
    response: z.object({ cancelled: z.boolean() }),
    errors: [],
  }),
  'quality.summary': method({
    summary: '各规则、各村的问题数（上次核查的结果）',
    request: region.strict(),
    response: z.object({
      lastRun: z.object({ finishedAt: z.string(), households: z.number().int() }).nullable(),
      rules: z.array(
        z.object({
          id: z.string(),
          level: z.string(),
          scope: z.string(),
          title: z.string(),
          family: z.string(),
          description: z.string(),
          count: z.number().int(),
          exempt: z.number().int(),
        }),
      ),
      villages: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          township: z.string(),
          households: z.number().int(),
          findings: z.number().int(),
          householdsWithFindings: z.number().int(),
        }),
      ),
    }),
    errors: ['not-initialized', 'not-found'],
  }),
  'quality.findings': method({
    summary: '问题明细（按规则、村、状态筛选，分页）',
    request: region
      .extend({
        rule: z.string().max(20).nullable().default(null),
        villageCode: regionCode.nullable().default(null),
        state: z.enum(['open', 'exempt', 'all']).default('open'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    response: z.object({ total: z.number().int(), rows: z.array(qualityFinding) }),
    errors: ['not-initialized', 'not-found'],
  }),
  'quality.exempt': method({
    summary: '豁免：核实无误，填写理由（数据改动后失效）',
    request: z.object({ ids, reason: z.string().trim().min(1, '请填写豁免理由').max(200) }).strict(),
    response: z.object({ count: z.number().int() }),
    errors: ['validation'],
  }),
  'quality.unexempt': method({
    summary: '取消豁免',
    request: z.object({ ids }).strict(),
    response: z.object({ count: z.number().int() }),
    errors: ['validation'],
  }),
  'quality.rectify': method({
    summary: '转为整改：为选中的问题各建一条问题整改记录（来源：数据质量）',
    request: z.object({ ids }).strict(),
    response: z.object({ created: z.number().int() }),
    errors: ['validation', 'not-found'],
  }),
  'quality.export': method({
    summary: '导出问题清单：疑点数据统计表和每条规则一张表',
    request: region.strict(),
    response: z.object({
      fileId,
      fileName: z.string(),
      downloadPath: z.string().nullable(),
      rows: z.number().int(),
    }),
    errors: ['not-initialized', 'not-found'],
  }),
};
