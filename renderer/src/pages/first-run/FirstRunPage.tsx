// First run (app.info.initialized === false): choose the county or load the sample county.
import { useState } from 'react';
import { Alert, App, Card, Col, Row, Typography } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/result.ts';
import { api } from '../../api/transport.ts';
import { CreateLedgerPanel } from './CreateLedgerPanel.tsx';
import { DEMO_HOUSEHOLDS, LoadDemoPanel } from './LoadDemoPanel.tsx';

type Action = 'create' | 'demo';

export function FirstRunPage(props: { info: ResponseOf<'app.info'>; onInitialized: () => void }) {
  const { info, onInitialized } = props;
  const { message } = App.useApp();
  const [running, setRunning] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(action: Action, call: () => Promise<Result<T>>, done: (value: T) => string) {
    setRunning(action);
    setError(null);
    const result = await call();
    if (result.ok) {
      // Stay disabled: the shell replaces this page as soon as app.info is read again.
      void message.success(done(result.value));
      onInitialized();
      return;
    }
    setRunning(null);
    setError(result.error.message);
    void message.error(result.error.message);
    if (result.error.code === 'already-initialized') onInitialized();
  }

  const create = (countyCode: string) =>
    run(
      'create',
      () => api.call('ledger.create', { countyCode }),
      (v) => `已建立${v.county.fullName}台账：${v.townships} 个乡镇，${v.villages} 个村。`,
    );
  const loadDemo = () =>
    run(
      'demo',
      () => api.call('ledger.loadDemo', { households: DEMO_HOUSEHOLDS, ledgers: true }),
      (v) =>
        `已载入示例数据：${v.county.fullName}，${v.households} 户，${v.persons} 人，专项台账 ${v.records} 条记录。`,
    );

  return (
    <div className="first-run" data-testid="first-run">
      <Card className="first-run-card" title="欢迎使用县域统筹台账">
        <Typography.Paragraph>本台账文件还没有内容。请选择一种开始方式：</Typography.Paragraph>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title="操作未完成"
            description={error}
            style={{ marginBottom: 16 }}
            data-testid="first-run-error"
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <CreateLedgerPanel busy={running !== null} creating={running === 'create'} onCreate={create} />
          </Col>
          <Col xs={24} md={12}>
            <LoadDemoPanel busy={running !== null} loading={running === 'demo'} onLoad={loadDemo} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          台账文件：<span data-testid="first-run-ledger-path">{info.ledgerPath}</span>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
