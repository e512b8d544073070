// 数据质量: findings of the data-quality rules per 100 households, by 乡镇 (or 村 of a 乡镇). Until the rules are
// part of the program, the card says so plainly (main/core/home/quality-by-region.ts).
import { useMemo } from 'react';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import { chartOption } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { CHART_HEIGHT } from './IndicatorCard.tsx';

export function QualityCard({ regionCode, className }: { regionCode: string | null; className?: string }) {
  const query = useLedgerQuery('home.quality', { regionCode });
  const { select } = useRegionSelection();
  const { reset } = useRoute();
  const data = query.data;
  const option = useMemo(
    () =>
      data === undefined
        ? null
        : chartOption(
            { id: 'quality', title: '数据质量', report: '', figures: [], chart: { kind: 'regions', title: '', unit: '个', series: [{ label: '每百户问题数', cells: ['per100'] }] } },
            { id: 'quality', reportId: '', reportTitle: '', region: data.region, year: null, asOf: '', total: {}, regions: data.rows.map((r) => ({ regionCode: r.regionCode, label: r.label, values: { per100: r.per100 } })) },
          ),
    [data],
  ); // prettier-ignore
  return (
    <Card
      size="small"
      className={`home-card ${className ?? ''}`}
      title="数据质量"
      extra={
        <Button type="link" size="small" onClick={() => reset('quality')} data-testid="home-quality-open">
          数据质量
        </Button>
      }
      data-testid="home-card-quality"
      data-loaded={data !== undefined && !query.loading ? 'true' : 'false'}
    >
      <LoadErrorAlert title="数据质量读取失败" error={query.error} onRetry={query.reload} />
      {data === undefined ? (
        query.error === undefined && <Skeleton active title={false} paragraph={{ rows: 5 }} />
      ) : !data.available ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="数据质量检查规则尚未启用，启用后这里按乡镇显示每百户问题数。"
          data-testid="home-quality-unavailable"
        />
      ) : (
        <>
          <div className="home-chart-title">
            每百户问题数（{data.region.level === 'county' ? '按乡镇' : '按村'}）
          </div>
          {option !== null && (
            <EChart
              option={option}
              height={CHART_HEIGHT + 60}
              label="数据质量：每百户问题数"
              testId="home-quality-chart"
              onClick={(i) => {
                const r = data.rows[i];
                if (r) select(r.regionCode);
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
