// Assigning 三联单编号 when slips are printed: in one IMMEDIATE transaction (the write lock is taken before
// the counter is read, so a second program printing into the same file waits instead of reading the same
// number), records in print order, consecutive numbers per 乡镇 and 年度 from migrant_slip_counters. A
// record that has a serial keeps it (a reprint prints the same number); a serial is never issued twice,
// even after its record is deleted, because the counter only goes up. 备案日期 is set on first print.
import { formatSlipSerial, SLIP_LEDGER_ID, slipPrefix } from '../../../shared/migrant-slip-serial.ts';
import { todayIso } from '../../../shared/date-input.ts';
import { LedgerError } from '../../../shared/result.ts';
import { diffRows, writeAudit } from '../audit/audit-log.ts';
import { currentYear, nowIso } from '../clock.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import { recordSql, requireLedger } from '../ledgers/record-sql.ts';
import { recordLabel } from '../ledgers/record-write.ts';

export const SLIP_LEDGER = SLIP_LEDGER_ID;
const MAX_NUMBER = 99_999;

type Row = Record<string, string | number | null>;

/**
 * Gives every record of `recordIds` without a 三联单编号 the next one of its 乡镇 and 年度 (in the order
 * given) and returns each record's serial. Unknown ids are refused before anything is written.
 */
export function assignSlipSerials(
  ledger: Ledger,
  recordIds: readonly number[],
  options: { readonly now?: Date; readonly operator?: string } = {},
): Map<number, string> {
  const def = requireLedger(SLIP_LEDGER);
  const s = recordSql(def);
  const read = ledger.prepare(
    `SELECT r.*, ${s.subject}, h.township_code AS slip_township FROM ${s.from} WHERE r.id IN (SELECT value FROM json_each(?))`,
  );
  const counter = ledger.prepare(`SELECT last_number FROM migrant_slip_counters WHERE prefix = ?`);
  const bump = ledger.prepare(
    `INSERT INTO migrant_slip_counters (prefix, last_number) VALUES (?, ?)
     ON CONFLICT (prefix) DO UPDATE SET last_number = excluded.last_number`,
  );
  const write = ledger.prepare(
    `UPDATE ${s.table} SET slip_serial = ?, filed_date = ?, updated_at = ? WHERE id = ? AND slip_serial IS NULL`,
  );
  const today = todayIso(options.now ?? new Date());
  const run = ledger.sqlite.transaction((): Map<number, string> => {
    const rows = new Map((read.all(JSON.stringify(recordIds)) as Row[]).map((r) => [Number(r.id), r]));
    const missing = recordIds.filter((id) => !rows.has(id));
    if (missing.length > 0)
      throw new LedgerError(
        'not-found',
        `“${def.name}”中没有编号为 ${missing.slice(0, 5).join('、')} 的记录。`,
      );
    const out = new Map<number, string>();
    const fresh = recordIds.filter((id) => {
      const serial = rows.get(id)?.slip_serial;
      if (typeof serial === 'string') out.set(id, serial);
      return typeof serial !== 'string' && !out.has(id);
    });
    if (fresh.length === 0) return out;
    const operator = options.operator ?? requireOperator(ledger);
    const at = nowIso();
    const next = new Map<string, number>();
    for (const id of new Set(fresh)) {
      const row = rows.get(id) as Row;
      const year = typeof row.year === 'number' ? row.year : currentYear();
      const prefix = slipPrefix(String(row.slip_township), year);
      const issued = counter.get(prefix) as { last_number: number } | undefined;
      const n = (next.get(prefix) ?? issued?.last_number ?? 0) + 1;
      if (n > MAX_NUMBER)
        throw new LedgerError(
          'conflict',
          `编号 ${prefix}-xxxxx 已用完（每个乡镇每年最多 ${MAX_NUMBER} 张三联单）。`,
        );
      next.set(prefix, n);
      const serial = formatSlipSerial(prefix, n);
      // A slip printed after the worker arrived (or his 回执 came back) is filed no later than that.
      const filed =
        typeof row.filed_date === 'string'
          ? row.filed_date
          : ([today, row.arrival_date, row.receipt_date]
              .filter((d): d is string => typeof d === 'string')
              .sort()[0] ?? today);
      write.run(serial, filed, at, id);
      out.set(id, serial);
      writeAudit(ledger, {
        operator,
        action: 'update',
        entity: 'record',
        entityId: `${def.id}:${id}`,
        householdId: (row.s_household_id as number | null) ?? null,
        label: recordLabel(def, row),
        changes: diffRows(row, { ...row, slip_serial: serial, filed_date: filed }, [
          'slip_serial',
          'filed_date',
        ]),
        at,
      });
    }
    for (const [prefix, n] of next) bump.run(prefix, n);
    return out;
  });
  return run.immediate();
}
