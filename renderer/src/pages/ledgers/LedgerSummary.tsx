// 汇总: the ledger's measures per township (per village once a township is selected in the tree), the
// 合计 row first; a ledger kept by 年度 (外出务工) one 年度 at a time, the latest unless another is chosen.
// A number (not a zero) opens the records it counts: the 记录 tab with that region and the measure's filters.
import { useState, type HTMLAttributes } from 'react';
import { Button, Select, Table, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';
import { api } from '../../api/transport.ts';
import type { MeasureWhere } from '../../../../shared/ledgers/define.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { regionPlaceName } from '../../nav/region-label.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { ExportExcelButton } from '../reports/ExportExcelButton.tsx';

type SummaryRow = ResponseOf<'ledgers.summary'>['total'] & { isTotal: boolean };

/** The records behind a number: the row's region and the measure's conditions (and 年度) as list filters. */
export type SummaryDrill = (regionCode: string, filters: Record<string, (string | number)[]>) => void;

export function LedgerSummary({
  def,
  version,
  onDrill,
}: {
  def: LedgerDef;
  version: number;
  onDrill?: SummaryDrill;
}) {
  const { selectedCode, selected, path } = useRegionSelection();
  const [year, setYear] = useState<number | null>(null);
  const summary = useLedgerQuery('ledgers.summary', { ledgerId: def.id, regionCode: selectedCode, year }, [
    version,
  ]);
  const data = summary.data;
  const byVillage = selected !== undefined && selected.level !== 'county';
  const columns: TableColumnsType<SummaryRow> = [
    {
      title: byVillage ? '村' : '乡镇',
      key: 'name',
      width: 180,
      fixed: 'left',
      render: (_, r) => (r.isTotal ? <b>合计</b> : r.name),
    },
    ...(data?.measures ?? []).map((m) => ({
      title: m.label,
      key: m.key,
      align: 'right' as const,
      width: Math.max(88, m.label.length * 14 + 24),
      render: (_: unknown, r: SummaryRow) => {
        const n = r.values[m.key] ?? 0;
        const text = n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
        const shown = r.isTotal ? <b>{text}</b> : text;
        if (onDrill === undefined || n === 0 || r.regionCode === '') return shown;
        const drill = () => {
          const measure = def.measures.find((x) => x.key === m.key);
          const wheres =
            measure?.where === undefined
              ? []
              : Array.isArray(measure.where)
                ? measure.where
                : [measure.where];
          const filters: Record<string, (string | number)[]> = {};
          for (const w of wheres as readonly MeasureWhere[]) filters[w.column] = [...w.in];
          if (def.summaryYear !== undefined && data?.year != null) filters[def.summaryYear] = [data.year];
          onDrill(r.regionCode, filters);
        };
        return (
          <button
            type="button"
            className="number-link"
            title={`查看记录：${r.isTotal ? '合计' : r.name} ${m.label}`}
            onClick={drill}
          >
            {shown}
          </button>
        );
      },
    })),
  ];
  const rows: SummaryRow[] =
    data === undefined
      ? []
      : [{ ...data.total, isTotal: true }, ...data.rows.map((r) => ({ ...r, isTotal: false }))];

  return (
    <div className="ledger-summary" data-testid="ledger-summary">
      <div className="ledger-summary-toolbar">
        {data !== undefined && data.years.length > 0 && (
          <Select<number>
            size="small"
            value={data.year ?? undefined}
            onChange={setYear}
            options={data.years.map((y) => ({ value: y, label: `${y} 年度` }))}
            style={{ width: 120 }}
            aria-label="年度"
            data-testid="ledger-summary-year"
          />
        )}
        <span className="import-muted">
          {regionPlaceName(path)}
          {data?.year != null ? ` ${data.year} 年度` : ''}按{byVillage ? '村' : '乡镇'}
          统计；在左侧区划树中选择乡镇可看各村。
        </span>
        <Button size="small" icon={<ReloadOutlined />} onClick={summary.reload} loading={summary.loading}>
          刷新
        </Button>
        <ExportExcelButton
          size="small"
          what={`${def.name}汇总`}
          run={() =>
            api.call('ledgers.exportSummary', {
              ledgerId: def.id,
              regionCode: selectedCode,
              year: data?.year ?? year,
            })
          }
          disabled={data === undefined}
          testId="ledger-summary-export"
        />
      </div>
      <LoadErrorAlert title="汇总读取失败" error={summary.error} onRetry={summary.reload} />
      <Table<SummaryRow>
        size="small"
        bordered
        rowKey={(r) => (r.isTotal ? 'total' : r.regionCode)}
        columns={columns}
        dataSource={rows}
        loading={summary.loading && data === undefined}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.isTotal ? 'ledger-summary-total' : '')}
        onRow={(r) =>
          ({
            'data-testid': r.isTotal ? 'summary-total' : 'summary-row',
            'data-region': r.regionCode,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: '暂无数据' }}
        data-testid="ledger-summary-table"
      />
    </div>
  );
}
