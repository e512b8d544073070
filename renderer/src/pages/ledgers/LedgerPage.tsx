// One thematic ledger: its name and description, and the tabs 记录 / 汇总 / 设置 (设置 only when the
// definition has settings).
import { useState } from 'react';
import { Alert, Tabs, Tag, Typography } from 'antd';
import { ledgerDef } from '../../../../shared/ledgers/index.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { RegionScope } from '../../nav/RegionScope.tsx';
import { useRouteTitle } from '../../state/useRouteStack.ts';
import { SUBJECT_TAGS } from './ledger-display.tsx';
import { LedgerRecords } from './LedgerRecords.tsx';
import { LedgerSettings } from './LedgerSettings.tsx';
import { EMPTY_VIEW, type LedgerListView } from './ledger-query.ts';
import { LedgerSummary, type SummaryDrill } from './LedgerSummary.tsx';
import './ledgers.css';

type TabKey = 'records' | 'summary' | 'settings';

export function LedgerPage({ id }: { id: string }) {
  const def = ledgerDef(id);
  const { select } = useRegionSelection();
  const [tab, setTab] = useState<TabKey>('records');
  // A 汇总 number opened as records: the list starts over with its filters (n remounts it).
  const [drilled, setDrilled] = useState<{ view: LedgerListView; n: number } | null>(null);
  const drill: SummaryDrill = (regionCode, filters) => {
    select(regionCode);
    setDrilled((d) => ({ view: { ...EMPTY_VIEW, filters }, n: (d?.n ?? 0) + 1 }));
    setTab('records');
  };
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  useRouteTitle(def?.name);

  if (def === undefined)
    return <Alert type="error" showIcon title={`没有编号为 ${id} 的专项台账`} data-testid="ledger-missing" />;

  return (
    <div className="ledger-book" data-testid="page-ledger" data-ledger-id={def.id}>
      <div className="page-heading">
        <Typography.Title level={4} data-testid="ledger-title">
          {def.name}
        </Typography.Title>
        <Tag>{SUBJECT_TAGS[def.subject]}</Tag>
        <RegionScope testId="ledger-region" />
      </div>
      <div className="ledger-description" data-testid="ledger-description">
        {def.description}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        className="ledger-tabs"
        items={[
          {
            key: 'records',
            label: <span data-testid="ledger-tab-records">记录</span>,
            children: (
              <LedgerRecords
                key={drilled?.n ?? 0}
                def={def}
                onChanged={changed}
                initialView={drilled?.view}
              />
            ),
          },
          {
            key: 'summary',
            label: <span data-testid="ledger-tab-summary">汇总</span>,
            children: tab === 'summary' && <LedgerSummary def={def} version={version} onDrill={drill} />,
          },
          ...((def.settings?.length ?? 0) > 0
            ? [
                {
                  key: 'settings' as const,
                  label: <span data-testid="ledger-tab-settings">设置</span>,
                  children: tab === 'settings' && <LedgerSettings def={def} onChanged={changed} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
