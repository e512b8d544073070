// 安全饮水情况表: households of the 安全饮水 ledger (one record a household), how many have safe drinking water
// and the rate, by 水源类型, the unsolved by 存在问题 (several may be chosen: a household once in each problem it
// has), by 解决措施, and the 水质检测 passed.
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';
import { drinkingWater } from '../../ledgers/defs/drinking-water.ts';

const table = (key: string) => {
  const found = drinkingWater.codeTables.find((t) => t.key === key);
  if (!found) throw new Error(`drinking_water has no ${key}`);
  return found;
};

export const drinkingWaterReport = defineReport({
  id: 'drinking_water',
  title: '安全饮水情况表',
  source: { ledger: 'drinking_water' },
  parameters: [],
  unit: '户、%',
  columns: [
    { key: 'households', label: '登记户数', kind: 'households' },
    {
      label: '是否解决安全饮水',
      children: [
        { key: 'solved', label: '已解决', kind: 'households', where: { column: 'solved', in: [1] } },
        { key: 'solved_rate', label: '解决率（%）', kind: 'rate', of: 'solved', per: 'households' },
        { key: 'unsolved', label: '未解决', kind: 'households', where: { column: 'solved', in: [0] } },
      ],
    },
    byCode('source', '水源类型', table('water_source_type'), { column: 'source_type' }, ['households']),
    byCode('problem', '未解决的存在问题', table('water_problem'), { column: 'problems' }, ['households'], [{ column: 'solved', in: [0] }]),
    byCode('measure', '解决措施', table('water_measure'), { column: 'measure' }, ['households']),
    { key: 'quality_passed', label: '水质检测合格户数', kind: 'households', where: { column: 'water_quality_tested', in: [1] } },
  ],
  notes: ['一户一条记录；解决率 = 已解决户数 ÷ 登记户数。存在问题可多选，一户在其每个问题下各计一次，各问题户数不相加。'],
}); // prettier-ignore
