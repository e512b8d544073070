// The contract: every operation the UI may ask of the ledger core, declared once. The Electron IPC
// host and the browser-mode HTTP host both validate requests against these schemas, and the
// renderer's typed client is derived from them.
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { exportsContract } from './exports.ts';
import { importContract } from './import.ts';
import { ledgersContract } from './ledgers.ts';
import { migrantSlipsContract } from './migrant-slips.ts';
import { registerContract } from './register.ts';
import { reportsContract } from './reports.ts';
import { printContract } from './print.ts';
import { qualityContract } from './quality.ts';
import { homeContract } from './home.ts';
import { plansContract } from './plans.ts';
import { ownerContract } from './owner.ts';
import { backupsContract } from './backups.ts';
import { scopeContract } from './scope.ts';
import { catalogUnit, countBy, countyCode, countyInfo, regionCode, regionNode } from './schemas.ts';

const empty = z.object({}).strict();

export const contract = {
  'app.info': method({
    summary: '程序与台账文件的基本信息',
    request: empty,
    response: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      ledgerPath: z.string(),
      schemaVersion: z.string(),
      initialized: z.boolean(),
      county: countyInfo.nullable(),
      isSample: z.boolean(),
    }),
    errors: [],
  }),

  'catalog.children': method({
    summary: '官方区划目录：省 → 市 → 县（用于首次选择本县）',
    request: z
      .object({
        parentCode: z
          .string()
          .regex(/^(\d{2}|\d{4})$/)
          .nullable(),
      })
      .strict(),
    response: z.array(catalogUnit),
    errors: ['not-found'],
  }),

  'ledger.create': method({
    summary: '新建台账：按官方区划代码填入本县的乡镇和村',
    request: z.object({ countyCode }).strict(),
    response: z.object({ county: countyInfo, townships: z.number().int(), villages: z.number().int() }),
    errors: ['not-found', 'already-initialized'],
  }),

  'ledger.loadDemo': method({
    summary: '载入示例数据（合成的示例县，标明“示例数据”）',
    request: z
      .object({
        households: z.number().int().min(10).max(20_000).default(2000),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
        countyCode: countyCode.optional(),
        /** Also fill every 专项台账 (the first-run panel does; tests wanting empty ledgers do not). */
        ledgers: z.boolean().optional(),
      })
      .strict(),
    response: z.object({
      county: countyInfo,
      households: z.number().int(),
      persons: z.number().int(),
      /** 专项台账 records written, all ledgers together. */
      records: z.number().int(),
    }),
    errors: ['already-initialized', 'not-found'],
  }),

  'regions.tree': method({
    summary: '本县区划树：县 → 乡镇 → 村 → 组',
    request: empty,
    response: z.array(regionNode),
    errors: ['not-initialized'],
  }),

  'stats.summary': method({
    summary: '首页统计：所选区划的户数、人数与分类计数',
    request: z.object({ regionCode: regionCode.nullable() }).strict(),
    response: z.object({
      region: regionNode,
      households: z.number().int(),
      persons: z.number().int(),
      townships: z.number().int(),
      villages: z.number().int(),
      groups: z.number().int(),
      byPovertyAttribute: countBy,
      byHouseholdType: countBy,
      byPovertyStatus: countBy,
      byMonitorCategory: countBy,
      byMainCause: countBy,
      disabledPersons: z.number().int(),
      dibaoPersons: z.number().int(),
      laborForce: z.number().int(),
    }),
    errors: ['not-initialized', 'not-found'],
  }),

  ...registerContract,
  ...importContract,
  ...ledgersContract,
  ...exportsContract,
  ...reportsContract,
  ...printContract,
  ...migrantSlipsContract,
  ...qualityContract,
  ...homeContract,
  ...plansContract,
  ...ownerContract,
  ...backupsContract,
  ...scopeContract,
} as const satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract[M]['response']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
