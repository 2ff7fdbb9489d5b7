import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import './app.css';

dayjs.locale('zh-cn');

// A light header and sider: the registrar's attention belongs on the page, not the frame.
const theme = {
  components: {
    Layout: { headerBg: '#fff', headerPadding: '0 24px', siderBg: '#fff', bodyBg: '#f5f7fa' },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No space forced between two-character labels (登 录): button names stay the words themselves. */}
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      {/* AntApp gives message / modal hooks that follow the locale and theme above. */}
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
