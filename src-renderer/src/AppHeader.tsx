import { Button, Layout, Space, Typography } from 'antd';
import { BankOutlined, KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';

interface AppHeaderProps {
  officeName: string;
  onChangePassword: () => void;
  onLock: () => void;
  onLogout: () => void;
}

export function AppHeader({ officeName, onChangePassword, onLock, onLogout }: AppHeaderProps) {
  return (
    <Layout.Header className="app-header">
      <div className="app-header-brand">
        <BankOutlined className="app-header-icon" />
        <div>
          <Typography.Title level={4} className="app-header-office">
            {officeName}
          </Typography.Title>
          <Typography.Text type="secondary" className="app-header-product">
            CivReg 民政登记服务台
          </Typography.Text>
        </div>
      </div>
      <Space>
        <Button icon={<KeyOutlined />} onClick={onChangePassword}>
          修改密码
        </Button>
        <Button icon={<LockOutlined />} onClick={onLock}>
          锁定屏幕
        </Button>
        <Button icon={<LogoutOutlined />} onClick={onLogout}>
          退出登录
        </Button>
      </Space>
    </Layout.Header>
  );
}
