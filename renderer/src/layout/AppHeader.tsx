// Top bar: the program's name, the ledger's county, a 示例数据 mark for sample ledgers, the county-wide
// 查人 box, the operator's name (click to change) and 关于 (version, ledger file, how the program runs).
import { useState } from 'react';
import { Button, Input, Layout, Tag, Tooltip } from 'antd';
import { InfoCircleOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { useOperator } from '../state/operator.ts';
import { useRoute } from '../state/route.ts';
import { AboutDialog } from './AboutDialog.tsx';

type AppInfo = ResponseOf<'app.info'>;

export function AppHeader({ info }: { info: AppInfo }) {
  const operator = useOperator();
  const { open } = useRoute();
  const [q, setQ] = useState('');
  const [about, setAbout] = useState(false);
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
      <Button
        type="text"
        size="small"
        className="ledger-header-operator"
        icon={<InfoCircleOutlined />}
        onClick={() => setAbout(true)}
        title="版本、台账文件位置"
        data-testid="header-about"
      >
        关于
      </Button>
      {about && <AboutDialog info={info} onClose={() => setAbout(false)} />}
    </Layout.Header>
  );
}
