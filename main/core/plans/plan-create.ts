// 新建 一户一策: a household's plan for a 年度 written from its draft (plan-draft.ts) with its 帮扶措施 as
// child records, checked by the ledgers' own rules and audited like a save; and 为本村生成计划, the same
// for every active household of a village (or group, township) that has no plan for that 年度 yet. A plan
// that exists is never touched: what the clerk edited stays as it is.
import type { DeriveContext, LedgerValues } from '../../../shared/ledgers/define.ts';
import { householdPlanMeasures, householdPlans } from '../../../shared/ledgers/defs/household-plans.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
import { LedgerError } from '../../../shared/result.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import { findRegion } from '../regions/region-tree.ts';
import { finalValues, insertRecord } from '../ledgers/record-write.ts';
import { planDraft } from './plan-draft.ts';

export interface PlanCreated {
  planId: number;
  /** false: the household already had a plan for the year (returned as it is). */
  created: boolean;
  measures: number;
}

/** The household's plan for the year, if there is one. */
export function findPlan(ledger: Ledger, householdId: number, year: number): number | null {
  const id = ledger
    .prepare(
      `SELECT id FROM ${ledgerTableName(householdPlans)} WHERE household_id = ? AND year = ? ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(householdId, year) as number | undefined;
  return id ?? null;
}

function label(ledger: Ledger, householdId: number, what: string): string {
  const head = ledger.prepare('SELECT head_name FROM households WHERE id = ?').pluck().get(householdId);
  return [typeof head === 'string' ? head : null, what].filter(Boolean).join(' · ');
}

/** Writes one plan and its measures; inside the caller's transaction. */
function writePlan(
  ledger: Ledger,
  ctx: { plans: DeriveContext; measures: DeriveContext },
  operator: string,
  householdId: number,
  year: number,
  at: string,
): PlanCreated {
  const existing = findPlan(ledger, householdId, year);
  if (existing !== null) return { planId: existing, created: false, measures: 0 };
  const draft = planDraft(ledger, householdId, year);
  const plan = finalValues(householdPlans, draft.plan, ctx.plans);
  const planId = insertRecord(ledger, householdPlans, { household_id: householdId }, plan, {
    origin: 'manual',
    batchId: null,
    at,
  });
  const audit = (
    def: typeof householdPlans | typeof householdPlanMeasures,
    id: number,
    values: LedgerValues,
  ) =>
    writeAudit(ledger, {
      operator,
      action: 'create',
      entity: 'record',
      entityId: `${def.id}:${id}`,
      householdId,
      label: label(ledger, householdId, def.name),
      changes: diffRows(
        null,
        values,
        def.fields.map((f) => f.column),
      ),
      at,
    });
  audit(householdPlans, planId, plan);
  for (const m of draft.measures) {
    const values = finalValues(householdPlanMeasures, m, ctx.measures);
    const id = insertRecord(
      ledger,
      householdPlanMeasures,
      { household_id: householdId, parent_id: planId },
      values,
      { origin: 'manual', batchId: null, at },
    );
    audit(householdPlanMeasures, id, values);
  }
  return { planId, created: true, measures: draft.measures.length };
}

export function createHouseholdPlan(
  ledger: Ledger,
  ctx: { plans: DeriveContext; measures: DeriveContext },
  householdId: number,
  year: number,
): PlanCreated {
  const operator = requireOperator(ledger);
  if (!ledger.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId))
    throw new LedgerError('not-found', `没有编号为 ${householdId} 的户。`);
  return ledger.sqlite.transaction(() => writePlan(ledger, ctx, operator, householdId, year, nowIso()))();
}

export interface RegionPlansResult {
  /** Active households of the region. */
  households: number;
  created: number;
  /** Households that had a plan for the year already (left unchanged). */
  existing: number;
  measures: number;
}

/** Plans for every active household of a village (group, township) that has none for the year. */
export function createRegionPlans(
  ledger: Ledger,
  ctx: { plans: DeriveContext; measures: DeriveContext },
  regionCode: string,
  year: number,
): RegionPlansResult {
  const operator = requireOperator(ledger);
  const region = findRegion(ledger, regionCode);
  if (region.level === 'county')
    throw new LedgerError('validation', '请选择一个乡镇、村或组：一次为全县生成的计划太多，无法逐户核对。');
  const column = { township: 'township_code', village: 'village_code', group: 'group_code' }[region.level];
  const ids = ledger
    .prepare(`SELECT id FROM households WHERE ${column} = ? AND status = 'active' ORDER BY household_no`)
    .pluck()
    .all(region.code) as number[];
  return ledger.sqlite.transaction(() => {
    const at = nowIso();
    const result: RegionPlansResult = { households: ids.length, created: 0, existing: 0, measures: 0 };
    for (const id of ids) {
      const r = writePlan(ledger, ctx, operator, id, year, at);
      if (r.created) result.created++;
      else result.existing++;
      result.measures += r.measures;
    }
    return result;
  })();
}
