// 返贫监测对象统计表: monitored households and their persons by 监测对象类别, households by 致贫返贫风险 (a household
// with two risks counts under each), and how many have had the risk 消除 (帮扶 or 自然) or not. The ledger holds
// one record per household, so 人数 is the 家庭人口数 of the monitored households.
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';
import { CODE_TABLES } from '../../code-tables/index.ts';
import { relapseMonitoring } from '../../ledgers/defs/relapse-monitoring.ts';

const risks = relapseMonitoring.codeTables.find((c) => c.key === 'monitor_risk');
if (!risks) throw new Error('relapse_monitoring has no code table monitor_risk');

const persons = (key: string, where?: { column: string; in: readonly string[] }) =>
  ({
    key,
    label: '人数',
    kind: 'sum',
    column: 'member_count',
    on: 'household',
    ...(where ? { where } : {}),
  }) as const;

export const relapseMonitoringReport = defineReport({
  id: 'relapse_monitoring',
  title: '返贫监测对象统计表',
  source: { ledger: 'relapse_monitoring' },
  parameters: [],
  unit: '户、人',
  columns: [
    {
      label: '监测对象',
      children: [
        { key: 'households', label: '户数', kind: 'households' },
        persons('persons'),
      ],
    },
    {
      label: '按监测对象类别',
      children: CODE_TABLES.monitor_category.items.map((item) => ({
        label: item.label,
        children: [
          { key: `category_${item.code}_households`, label: '户数', kind: 'households', where: { column: 'category', in: [item.code] } },
          persons(`category_${item.code}_persons`, { column: 'category', in: [item.code] }),
        ],
      })),
    },
    byCode('risk', '按致贫返贫风险（户数）', risks, { column: 'risks' }, ['households']),
    {
      label: '风险消除',
      children: [
        { key: 'eliminated', label: '已消除户数', kind: 'households', where: { column: 'eliminated', in: [1] } },
        { key: 'eliminated_persons', label: '已消除人数', kind: 'sum', column: 'member_count', on: 'household', where: { column: 'eliminated', in: [1] } },
        { key: 'eliminated_rate', label: '消除率（%）', kind: 'rate', of: 'eliminated', per: 'households' },
        { key: 'eliminated_by_aid', label: '其中帮扶消除', kind: 'households', where: [{ column: 'eliminated', in: [1] }, { column: 'eliminate_method', in: ['01'] }] },
        { key: 'eliminated_naturally', label: '其中自然消除', kind: 'households', where: [{ column: 'eliminated', in: [1] }, { column: 'eliminate_method', in: ['02'] }] },
        { key: 'not_eliminated', label: '未消除户数', kind: 'households', where: { column: 'eliminated', in: [0, ''] } },
      ],
    },
  ],
  notes: [
    '人数为监测户的家庭人口数。一户有多项风险的，在各风险列中各计一次，故各风险列户数之和可大于监测户数；未填“风险是否消除”的计入未消除。',
  ],
}); // prettier-ignore
