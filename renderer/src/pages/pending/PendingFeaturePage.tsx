// Placeholder for an area that is not built yet: says so, shows nothing invented.
import { Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';

export function PendingFeaturePage({ pageKey, title }: { pageKey: string; title: string }) {
  return (
    <Card data-testid={`page-${pageKey}`}>
      <Result
        icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
        title={title}
        subTitle={`${title}：本功能正在开发中，尚未提供。`}
      />
    </Card>
  );
}
