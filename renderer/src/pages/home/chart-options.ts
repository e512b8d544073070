// A card's chart (shared/home/cards.ts) as ECharts options, from the cells home.card returned.
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { cellsValue, type HomeCardDef, type HomeUnit } from '../../../../shared/home/cards.ts';
import type { ChartOption } from './EChart.tsx';
import { figureText } from './home-format.ts';

type CardData = ResponseOf<'home.card'>;

const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#13c2c2', '#722ed1'];
const LABEL = { fontSize: 11, color: '#595959' };
const TEXT = { fontFamily: 'inherit' };

/**
 * The axis for rates: from 0, unless every value is high (参保率 near 100%), where it starts just below the
 * lowest so that a 97% village stands out among 100% ones.
 */
const rateAxis = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  const low = known.length === 0 ? 0 : Math.min(...known);
  return { min: low >= 90 ? Math.floor(low - 5) : 0, max: 100 };
};

function bars(
  categories: readonly string[],
  series: readonly { label: string; values: (number | null)[] }[],
  unit: HomeUnit,
  rotate: boolean,
): ChartOption {
  const all = series.flatMap((s) => s.values);
  return {
    animation: false,
    color: PALETTE,
    textStyle: TEXT,
    grid: { left: 8, right: 8, top: series.length > 1 ? 28 : 12, bottom: 4, containLabel: true },
    legend: series.length > 1 ? { top: 0, itemWidth: 12, itemHeight: 8, textStyle: LABEL } : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Series may mix 户数 and 人数 (their names say which): the unit only for rates and amounts.
      valueFormatter: (v) =>
        typeof v !== 'number'
          ? '—'
          : unit === '%' || unit === '元'
            ? figureText(v, unit)
            : v.toLocaleString('zh-CN'),
    },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisLabel: {
        ...LABEL,
        interval: 0,
        rotate: rotate ? 40 : 0,
        hideOverlap: true,
        width: 64,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...LABEL, formatter: unit === '%' ? '{value}%' : '{value}' },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
      // Counts have no fractions on their axis.
      ...(unit === '%' ? rateAxis(all) : unit === '元' ? {} : { minInterval: 1 }),
    },
    series: series.map((s) => ({ type: 'bar', name: s.label, data: s.values, barMaxWidth: 28 })),
  };
}

export function chartOption(card: HomeCardDef, data: CardData): ChartOption {
  const chart = card.chart;
  if (chart.kind === 'pie') {
    const slices = chart.slices.map((name, i) => ({ name, value: cellsValue(chart.series.cells[i] ?? [], data.total) ?? 0 }));
    return {
      animation: false,
      color: PALETTE,
      textStyle: TEXT,
      tooltip: { trigger: 'item', valueFormatter: (v) => `${typeof v === 'number' ? v.toLocaleString('zh-CN') : v}` },
      legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10, textStyle: LABEL },
      series: [
        {
          type: 'pie',
          name: chart.series.label,
          radius: ['42%', '72%'],
          center: ['34%', '50%'],
          label: { show: false },
          data: slices,
        },
      ],
    };
  } // prettier-ignore
  if (chart.kind === 'bars')
    return bars(
      chart.categories,
      chart.series.map((s) => ({ label: s.label, values: s.cells.map((c) => cellsValue(c, data.total)) })),
      chart.unit,
      false,
    );
  return bars(
    data.regions.map((r) => r.label),
    chart.series.map((s) => ({
      label: s.label,
      values: data.regions.map((r) => cellsValue(s.cells, r.values)),
    })),
    chart.unit,
    data.regions.length > 6,
  );
}
