// `report ID … --out FILE.xlsx` and `summary LEDGER-ID [--region] [--year] (--out FILE.xlsx | --json)`:
// the workbook of a report or of a ledger's 汇总, through the contract (reports.export,
// ledgers.exportSummary: the request is checked and the file written to the audit log), copied to --out.
import fs from 'node:fs';
import path from 'node:path';
import type { RequestOf } from '../../shared/contract/index.ts';
import { LedgerError } from '../../shared/result.ts';
import { typedDispatch } from '../core/api/dispatch.ts';
import type { Core } from '../core/index.ts';

export const SUMMARY_USAGE =
  '用法：summary 台账编号 [--region 区划代码] [--year 年度] (--out 文件.xlsx | --json)';

/** `--out` must name an .xlsx file: anything else is usage, said before the ledger is read. */
export function badOut(out: string | undefined, io: { err(line: string): void }): boolean {
  if (out === undefined || /\.xlsx$/i.test(out)) return false;
  io.err(`错误：--out 应为 .xlsx 文件，实为“${out}”`);
  return true;
}

async function exportTo<M extends 'reports.export' | 'ledgers.exportSummary'>(
  core: Core,
  method: M,
  request: RequestOf<M>,
  out: string,
) {
  const r = await typedDispatch(core.handlers, method, request);
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error.details);
  const target = path.resolve(out);
  fs.copyFileSync(core.files.get(r.value.fileId).path, target);
  return { file: target, rows: r.value.rows, sha256: r.value.sha256 };
}

export const exportReport = (core: Core, request: RequestOf<'reports.export'>, out: string) =>
  exportTo(core, 'reports.export', request, out);

export const exportSummary = (core: Core, request: RequestOf<'ledgers.exportSummary'>, out: string) =>
  exportTo(core, 'ledgers.exportSummary', request, out);

/** The line the CLI prints for a written workbook. */
export const writtenText = (r: { file: string; rows: number; sha256: string }) =>
  `已导出 ${r.rows} 行：${r.file}\nSHA-256 ${r.sha256}（已记入操作日志）`;
