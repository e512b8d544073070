// The report catalog: every report definition in menu order, looked up by id.
import type { ReportDef } from './define.ts';
import { REPORT_DEFS } from './defs/index.ts';

export type { ReportDef, ReportColumn, ReportMeasure, ReportParameter } from './define.ts';
export { REPORT_DEFS };

const byId = new Map<string, ReportDef>(REPORT_DEFS.map((d) => [d.id, d]));

export const allReports = (): readonly ReportDef[] => REPORT_DEFS;
export const reportDef = (id: string): ReportDef | undefined => byId.get(id);
