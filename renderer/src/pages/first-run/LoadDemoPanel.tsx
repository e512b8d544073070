// 载入示例数据: a synthetic county for learning and training, clearly marked 示例数据.
import { Button, Card, Typography } from 'antd';

export const DEMO_HOUSEHOLDS = 2000;

export function LoadDemoPanel(props: { busy: boolean; loading: boolean; onLoad: () => void }) {
  const { busy, loading, onLoad } = props;
  return (
    <Card className="first-run-choice" title="载入示例数据" data-testid="first-run-demo-panel">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        生成一个合成的示例县（默认湖北省襄阳市保康县，{DEMO_HOUSEHOLDS.toLocaleString('zh-CN')}{' '}
        户），用于熟悉操作和培训。所有人员信息均为程序虚构，界面上始终标明“示例数据”。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        载入后，本台账文件即为示例台账，不能再用于正式数据；正式使用时请另建台账文件并选择“创建新台账”。
      </Typography.Paragraph>
      <Button disabled={busy} loading={loading} onClick={onLoad} data-testid="first-run-demo">
        载入示例数据
      </Button>
      {loading && (
        <Typography.Text type="secondary" data-testid="first-run-demo-progress">
          正在生成示例数据，可能需要几秒到几十秒，请稍候……
        </Typography.Text>
      )}
    </Card>
  );
}
