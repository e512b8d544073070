// 报表: one report of the catalog with its parameters (the region chosen in the tree on the left, 年度,
// 统计日期) and its table as the county expects it — merged header rows, 合计 first, 小计 per 乡镇, every
// village with zeros — and the notes under it. The numbers are those of `report ID --json`; every number
// but a zero opens its 明细 (DrillDrawer): click it, or Enter on it.
import { useCallback } from 'react';
import { Button, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { RegionScope } from '../../nav/RegionScope.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { ExportExcelButton } from './ExportExcelButton.tsx';
import { DrillDrawer, drillTitle } from './DrillDrawer.tsx';
import { useReportView, type DrillTarget } from './report-view.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import './reports.css';

type Report = ResponseOf<'reports.run'>;
export type ReportColumnInfo = Report['columns'][number];

const format = (value: number | null | undefined, kind: string) =>
  value === null || value === undefined
    ? '—'
    : kind === 'rate'
      ? `${value.toFixed(1)}%`
      : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function ReportsPage({ initialId }: { initialId?: string } = {}) {
  const { selectedCode, selected } = useRegionSelection();
  const list = useLedgerQuery('reports.list', {});
  // Kept while the clerk opens a household from the 明细 and comes back.
  const [view, update] = useReportView(initialId);
  const { id, year, asOf } = view;
  const setId = (v: string) => update({ id: v, year: null, drill: null });
  const setYear = (v: number) => update({ year: v, drill: null });
  const setAsOf = (v: string) => update({ asOf: v, drill: null });
  const chosen = id ?? list.data?.[0]?.id ?? null;
  const def = list.data?.find((r) => r.id === chosen);
  // A group (组) is not a reporting unit: its village is reported instead.
  const regionCode = selected?.level === 'group' ? (selected.parentCode ?? null) : selectedCode;
  const request = {
    id: chosen ?? 'none',
    regionCode,
    year,
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
  };
  const report = useLedgerQuery('reports.run', request, [], { enabled: chosen !== null });
  const data = report.data;

  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-toolbar">
        <Select<string>
          value={chosen ?? undefined}
          onChange={setId}
          options={(list.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
          style={{ width: 300 }}
          aria-label="报表"
          data-testid="report-select"
        />
        {def?.parameters.includes('year') && data !== undefined && data.years.length > 0 && (
          <Select<number>
            value={data.parameters.year ?? undefined}
            onChange={setYear}
            options={data.years.map((y) => ({ value: y, label: `${y} 年度` }))}
            style={{ width: 120 }}
            aria-label="年度"
          />
        )}
        {def?.parameters.includes('asOf') && (
          <Input
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            style={{ width: 160 }}
            aria-label="统计日期"
            placeholder="统计日期"
          />
        )}
        <RegionScope testId="report-region" />
        <span className="import-muted">在左侧区划树中选择乡镇可看各村；点击数字查看明细。</span>
        <Button icon={<ReloadOutlined />} onClick={report.reload} loading={report.loading}>
          刷新
        </Button>
        <ExportExcelButton
          what={data?.title ?? '报表'}
          run={() => api.call('reports.export', request)}
          disabled={data === undefined}
          testId="report-export"
        />
        {data !== undefined && chosen !== null && (
          <PrintButton
            subject={data.parameters.regionName}
            testId="report-print"
            choices={[
              {
                key: 'report',
                // The report as computed on screen: its region, 年度 and 统计日期.
                request: {
                  form: 'table',
                  regionCode: data.parameters.regionCode,
                  year: data.parameters.year,
                  options: { report: chosen, asOf: data.parameters.asOf },
                },
                hiddenOptions: ['report'],
              },
            ]}
          />
        )}
      </div>
      <LoadErrorAlert title="报表计算失败" error={report.error ?? list.error} onRetry={report.reload} />
      {data !== undefined && (
        <ReportTable report={data} onDrill={(target) => update({ drill: target, drillIndex: 0 })} />
      )}
      {data !== undefined && view.drill !== null && (
        <ReportDrill report={data} target={view.drill} initialIndex={view.drillIndex} update={update} />
      )}
    </div>
  );
}

/** The 明细 of the number chosen, while that number is in the report shown. */
function ReportDrill(props: {
  report: Report;
  target: DrillTarget;
  initialIndex: number;
  update: ReturnType<typeof useReportView>[1];
}) {
  const { report, target, update } = props;
  const column = report.columns.find((c) => c.key === target.measure);
  const onIndexChange = useCallback((i: number) => update({ drillIndex: i }), [update]);
  if (column === undefined || !report.rows.some((r) => r.regionCode === target.rowRegionCode)) return null;
  const { parameters: p } = report;
  return (
    <DrillDrawer
      key={`${report.id}:${target.rowRegionCode}:${target.measure}`}
      query={{
        id: report.id,
        regionCode: p.regionCode,
        year: p.year,
        asOf: p.asOf,
        rowRegionCode: target.rowRegionCode,
        measure: target.measure,
      }}
      title={drillTitle(column, target, format(target.value, column.kind))}
      initialIndex={props.initialIndex}
      onIndexChange={onIndexChange}
      onClosed={() => {
        update({ drill: null });
        // The keyboard goes back to the number it came from (after the drawer's own focus handling).
        setTimeout(() =>
          document
            .querySelector<HTMLElement>(`[data-drill="${target.rowRegionCode}:${target.measure}"]`)
            ?.focus(),
        );
      }}
    />
  );
}

function ReportTable({ report, onDrill }: { report: Report; onDrill: (target: DrillTarget) => void }) {
  const depth = report.header.length;
  // 序号 numbers the villages (and 未定位), not 合计 or 小计.
  let unitNo = 0;
  const numbers = report.rows.map((r) => (r.kind === 'unit' ? ++unitNo : null));
  return (
    <div className="report-sheet" data-testid="report-sheet">
      <h2 className="report-title">
        {report.parameters.year !== null ? `${report.parameters.year}年` : ''}
        {report.title}
      </h2>
      <div className="report-meta">
        <span>填报单位：{report.reportingUnit}（盖章）</span>
        <span>统计时间：{report.parameters.asOf}</span>
        <span>单位：{report.unit}</span>
      </div>
      <div className="report-scroll">
        <table className="report-table" data-testid="report-table">
          <thead>
            {report.header.map((cells, level) => (
              <tr key={level}>
                {level === 0 && (
                  <>
                    <th rowSpan={depth}>序号</th>
                    <th rowSpan={depth}>乡镇/村</th>
                  </>
                )}
                {cells.map((c, i) => (
                  <th key={`${c.label}-${i}`} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                    {c.label}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {report.rows.map((row, i) => (
              <tr key={`${row.regionCode}-${i}`} className={`report-row-${row.kind}`} data-kind={row.kind}>
                <td className="report-no">{numbers[i] ?? ''}</td>
                <td className="report-label">{row.label}</td>
                {report.columns.map((c) => {
                  const value = row.values[c.key];
                  const text = format(value, c.kind);
                  // Zeros, blank rates and the 未定位 row have nothing to list.
                  const drillable =
                    value !== null && value !== undefined && value !== 0 && row.regionCode !== '';
                  return (
                    <td key={c.key} className="report-num">
                      {drillable ? (
                        <button
                          type="button"
                          className="number-link"
                          data-drill={`${row.regionCode}:${c.key}`}
                          title={`查看明细：${row.label} ${c.path.join(' · ')}`}
                          onClick={() =>
                            onDrill({
                              rowRegionCode: row.regionCode,
                              rowLabel: row.label,
                              measure: c.key,
                              value,
                            })
                          }
                        >
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.notes.map((n) => (
        <p key={n} className="report-note">
          注：{n}
        </p>
      ))}
    </div>
  );
}
