// 建档立卡贫困人口基本情况汇总表: the active households and members of the register, 合计 and by 贫困户属性,
// 脱贫状态 and 监测对象 (户数 and 人数), and by 主要致贫原因 (户数). A household is counted with its members.
// 享受低保 is counted per person beside it, with those of them in a 低保 household, so 首页 can say why
// 享受低保人数 and the members of 低保贫困户 differ.
import { CODE_TABLES } from '../../code-tables/index.ts';
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';

const household = { on: 'household' } as const;
const DIBAO = { column: 'dibao', on: 'person', in: [1] } as const;
/** 低保贫困户 and 低保特困供养贫困户: the attributes that mean the household receives 低保. */
export const DIBAO_ATTRIBUTES = ['2', '4'] as const;

export const registerBasicsReport = defineReport({
  id: 'register_basics',
  title: '建档立卡贫困人口基本情况汇总表',
  source: 'register',
  parameters: [],
  unit: '户、人',
  columns: [
    {
      label: '合计',
      children: [
        { key: 'households', label: '户数', kind: 'households' },
        { key: 'persons', label: '人数', kind: 'persons' },
      ],
    },
    byCode('attribute', '贫困户属性', CODE_TABLES.poverty_attribute, { column: 'poverty_attribute', ...household }, ['households', 'persons']),
    byCode('status', '脱贫状态', CODE_TABLES.poverty_status, { column: 'poverty_status', ...household }, ['households', 'persons']),
    byCode('monitor', '监测对象', CODE_TABLES.monitor_category, { column: 'monitor_category', ...household }, ['households', 'persons']),
    byCode('cause', '主要致贫原因（户数）', CODE_TABLES.poverty_cause, { column: 'main_cause', ...household }, ['households']),
    {
      label: '享受低保（人数）',
      children: [
        { key: 'dibao_persons', label: '合计', kind: 'persons', where: DIBAO },
        { key: 'dibao_in_attribute', label: '其中在低保贫困户', kind: 'persons', where: [DIBAO, { column: 'poverty_attribute', ...household, in: DIBAO_ATTRIBUTES }] },
      ],
    },
  ],
  notes: [
    '按当前台账中在册（未注销）的户与成员统计；人数为在册成员数。',
    '享受低保人数按成员的“是否享受低保”统计；低保贫困户（含低保特困供养贫困户）按户属性统计全户成员，两者口径不同，“其中在低保贫困户”为两者重合的人数。',
  ],
}); // prettier-ignore
