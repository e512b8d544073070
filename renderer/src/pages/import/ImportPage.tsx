// 导入: bring a roster from Excel/WPS/CSV into the ledger (analyse, preview, import as one batch), and
// 导入历史, where a batch can be undone.
import { useState } from 'react';
import { Tabs, Typography } from 'antd';
import { ImportFlow } from './ImportFlow.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import './import-page.css';

type TabKey = 'import' | 'history';

export function ImportPage({ into = null }: { into?: string | null }) {
  const [tab, setTab] = useState<TabKey>('import');
  const [highlight, setHighlight] = useState<number | null>(null);
  return (
    <div className="import-page" data-testid="page-import">
      <div className="page-heading">
        <Typography.Title level={4}>导入</Typography.Title>
        <span className="page-heading-path">从 Excel、WPS 或 CSV 花名册导入户和人员，或专项台账的记录</span>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        className="import-page-tabs"
        items={[
          {
            key: 'import',
            label: <span data-testid="import-tab-import">导入文件</span>,
            children: (
              <ImportFlow
                into={into}
                onHistory={(batchId) => {
                  setHighlight(batchId);
                  setTab('history');
                }}
              />
            ),
          },
          {
            key: 'history',
            label: <span data-testid="import-tab-history">导入历史</span>,
            children: tab === 'history' && <ImportHistory highlight={highlight} />,
          },
        ]}
      />
    </div>
  );
}
