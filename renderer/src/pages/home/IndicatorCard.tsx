// One 首页 card: its numbers (each a button to the records behind it), a note where two numbers need
// explaining, and its chart. It asks for its own data, so a slow report never holds up the others.
import { useMemo } from 'react';
import { Button, Card, Skeleton } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { cellsValue, type HomeCardDef } from '../../../../shared/home/cards.ts';
import type { LedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { chartOption } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { figureText, formatFigure } from './home-format.ts';
import { useHomeLink } from './useHomeLink.ts';

type CardData = ResponseOf<'home.card'>;

export const CHART_HEIGHT = 190;

export function IndicatorCard(props: { card: HomeCardDef; query: LedgerQuery<CardData>; className?: string }) {
  const { card, query, className } = props;
  const data = query.data;
  const go = useHomeLink();
  const report = { id: card.report, title: data?.reportTitle ?? card.title };
  return (
    <Card
      size="small"
      className={`home-card ${className ?? ''}`}
      title={card.title}
      extra={
        data !== undefined && (
          <span className="home-card-extra">
            {when(data)}
            <Button type="link" size="small" onClick={() => go({ to: 'report' }, report)} data-testid={`home-${card.id}-report`}>
              报表
            </Button>
          </span>
        )
      }
      data-testid={`home-card-${card.id}`}
      data-loaded={data !== undefined && !query.loading ? 'true' : 'false'}
    >
      <LoadErrorAlert title={`${card.title}读取失败`} error={query.error} onRetry={query.reload} />
      {data === undefined ? (
        query.error === undefined && <Skeleton active title={false} paragraph={{ rows: 5 }} />
      ) : (
        <CardBody card={card} data={data} onOpen={(link) => go(link, report)} />
      )}
    </Card>
  );
} // prettier-ignore

/** 年度 for ledgers kept by year, the as-of date for progress counted by dates. */
function when(data: CardData): string {
  if (data.year !== null) return `${data.year} 年度`;
  if (data.reportId === 'housing_renovation' || data.reportId === 'rectification') return `截至 ${data.asOf}`;
  return '';
}

function CardBody(props: { card: HomeCardDef; data: CardData; onOpen: (link: HomeCardDef['figures'][number]['link']) => void }) {
  const { card, data, onOpen } = props;
  const { select } = useRegionSelection();
  const option = useMemo(() => chartOption(card, data), [card, data]);
  const chart = card.chart;
  return (
    <>
      <div className="home-figures">
        {card.figures.map((f) => {
          const value = cellsValue(f.cells, data.total);
          const shown = formatFigure(value, f.unit);
          return (
            <button
              type="button"
              key={f.key}
              className="home-figure"
              onClick={() => onOpen(f.link)}
              title={f.link.to === 'households' ? '查看这些户' : '在报表中查看'}
              data-testid={`home-${card.id}-${f.key}`}
              data-value={value === null ? '' : String(value)}
            >
              <span className="home-figure-label">{f.label}</span>
              <span className="home-figure-value">
                {shown.text}
                {shown.unit !== '' && <small>{shown.unit}</small>}
              </span>
            </button>
          );
        })}
      </div>
      {card.explain === 'dibao' && <DibaoNote total={data.total} />}
      {chart.kind === 'bars' && chart.table === true && (
        <table className="home-mini-table" data-testid={`home-${card.id}-table`}>
          <thead>
            <tr>
              <th>去向</th>
              {chart.series.map((s) => <th key={s.label}>{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {chart.categories.map((c, i) => (
              <tr key={c}>
                <th>{c}</th>
                {chart.series.map((s) => {
                  const v = cellsValue(s.cells[i] ?? [], data.total);
                  return (
                    <td key={s.label}>
                      <button type="button" className="home-cell" onClick={() => onOpen({ to: 'report' })} data-value={String(v ?? '')}>
                        {v === null ? '—' : v.toLocaleString('zh-CN')}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="home-chart-title">{chart.title}</div>
      <EChart
        option={option}
        height={CHART_HEIGHT}
        label={`${card.title}：${chart.title}`}
        testId={`home-${card.id}-chart`}
        onClick={chart.kind === 'regions' ? (i) => { const r = data.regions[i]; if (r) select(r.regionCode); } : undefined}
      />
    </>
  );
} // prettier-ignore

/** Why 享受低保人数 and the members of 低保贫困户 need not be equal, with this region's numbers. */
function DibaoNote({ total }: { total: CardData['total'] }) {
  const members = cellsValue(['attribute_2_persons', 'attribute_4_persons'], total) ?? 0;
  const dibao = total.dibao_persons ?? 0;
  const both = total.dibao_in_attribute ?? 0;
  if (members === dibao && dibao === both)
    return <p className="home-note" data-testid="home-dibao-note">两数一致：低保贫困户的成员都享受低保，享受低保的人都在低保贫困户中。</p>;
  return (
    <p className="home-note" data-testid="home-dibao-note">
      两数口径不同：享受低保人数按成员是否享受低保统计，低保贫困户（含低保特困供养）按户属性统计全户成员。
      {members > both && `低保贫困户中有 ${figureText(members - both, '人')}未标注享受低保；`}
      {dibao > both && `另有 ${figureText(dibao - both, '人')}享受低保但所在户不是低保贫困户。`}
    </p>
  );
} // prettier-ignore
