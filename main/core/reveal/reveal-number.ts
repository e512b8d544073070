// 显示完整号码: the full 证件号码 or phone of one person (or a household's phone), on purpose. Lists keep
// them masked; each reveal is written to the audit log (who, when, whose, which field) in the same
// transaction that reads the number, so no number leaves without its entry.
import { LedgerError } from '../../../shared/result.ts';
import { writeAudit } from '../audit/audit-log.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';

export interface RevealRequest {
  entity: 'person' | 'household';
  id: number;
  field: 'id_number' | 'phone';
}

interface Target {
  value: string | null;
  label: string;
  household_id: number;
}

export function revealNumber(ledger: Ledger, req: RevealRequest): { value: string } {
  const operator = requireOperator(ledger);
  return ledger.sqlite.transaction(() => {
    const target = (
      req.entity === 'person'
        ? ledger
            .prepare(
              `SELECT ${req.field === 'phone' ? 'phone' : 'id_number'} AS value, name AS label, household_id FROM persons WHERE id = ?`,
            )
            .get(req.id)
        : req.field === 'phone'
          ? ledger
              .prepare(
                'SELECT phone AS value, household_no AS label, id AS household_id FROM households WHERE id = ?',
              )
              .get(req.id)
          : ledger
              .prepare(
                'SELECT head_id_number AS value, household_no AS label, id AS household_id FROM households WHERE id = ?',
              )
              .get(req.id)
    ) as Target | undefined;
    if (target === undefined)
      throw new LedgerError('not-found', req.entity === 'person' ? '没有这个人。' : '没有这一户。');
    const value = target.value ?? '';
    writeAudit(ledger, {
      operator,
      action: 'reveal',
      entity: req.entity,
      entityId: req.id,
      householdId: target.household_id,
      label: target.label,
      changes: [
        {
          field: req.entity === 'household' && req.field === 'id_number' ? 'head_id_number' : req.field,
          before: null,
          after: null,
        },
      ],
    });
    return { value };
  })();
}
