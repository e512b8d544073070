// The 报表 methods of the contract (shared/contract/reports.ts), over one open ledger.
import type { reportsContract } from '../../../shared/contract/reports.ts';
import { allReports } from '../../../shared/reports/index.ts';
import { drillReport } from '../reports/report-drill.ts';
import { reportCatalog, runReport } from '../reports/run-report.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

type ReportMethods = keyof typeof reportsContract;

export function reportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, Exclude<ReportMethods, 'reports.export'>> {
  return {
    'reports.list': () => reportCatalog(allReports()),
    'reports.run': ({ id, ...params }) => runReport(ctx.ledger, id, params),
    'reports.drill': ({ id, ...params }) => drillReport(ctx.ledger, id, params),
  };
}
