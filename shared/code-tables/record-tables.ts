import { defineCodeTable } from './define.ts';

/** Why a person or household was 注销 (it leaves the lists but stays in history and can be restored). */
export const cancelReason = defineCodeTable({
  key: 'cancel_reason',
  name: '注销原因',
  source: '人员变更类型（自然增减）',
  items: [
    { code: '01', label: '死亡', aliases: ['去世', '病故'] },
    { code: '02', label: '迁出', aliases: ['户口迁出', '其他转出'] },
    { code: '03', label: '嫁出', aliases: [] },
    { code: '04', label: '自然减员', aliases: [] },
    { code: '05', label: '识别错误', aliases: ['错评', '错误识别'] },
    { code: '99', label: '其他', aliases: ['其它'] },
  ],
});

/** Reasons that need a written explanation. */
export const CANCEL_REASONS_NEEDING_NOTE: readonly string[] = ['99'];
