// Top bar: the program's name, the ledger's county, a 示例数据 mark for sample ledgers, the county-wide
// 查人 box and the operator's name (click to change).
import { useState } from 'react';
import { Button, Input, Layout, Tag, Tooltip } from 'antd';
import { SearchOutlined, UserOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { useOperator } from '../state/operator.ts';
import { useRoute } from '../state/route.ts';

type AppInfo = ResponseOf<'app.info'>;

export function AppHeader({ info }: { info: AppInfo }) {
  const operator = useOperator();
  const { open } = useRoute();
  const [q, setQ] = useState('');
  return (
    <Layout.Header className="ledger-header" data-testid="app-header">
      <span className="ledger-header-brand">县域统筹台账</span>
      <span className="ledger-header-county" data-testid="header-county" title={info.county?.fullName}>
        {info.county?.fullName ?? ''}
      </span>
      {info.isSample && (
        <Tooltip title="本台账是程序生成的示例数据，人员信息均为虚构，仅供熟悉和培训使用。">
          <Tag color="orange" variant="solid" data-testid="header-sample-tag">
            示例数据
          </Tag>
        </Tooltip>
      )}
      <span className="ledger-header-spacer" />
      <Input
        className="ledger-header-search"
        size="small"
        prefix={<SearchOutlined />}
        placeholder="查人：姓名、证件号码或电话"
        aria-label="全县查人"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && q.trim() !== '') {
            open({ page: 'person-search', q: q.trim() }, `查人：${q.trim()}`);
            setQ('');
          }
        }}
        data-testid="header-person-search"
      />
      <Button
        type="text"
        size="small"
        className="ledger-header-operator"
        icon={<UserOutlined />}
        onClick={operator.change}
        title="更换操作员"
        data-testid="header-operator"
      >
        {operator.name ?? '未填写操作员'}
      </Button>
      <span className="ledger-header-meta" data-testid="header-version">
        {info.host === 'browser' ? '浏览器模式 · ' : ''}版本 {info.version}
      </span>
    </Layout.Header>
  );
}
