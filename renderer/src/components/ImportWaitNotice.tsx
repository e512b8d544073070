// 正在导入，稍候保存: shown while a save waits for an import's commit (api/import-wait.ts), then gone; the
// page's own 已保存 follows when the save is answered.
import { App } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/transport.ts';

const KEY = 'import-wait';
export const IMPORT_WAIT_TEXT = '正在导入，稍候保存';

export function ImportWaitNotice() {
  const { message } = App.useApp();
  const waiting = useSyncExternalStore(api.importWaits.subscribe, api.importWaits.count) > 0;
  useEffect(() => {
    if (!waiting) return;
    void message.open({ key: KEY, type: 'loading', content: IMPORT_WAIT_TEXT, duration: 0 });
    return () => message.destroy(KEY);
  }, [waiting, message]);
  return null;
}
