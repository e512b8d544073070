// 建档立卡贫困人口基本情况汇总表: the active households and members of the register, 合计 and by 贫困户属性,
// 脱贫状态 and 监测对象 (户数 and 人数), and by 主要致贫原因 (户数). A household is counted with its members.
import { CODE_TABLES } from '../../code-tables/index.ts';
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';

const household = { on: 'household' } as const;

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
  ],
  notes: ['按当前台账中在册（未注销）的户与成员统计；人数为在册成员数。'],
}); // prettier-ignore
