// The ledger's one owner: whether an import is committing, so a save that waits can say why
// (正在导入，稍候保存) instead of looking frozen.
import { z } from 'zod';
import { method } from './define.ts';

export const ownerContract = {
  'app.writeState': method({
    summary: '写入状态：是否有导入正在写入台账，以及排队等候的保存',
    request: z.object({}).strict(),
    response: z.object({
      /** An import holds the write lease (its commit and the 数据质量 check after it). */
      importCommitting: z.boolean(),
      /** Saves waiting for that commit to end; they run right after it. */
      waitingWrites: z.number().int(),
    }),
    errors: [],
  }),
};
