// What the 报表 page keeps while the clerk leaves it for a household and comes back (返回): the report
// chosen, its 年度 and 统计日期, and the number whose 明细 is open with the row the clerk was on. The page
// is unmounted meanwhile, so this lives beside it for the session, like the household list's view.
import { useCallback, useState } from 'react';

/** One number of the report: its row and column, and the figure shown. */
export interface DrillTarget {
  rowRegionCode: string;
  rowLabel: string;
  measure: string;
  value: number;
}

export interface ReportView {
  id: string | null;
  year: number | null;
  asOf: string;
  drill: DrillTarget | null;
  /** The row active in the 明细 list. */
  drillIndex: number;
}

let kept: ReportView = { id: null, year: null, asOf: '', drill: null, drillIndex: 0 };

/** `initialId`: a report asked for by name (首页's links) replaces the kept one, with its own settings. */
export function useReportView(initialId?: string): [ReportView, (patch: Partial<ReportView>) => void] {
  const [view, setView] = useState(() =>
    initialId === undefined || initialId === kept.id
      ? kept
      : (kept = { id: initialId, year: null, asOf: '', drill: null, drillIndex: 0 }),
  );
  const update = useCallback((patch: Partial<ReportView>) => {
    setView((v) => (kept = { ...v, ...patch }));
  }, []);
  return [view, update];
}
