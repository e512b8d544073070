// 本乡镇: the clerk's own township or village, where the tree, lists, imports and reports open.
import { z } from 'zod';
import { method } from './define.ts';
import { regionCode } from './schemas.ts';

export const scopeContract = {
  'settings.setHomeRegion': method({
    summary: '设置本乡镇（或本村）：区划树、列表、导入和报表默认从这里打开；null 为全县',
    request: z.object({ regionCode: regionCode.nullable() }).strict(),
    response: z.object({ homeRegionCode: z.string().nullable() }),
    errors: ['not-found', 'validation'],
  }),
} as const;
