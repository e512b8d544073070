// 转为整改: findings become 问题整改 records (来源 数据质量, 类别 数据信息, 状态 待整改) in one action, and a
// finding that no longer fires closes its record on the next check (状态 已销号, 销号日期 = the check's date).
import { LedgerError } from '../../../shared/result.ts';
import { ledgerDef } from '../../../shared/ledgers/index.ts';
import type { LedgerValues } from '../../../shared/ledgers/define.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { getOperator, requireOperator } from '../ledger/operator.ts';
import { insertRecord } from '../ledgers/record-write.ts';
import { qualityRule } from './rules/index.ts';

const CLOSED = '03';
/** Who closed it when nobody is signed in (a CLI check): the check itself. */
const CHECKER = '数据质量核查';

const rectificationDef = () => {
  const def = ledgerDef('rectification');
  if (!def) throw new Error('问题排查整改台账未定义');
  return def;
};

/** Turns open, not exempt findings into 问题整改 records; returns how many records were created. */
export function findingsToRectification(
  ledger: Ledger,
  findingIds: readonly number[],
  today: string,
): number {
  const operator = requireOperator(ledger);
  const def = rectificationDef();
  const db = ledger.sqlite;
  const read = db.prepare(
    `SELECT f.id, f.rule_id, f.message, f.household_id, COALESCE(h.group_code, h.village_code, f.region_code) AS region,
       f.rectification_id, (f.exempt_fingerprint = f.fingerprint) AS exempt
     FROM quality_findings f LEFT JOIN households h ON h.id = f.household_id WHERE f.id = ?`,
  );
  const link = db.prepare('UPDATE quality_findings SET rectification_id = ? WHERE id = ?');
  return db.transaction(() => {
    let created = 0;
    const at = nowIso();
    for (const id of findingIds) {
      const f = read.get(id) as
        | {
            id: number;
            rule_id: string;
            message: string;
            household_id: number | null;
            region: string | null;
            rectification_id: number | null;
            exempt: number | null;
          }
        | undefined;
      if (!f) throw new LedgerError('not-found', '这条数据质量问题已不存在，请重新核查后再转为整改。');
      if (f.rectification_id !== null || f.exempt === 1 || f.region === null) continue;
      const rule = qualityRule(f.rule_id);
      const values: LedgerValues = {
        source: '04',
        category: '08',
        description: `[${f.rule_id}] ${f.message}`,
        found_date: today,
        measures: rule ? `核实并改正：${rule.title}` : null,
        status: '01',
      };
      const recordId = insertRecord(
        ledger,
        def,
        { region_code: f.region, household_id: f.household_id },
        values,
        {
          origin: 'manual',
          batchId: null,
          at,
        },
      );
      writeAudit(ledger, {
        operator,
        action: 'create',
        entity: 'record',
        entityId: `${def.id}:${recordId}`,
        householdId: f.household_id,
        label: `${def.name}（数据质量 ${f.rule_id}）`,
        changes: Object.entries(values).map(([field, after]) => ({ field, before: null, after })),
        at,
      });
      link.run(recordId, f.id);
      created++;
    }
    return created;
  })();
}

/** Closes the 问题整改 records of findings that no longer fire (in the caller's transaction). */
export function closeRectifications(ledger: Ledger, recordIds: readonly number[], today: string): number {
  if (recordIds.length === 0) return 0;
  const def = rectificationDef();
  const operator = getOperator(ledger) ?? CHECKER;
  const read = ledger.prepare(
    'SELECT status, closed_date, closed_by, household_id FROM ledger_rectification WHERE id = ?',
  );
  const update = ledger.prepare(
    'UPDATE ledger_rectification SET status = ?, closed_date = ?, closed_by = ?, updated_at = ? WHERE id = ?',
  );
  const at = nowIso();
  let closed = 0;
  for (const id of recordIds) {
    const before = read.get(id) as
      | {
          status: string | null;
          closed_date: string | null;
          closed_by: string | null;
          household_id: number | null;
        }
      | undefined;
    if (!before || before.status === CLOSED) continue; // deleted by hand, or already closed by hand
    update.run(CLOSED, today, CHECKER, at, id);
    writeAudit(ledger, {
      operator,
      action: 'update',
      entity: 'record',
      entityId: `${def.id}:${id}`,
      householdId: before.household_id,
      label: `${def.name}（数据质量复核销号）`,
      changes: [
        { field: 'status', before: before.status, after: CLOSED },
        { field: 'closed_date', before: before.closed_date, after: today },
        { field: 'closed_by', before: before.closed_by, after: CHECKER },
      ],
      at,
    });
    closed++;
  }
  return closed;
}
