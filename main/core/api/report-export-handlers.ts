// 导出 Excel of a report and of a ledger's 汇总: the result the screen shows, written as the county's
// workbook (main/core/reports/report-workbook.ts), then hashed, written to the audit log and handed over
// like every export (finishExport: save dialog in Electron, a download in the browser).
import type { reportsContract } from '../../../shared/contract/reports.ts';
import { ledgerSummaryReport } from '../ledgers/ledger-summary.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { reportTitle, writeReportWorkbook } from '../reports/report-workbook.ts';
import { runReport, type ReportResult } from '../reports/run-report.ts';
import type { Handlers } from './dispatch.ts';
import { finishExport } from './export-handlers.ts';
import type { HandlerContext } from './handlers.ts';

/** 保康县2020年贫困劳动力外出务工情况统计表: the file says whose report it is. */
const reportFileWhat = (r: ReportResult) => `${r.parameters.regionName}${reportTitle(r)}`;

export function reportExportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, keyof Pick<typeof reportsContract, 'reports.export'> | 'ledgers.exportSummary'> {
  const { ledger } = ctx;
  const write = (report: ReportResult, labelHeader?: string) =>
    finishExport(ctx, reportFileWhat(report), false, async (path) => {
      await writeReportWorkbook(report, path, labelHeader === undefined ? {} : { labelHeader });
      return { rows: report.rows.length, fullIds: 0 };
    });
  return {
    'reports.export': ({ id, ...params }) => {
      requireCounty(ledger);
      return write(runReport(ledger, id, params));
    },
    'ledgers.exportSummary': ({ ledgerId, regionCode, year }) => {
      requireCounty(ledger);
      const { report, labelHeader } = ledgerSummaryReport(ledger, ledgerId, regionCode, year);
      return write(report, labelHeader);
    },
  };
}
