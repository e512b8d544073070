// Value shapes shared by several methods.
import { z } from 'zod';

/** Any code of the official tree or a group code ('<12 digits>-NN'). */
export const regionCode = z.string().regex(/^\d{2,12}(-\d{2})?$/, '区划代码格式不正确');
export const countyCode = z.string().regex(/^\d{6}$/, '县级区划代码应为 6 位数字');

export const regionLevel = z.enum(['county', 'township', 'village', 'group']);

export const catalogUnit = z.object({ code: z.string(), name: z.string() });

export const regionNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: regionLevel,
  name: z.string(),
});

export const countyInfo = z.object({ code: z.string(), name: z.string(), fullName: z.string() });

export const countBy = z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() }));
