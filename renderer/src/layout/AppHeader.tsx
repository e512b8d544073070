// Top bar: the program's name, the ledger's county and a 示例数据 mark for sample ledgers.
import { Layout, Tag, Tooltip } from 'antd';
import type { ResponseOf } from '../../../shared/contract/index.ts';

type AppInfo = ResponseOf<'app.info'>;

export function AppHeader({ info }: { info: AppInfo }) {
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
      <span className="ledger-header-meta" data-testid="header-version">
        {info.host === 'browser' ? '浏览器模式 · ' : ''}版本 {info.version}
      </span>
    </Layout.Header>
  );
}
