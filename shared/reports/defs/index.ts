// Every report, in the order the catalog lists them.
import type { ReportDef } from '../define.ts';
import { migrantWorkReport } from './migrant-work.ts';

export const REPORT_DEFS: readonly ReportDef[] = [migrantWorkReport];
