// 首页: the key indicators of the region selected in the tree, each card computed from the report it
// names (shared/home/cards.ts) at request time, each with a chart, each number leading to the records or
// the report behind it. Every card loads on its own (a skeleton meanwhile), so the page appears at once.
import { Alert, Button, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { HOME_CARDS, type HomeCardDef, type HomeCardId } from '../../../../shared/home/cards.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { regionPlaceName } from '../../nav/region-label.ts';
import { RegionClearButton } from '../../nav/RegionScope.tsx';
import { EmptyLedger } from './EmptyLedger.tsx';
import { IndicatorCard } from './IndicatorCard.tsx';
import { QualityCard } from './QualityCard.tsx';
import './home.css';

/** Cards that take two columns of the grid (more numbers, a chart by region or a table). */
const WIDE: ReadonlySet<HomeCardId> = new Set(['register', 'migrant']);

export function HomePage() {
  const { selectedCode, selected, path } = useRegionSelection();
  // Reloading remounts the cards, so each asks again.
  const [round, setRound] = useState(0);
  const register = useLedgerQuery('home.card', { id: 'register', regionCode: selectedCode }, [round]);
  const households = register.data?.total.households;
  const empty = households === 0;
  const shown = register.data?.region;

  return (
    <div className="home-page" data-testid="page-home">
      <div className="page-heading">
        <Typography.Title level={4} data-testid="home-region-name">
          {regionPlaceName(path)}
        </Typography.Title>
        <RegionClearButton />
        <span className="page-heading-actions">
          <Button icon={<ReloadOutlined />} onClick={() => setRound((n) => n + 1)} data-testid="home-reload">
            刷新
          </Button>
        </span>
      </div>

      {selected?.level === 'group' && shown !== undefined && (
        <Alert type="info" showIcon title={`报表按村汇总，下面是${shown.name}的数字。`} style={{ marginBottom: 12 }} />
      )}

      {empty ? (
        <EmptyLedger whole={selected === undefined || selected.level === 'county'} />
      ) : (
        <div className="home-grid" key={`${selectedCode ?? ''}:${round}`}>
          {HOME_CARDS.map((card) =>
            card.id === 'register' ? (
              <IndicatorCard key={card.id} card={card} query={register} className="home-card-wide" />
            ) : (
              <LoadedCard key={card.id} card={card} regionCode={selectedCode} wide={WIDE.has(card.id)} />
            ),
          )}
          <QualityCard regionCode={selectedCode} className="home-card-wide" />
        </div>
      )}
    </div>
  );
} // prettier-ignore

function LoadedCard({
  card,
  regionCode,
  wide,
}: {
  card: HomeCardDef;
  regionCode: string | null;
  wide: boolean;
}) {
  const query = useLedgerQuery('home.card', { id: card.id as HomeCardId, regionCode });
  return <IndicatorCard card={card} query={query} className={wide ? 'home-card-wide' : undefined} />;
}
