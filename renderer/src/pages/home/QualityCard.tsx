// 数据质量: open findings of the data-quality rules per 100 households by 乡镇, from the last check, and when
// that was. A region never checked says so and leads to the 数据质量 page instead of showing zeros.
import { useMemo } from 'react';
import { Button, Card, Empty, Skeleton } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { HomeCardDef } from '../../../../shared/home/cards.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import { chartOption } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { formatFigure } from './home-format.ts';
import { CHART_HEIGHT } from './IndicatorCard.tsx';

type Quality = ResponseOf<'home.quality'>;

/** The chart as a card definition over the rows' own numbers (no report behind it). */
const CHART: HomeCardDef = {
  id: 'quality',
  title: '数据质量',
  report: '',
  figures: [],
  chart: {
    kind: 'regions',
    title: '每百户问题数',
    unit: '个',
    series: [{ label: '每百户问题数', cells: ['per100'] }],
  },
};

const checkedText = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `上次检查 ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function QualityCard({ regionCode, className }: { regionCode: string | null; className?: string }) {
  const query = useLedgerQuery('home.quality', { regionCode });
  const { reset } = useRoute();
  const data = query.data;
  const open = () => reset('quality');
  return (
    <Card
      size="small"
      className={`home-card ${className ?? ''}`}
      title="数据质量"
      extra={
        <span className="home-card-extra">
          {data?.checkedAt != null && checkedText(data.checkedAt)}
          <Button type="link" size="small" onClick={open} data-testid="home-quality-open">
            查看问题
          </Button>
        </span>
      }
      data-testid="home-card-quality"
      data-loaded={data !== undefined && !query.loading ? 'true' : 'false'}
    >
      <LoadErrorAlert title="数据质量读取失败" error={query.error} onRetry={query.reload} />
      {data === undefined ? (
        query.error === undefined && <Skeleton active title={false} paragraph={{ rows: 5 }} />
      ) : data.checkedAt === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本区划还没有做过数据质量检查。" data-testid="home-quality-unchecked">
          <Button type="primary" onClick={open}>
            去检查
          </Button>
        </Empty>
      ) : (
        <QualityBody data={data} onOpen={open} />
      )}
    </Card>
  );
} // prettier-ignore

function QualityBody({ data, onOpen }: { data: Quality; onOpen: () => void }) {
  const { select } = useRegionSelection();
  const option = useMemo(
    () =>
      chartOption(CHART, {
        id: 'quality', reportId: '', reportTitle: '', region: data.region, year: null, asOf: '', total: {},
        regions: data.rows.map((r) => ({ regionCode: r.regionCode, label: r.label, values: { per100: r.per100 } })),
      }),
    [data],
  ); // prettier-ignore
  const figures = [
    { key: 'per100', label: '每百户问题数', value: data.total.per100, unit: '个' as const },
    { key: 'findings', label: '问题数', value: data.total.findings, unit: '个' as const },
    { key: 'households', label: '涉及户数', value: data.total.householdsWithFindings, unit: '户' as const },
  ];
  return (
    <>
      <div className="home-figures">
        {figures.map((f) => {
          const shown = formatFigure(f.value, f.unit);
          return (
            <button type="button" key={f.key} className="home-figure" onClick={onOpen} title="查看这些问题" data-testid={`home-quality-${f.key}`} data-value={f.value === null ? '' : String(f.value)}>
              <span className="home-figure-label">{f.label}</span>
              <span className="home-figure-value">
                {shown.text}
                {shown.unit !== '' && <small>{shown.unit}</small>}
              </span>
            </button>
          );
        })}
      </div>
      <div className="home-chart-title">每百户问题数（按乡镇）</div>
      <EChart
        option={option}
        height={CHART_HEIGHT}
        label="数据质量：各乡镇每百户问题数"
        testId="home-quality-chart"
        onClick={(i) => {
          const r = data.rows[i];
          if (r) select(r.regionCode);
        }}
      />
    </>
  );
} // prettier-ignore
