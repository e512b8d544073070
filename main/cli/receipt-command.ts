// `receipt SERIAL` shows whose 三联单 a number is; `receipt SERIAL --date YYYY-MM-DD [--arrived YYYY-MM-DD]
// [--employer 名称] [--employer-phone 电话] [--proof 有|无] [--operator 姓名]` records the returned 用工回执单
// against it (the same rules and audit entry as 登记回执 in the app).
import os from 'node:os';
import { CODE_TABLES, findCode } from '../../shared/code-tables/index.ts';
import { parseDateInput } from '../../shared/date-input.ts';
import { LedgerError } from '../../shared/result.ts';
import type { Core } from '../core/index.ts';
import { getOperator } from '../core/ledger/operator.ts';
import { deriveContext } from '../core/ledgers/ledger-context.ts';
import { requireLedger } from '../core/ledgers/record-sql.ts';
import { SLIP_LEDGER } from '../core/migrant-slips/assign-serials.ts';
import { findSlip, recordReceipt, type SlipView } from '../core/migrant-slips/receipt.ts';
import { getRegionCatalog } from '../core/regions/catalog.ts';

type Values = Record<string, string | string[] | boolean | undefined>;

export const RECEIPT_USAGE =
  '用法：receipt 三联单编号 [--date 回执日期 [--arrived 到岗日期] [--employer 用工单位] [--employer-phone 电话] [--proof 有|无] [--operator 姓名]]';

function dateOption(values: Values, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const iso = parseDateInput(String(raw));
  if (iso === null)
    throw new LedgerError('bad-request', `--${name} 不是有效日期：${String(raw)}（可写 2026-03-05）`);
  return iso;
}

function proofOption(values: Values): boolean | undefined {
  const raw = values.proof;
  if (raw === undefined) return undefined;
  const code = findCode(CODE_TABLES.yes_no, String(raw))?.code;
  if (code === undefined) throw new LedgerError('bad-request', `--proof 应为 有 或 无，实为 ${String(raw)}`);
  return code === '1';
}

export function slipText(s: SlipView): string {
  return [
    `三联单 ${s.serial}：${s.name}（${s.idNumber}），户编号 ${s.householdNo}，${s.place}`,
    `务工地点 ${s.workPlace ?? '—'}，用工单位 ${s.employer ?? '—'}`,
    `备案日期 ${s.filedDate ?? '—'}，到岗日期 ${s.arrivalDate ?? '—'}，回执日期 ${s.receiptDate ?? '未登记'}`,
  ].join('\n');
}

/** Returns the slip after the change (or as it is, without --date) for the caller to print. */
export function runReceipt(core: Core, values: Values, positionals: readonly string[]): SlipView {
  const [serial, ...more] = positionals;
  if (serial === undefined || more.length > 0)
    throw new LedgerError('bad-request', `请给出一个三联单编号。${RECEIPT_USAGE}`);
  const receiptDate = dateOption(values, 'date');
  const arrivalDate = dateOption(values, 'arrived');
  const employer = values.employer as string | undefined;
  const employerPhone = values['employer-phone'] as string | undefined;
  const employmentProof = proofOption(values);
  if (receiptDate === undefined) {
    if ([arrivalDate, employer, employerPhone, employmentProof].some((v) => v !== undefined))
      throw new LedgerError('bad-request', `登记回执须给出 --date 回执日期。${RECEIPT_USAGE}`);
    return findSlip(core.ledger, serial);
  }
  const ledger = core.ledger;
  const operator =
    (values.operator as string | undefined) ?? getOperator(ledger) ?? `命令行（${os.userInfo().username}）`;
  return recordReceipt(
    ledger,
    deriveContext(ledger, requireLedger(SLIP_LEDGER), () => getRegionCatalog()),
    { serial, receiptDate, arrivalDate, employer, employerPhone, employmentProof },
    operator,
  );
}
