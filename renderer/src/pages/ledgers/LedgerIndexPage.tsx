// 专项台账: every thematic ledger by its group, with how many records it has in the region selected in
// the tree. A click (or Enter on a focused card) opens the ledger.
import type { KeyboardEvent } from 'react';
import { Card, Tag, Typography } from 'antd';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { RegionScope } from '../../nav/RegionScope.tsx';
import { useRoute } from '../../state/route.ts';
import { ledgerGroups } from './ledger-groups.ts';
import { SUBJECT_TAGS } from './ledger-display.tsx';
import './ledgers.css';

const GROUPS = ledgerGroups();

export function LedgerIndexPage() {
  const { selectedCode } = useRegionSelection();
  const { open } = useRoute();
  const list = useLedgerQuery('ledgers.list', { regionCode: selectedCode });
  const counts = new Map((list.data ?? []).map((l) => [l.id, l.records]));

  const onKey = (e: KeyboardEvent<HTMLElement>, id: string, name: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open({ page: 'ledger', id }, name);
    }
  };

  return (
    <div className="ledger-index" data-testid="page-ledgers">
      <div className="page-heading">
        <Typography.Title level={4}>专项台账</Typography.Title>
        <RegionScope testId="ledgers-region" />
        <span className="page-heading-path">就业、保障、防疫等专项工作的台账；记录数为所选区划内的数量</span>
      </div>
      <LoadErrorAlert
        title="台账目录读取失败"
        error={list.error}
        onRetry={list.reload}
        testId="ledgers-error"
      />
      {GROUPS.map((g) => (
        <section key={g.group} className="ledger-group" data-testid="ledger-group">
          <h5 className="ledger-group-title">{g.group}</h5>
          <div className="ledger-cards">
            {g.defs.map((def) => {
              const n = counts.get(def.id);
              return (
                <Card
                  key={def.id}
                  size="small"
                  hoverable
                  className="ledger-card"
                  tabIndex={0}
                  role="link"
                  aria-label={def.name}
                  onClick={() => open({ page: 'ledger', id: def.id }, def.name)}
                  onKeyDown={(e) => onKey(e, def.id, def.name)}
                  data-testid={`ledger-card-${def.id}`}
                >
                  <div className="ledger-card-head">
                    <span className="ledger-card-name">{def.name}</span>
                    <span
                      className={`ledger-card-count${n === 0 ? ' ledger-card-count-zero' : ''}`}
                      data-testid="ledger-card-count"
                      data-value={n ?? ''}
                    >
                      {n === undefined ? (list.loading ? '…' : '') : `${n.toLocaleString('zh-CN')} 条`}
                    </span>
                  </div>
                  <div className="ledger-card-desc" title={def.description}>
                    {def.description}
                  </div>
                  <div className="ledger-card-foot">
                    <Tag>{SUBJECT_TAGS[def.subject]}</Tag>
                    {def.parent !== undefined && <Tag color="blue">附属台账</Tag>}
                  </div>
                </Card>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
