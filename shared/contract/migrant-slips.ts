// 外出务工三联单: look a slip up by the 三联单编号 printed on it, and record its returned 用工回执单 (回执日期,
// 到岗日期, the employer's details). The ledger's own rules check the dates on the server.
import { z } from 'zod';
import { method } from './define.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const serial = z.string().trim().min(1, '请填写三联单编号').max(40);

export const slipView = z.object({
  recordId: z.number().int(),
  serial: z.string(),
  year: z.number().int().nullable(),
  name: z.string(),
  /** Masked 证件号码. */
  idNumber: z.string(),
  householdNo: z.string(),
  place: z.string(),
  status: z.string().nullable(),
  workPlace: z.string().nullable(),
  employer: z.string().nullable(),
  employerPhone: z.string().nullable(),
  employmentProof: z.number().int().nullable(),
  filedDate: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  receiptDate: z.string().nullable(),
});

export const migrantSlipsContract = {
  'migrantSlips.find': method({
    summary: '按三联单编号查找外出务工人员（登记回执前核对是谁的三联单）',
    request: z.object({ serial }).strict(),
    response: slipView,
    errors: ['not-found', 'validation', 'not-initialized'],
  }),
  'migrantSlips.receipt': method({
    summary: '登记寄回的用工回执单：回执日期、到岗日期、用工单位',
    request: z
      .object({
        serial,
        receiptDate: isoDate,
        arrivalDate: isoDate.nullable().optional(),
        employer: z.string().trim().max(200).nullable().optional(),
        employerPhone: z.string().trim().max(40).nullable().optional(),
        employmentProof: z.boolean().nullable().optional(),
      })
      .strict(),
    response: slipView,
    errors: ['not-found', 'validation', 'not-initialized'],
  }),
};
