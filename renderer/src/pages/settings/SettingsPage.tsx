// 设置: the operator's name (changeable here), the ledger's data year, 本乡镇 and 备份与恢复 (BackupPanel).
import { Button, Card, Descriptions, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { HomeRegionCard } from '../../nav/HomeRegionCard.tsx';
import { useOperator } from '../../state/operator.ts';
import { BackupPanel } from './BackupPanel.tsx';

export function SettingsPage() {
  const operator = useOperator();
  return (
    <div className="record-page" data-testid="page-settings">
      <div className="page-heading">
        <Typography.Title level={4}>设置</Typography.Title>
      </div>
      <Card size="small" title="操作员" className="record-card">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'operator',
              label: '当前操作员',
              children: <span data-testid="settings-operator">{operator.name ?? '未填写'}</span>,
            },
            { key: 'year', label: '数据年度', children: operator.dataYear ?? '—' },
          ]}
        />
        <p className="dialog-lead">
          台账的每一处修改都会记下当时的操作员姓名。换人使用本机时，请先更换操作员。
        </p>
        <Button icon={<UserOutlined />} onClick={operator.change} data-testid="settings-operator-change">
          更换操作员
        </Button>
      </Card>
      <HomeRegionCard />
      <BackupPanel />
      <Card size="small" title="其他设置" className="record-card">
        <span className="page-heading-path">代码表扩展等设置正在开发中，尚未提供。</span>
      </Card>
    </div>
  );
}
