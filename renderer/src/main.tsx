// Entry: the renderer's only script (CSP `script-src 'self'`: no inline code anywhere).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App.tsx';
import { keepClearButtonsOutOfTabOrder } from './lib/untab-clear-buttons.ts';
import { ledgerTheme } from './styles/theme.ts';
import './styles/global.css';

dayjs.locale('zh-cn');
keepClearButtonsOutOfTabOrder();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html 缺少 #root');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={ledgerTheme} button={{ autoInsertSpace: false }}>
      <AntdApp message={{ maxCount: 2, duration: 2 }}>
        <App />
      </AntdApp>
    </ConfigProvider>
  </StrictMode>,
);
