// 一户一策 帮扶计划: 新建 a household's plan for a 年度 prefilled from the register and the ledgers, and
// 为本村生成计划 for every household of a place that has none for the year. The plan itself is then an
// ordinary record of the household_plans ledger (ledgers.* methods).
import { z } from 'zod';
import { method } from './define.ts';
import { entityId } from './register-schemas.ts';
import { regionCode } from './schemas.ts';

const year = z.number().int().min(2014).max(2100);

export const plansContract = {
  'plans.create': method({
    summary: '新建一户一策帮扶计划：按户籍台账和各专项台账自动填写；该户该年度已有计划时原样返回',
    request: z.object({ householdId: entityId, year }).strict(),
    response: z.object({
      planId: z.number().int(),
      created: z.boolean(),
      measures: z.number().int(),
    }),
    errors: ['not-found', 'validation', 'not-initialized'],
  }),
  'plans.createForRegion': method({
    summary: '为本村（组、乡镇）生成一户一策帮扶计划：只为该年度还没有计划的户生成，已有的计划不变',
    request: z.object({ regionCode, year }).strict(),
    response: z.object({
      households: z.number().int(),
      created: z.number().int(),
      existing: z.number().int(),
      measures: z.number().int(),
    }),
    errors: ['not-found', 'validation', 'not-initialized'],
  }),
};
