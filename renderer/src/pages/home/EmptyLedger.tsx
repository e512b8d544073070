// 首页 of a region (or a whole ledger) with no households yet: the two ways to fill it.
import { Button, Card, Space, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useRoute } from '../../state/route.ts';

export function EmptyLedger({ whole }: { whole: boolean }) {
  const { open, reset } = useRoute();
  return (
    <Card className="home-empty" data-testid="home-empty">
      <Typography.Title level={5}>{whole ? '台账里还没有户籍数据' : '本区划还没有户籍数据'}</Typography.Title>
      <Typography.Paragraph type="secondary">
        从扶贫系统导出的 Excel 花名册可以直接导入；零星的户也可以逐户新增。有了户籍数据，这里会显示各项指标和图表。
      </Typography.Paragraph>
      <Space size="middle">
        <Button type="primary" size="large" icon={<ImportOutlined />} onClick={() => reset('import')} data-testid="home-empty-import">
          导入
        </Button>
        <Button size="large" icon={<PlusOutlined />} onClick={() => open({ page: 'new-household' })} data-testid="home-empty-new">
          新增户
        </Button>
      </Space>
    </Card>
  );
} // prettier-ignore
