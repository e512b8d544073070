// Top level: load app.info, then either the first-run choice (no county yet) or the shell.
import { Button, Result, Spin } from 'antd';
import { useLedgerQuery } from './api/useLedgerQuery.ts';
import { AppShell } from './layout/AppShell.tsx';
import { ImportWaitNotice } from './components/ImportWaitNotice.tsx';
import { FirstRunPage } from './pages/first-run/FirstRunPage.tsx';

export function App() {
  const info = useLedgerQuery('app.info', {});

  if (info.data === undefined) {
    if (info.error !== undefined) {
      return (
        <div className="full-page-center">
          <Result
            status="error"
            title="无法打开台账"
            subTitle={info.error.message}
            extra={
              <Button type="primary" onClick={info.reload} loading={info.loading} data-testid="app-retry">
                重试
              </Button>
            }
            data-testid="app-error"
          />
        </div>
      );
    }
    return (
      <div className="full-page-center" data-testid="app-loading">
        <Spin size="large" description="正在打开台账……" />
      </div>
    );
  }

  if (!info.data.initialized) return <FirstRunPage info={info.data} onInitialized={info.reload} />;
  return (
    <>
      <ImportWaitNotice />
      <AppShell info={info.data} />
    </>
  );
}
