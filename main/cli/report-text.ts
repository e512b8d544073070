// A report as plain text for the terminal: title, parameters, one line per row with each measure as
// "label value" (the group path joined), the notes. Scripts use --json.
import type { ReportResult } from '../core/reports/run-report.ts';

export function reportText(r: ReportResult): string {
  const params = [
    `填报单位：${r.reportingUnit}`,
    ...(r.parameters.year === null ? [] : [`年度：${r.parameters.year}`]),
    `统计时间：${r.parameters.asOf}`,
    `单位：${r.unit}`,
  ];
  const lines = [r.title, params.join('  ')];
  for (const row of r.rows) {
    const cells = r.columns.map((c) => {
      const v = row.values[c.key];
      return `${c.path.join('·')} ${v === null || v === undefined ? '—' : c.kind === 'rate' ? `${v}%` : v}`;
    });
    lines.push(`${row.label}：${cells.join('，')}`);
  }
  lines.push(...r.notes.map((n) => `注：${n}`));
  return lines.join('\n');
}
