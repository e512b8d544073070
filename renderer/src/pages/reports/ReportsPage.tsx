// 报表: one report of the catalog with its parameters (the region chosen in the tree on the left, 年度,
// 统计日期) and its table as the county expects it — merged header rows, 合计 first, 小计 per 乡镇, every
// village with zeros — and the notes under it. The numbers are those of `report ID --json`.
import { useState } from 'react';
import { Button, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import './reports.css';

type Report = ResponseOf<'reports.run'>;

const format = (value: number | null | undefined, kind: string) =>
  value === null || value === undefined
    ? '—'
    : kind === 'rate'
      ? `${value.toFixed(1)}%`
      : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function ReportsPage() {
  const { selectedCode, selected } = useRegionSelection();
  const list = useLedgerQuery('reports.list', {});
  const [id, setId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const chosen = id ?? list.data?.[0]?.id ?? null;
  const def = list.data?.find((r) => r.id === chosen);
  // A group (组) is not a reporting unit: its village is reported instead.
  const regionCode = selected?.level === 'group' ? (selected.parentCode ?? null) : selectedCode;
  const report = useLedgerQuery(
    'reports.run',
    { id: chosen ?? 'none', regionCode, year, asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null },
    [],
    { enabled: chosen !== null },
  );
  const data = report.data;

  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-toolbar">
        <Select<string>
          value={chosen ?? undefined}
          onChange={(v) => {
            setId(v);
            setYear(null);
          }}
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
        <span className="import-muted">在左侧区划树中选择乡镇可看各村。</span>
        <Button icon={<ReloadOutlined />} onClick={report.reload} loading={report.loading}>
          刷新
        </Button>
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
      {data !== undefined && <ReportTable report={data} />}
    </div>
  );
}

function ReportTable({ report }: { report: Report }) {
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
                {report.columns.map((c) => (
                  <td key={c.key} className="report-num">
                    {format(row.values[c.key], c.kind)}
                  </td>
                ))}
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
