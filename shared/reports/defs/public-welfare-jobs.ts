// 公益性岗位安置统计表: 安置人数 is distinct persons (a person holding two posts is one person placed), beside
// the households they come from and the posts; then persons by 岗位类型 and by 资金来源 (光伏收益 among them),
// and the amount paid in the year.
import { defineReport } from '../define.ts';
import { byCode } from './columns.ts';
import { publicWelfareJobs } from '../../ledgers/defs/public-welfare-jobs.ts';

const table = (key: string) => {
  const t = publicWelfareJobs.codeTables.find((c) => c.key === key);
  if (!t) throw new Error(`public_welfare_jobs has no code table ${key}`);
  return t;
};

export const publicWelfareJobsReport = defineReport({
  id: 'public_welfare_jobs',
  title: '公益性岗位安置统计表',
  source: { ledger: 'public_welfare_jobs' },
  parameters: [],
  unit: '人、户、个、元',
  columns: [
    { key: 'persons', label: '安置人数', kind: 'persons' },
    { key: 'households', label: '涉及户数', kind: 'households' },
    { key: 'posts', label: '岗位数', kind: 'records' },
    { key: 'epidemic', label: '其中疫情防控岗位人数', kind: 'persons', where: { column: 'job_type', in: ['06', '07', '08'] } },
    byCode('type', '按岗位类型（人数）', table('pwj_job_type'), { column: 'job_type' }, ['persons']),
    byCode('fund', '按资金来源（人数）', table('pwj_fund_source'), { column: 'fund_source' }, ['persons']),
    { key: 'paid', label: '年度发放金额（元）', kind: 'sum', column: 'annual_paid' },
  ],
  notes: [
    '安置人数按人统计：一人有两个岗位的，在安置人数中只计一人，在各岗位类型、资金来源列中各计一次，故各列之和可大于安置人数。',
  ],
}); // prettier-ignore
