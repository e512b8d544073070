// Every 数据质量 rule, in the order the results screen and the 疑点数据统计表 list them.
import { ageSchoolLabourRules } from './age-school-labour.ts';
import { deadlineCrossRules } from './deadlines-cross.ts';
import { guaranteeRules } from './guarantees.ts';
import { identityRules } from './identity.ts';
import { monitoringEpidemicRules } from './monitoring-epidemic.ts';
import type { QualityRule } from './rule.ts';
import { workPostRules } from './work-posts.ts';

export type { FindingRow, QualityLevel, QualityRule, QualityScope, RuleContext } from './rule.ts';

export const QUALITY_RULES: readonly QualityRule[] = [
  ...identityRules,
  ...ageSchoolLabourRules,
  ...workPostRules,
  ...guaranteeRules,
  ...monitoringEpidemicRules,
  ...deadlineCrossRules,
];

const byId = new Map(QUALITY_RULES.map((r) => [r.id, r]));
if (byId.size !== QUALITY_RULES.length) throw new Error('数据质量规则编号重复');

export const qualityRule = (id: string): QualityRule | undefined => byId.get(id);
