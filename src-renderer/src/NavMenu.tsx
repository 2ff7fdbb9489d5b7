import type { ReactNode } from 'react';
import { Menu } from 'antd';
import { AuditOutlined, BookOutlined, HeartOutlined, HomeOutlined, PrinterOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import { FileProtectOutlined } from '@ant-design/icons';
import { CalendarOutlined, DisconnectOutlined } from '@ant-design/icons';
import { AccountBookOutlined, FileDoneOutlined, FormOutlined } from '@ant-design/icons';
import { DashboardOutlined, ProfileOutlined, SolutionOutlined } from '@ant-design/icons';
import { CloudSyncOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { Role } from '../../src-main/contract';
import { ROUTE_KEYS, ROUTES, isInMenu, isRouteKey, type RouteKey } from './routes';
import { navigate } from './useHashRoute';

const ICONS: Record<RouteKey, ReactNode> = {
  home: <HomeOutlined />,
  marriage: <HeartOutlined />,
  divorce: <DisconnectOutlined />,
  dates: <CalendarOutlined />,
  reissue: <FileProtectOutlined />,
  funeral: <FormOutlined />,
  'funeral-review': <FileDoneOutlined />,
  'funeral-settlement': <AccountBookOutlined />,
  unclaimed: <SolutionOutlined />,
  'unclaimed-dashboard': <DashboardOutlined />,
  'cremation-ledger': <ProfileOutlined />,
  'eco-burial': <EnvironmentOutlined />,
  print: <PrinterOutlined />,
  booklets: <BookOutlined />,
  statistics: <BarChartOutlined />,
  sync: <CloudSyncOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

/** Only the pages this role may use; the pages check again, and the server has the last word. */
export function NavMenu({ role, route }: { role: Role; route: RouteKey }) {
  const items = ROUTE_KEYS.filter((key) => isInMenu(role, key)).map((key) => ({ key, icon: ICONS[key], label: ROUTES[key].title }));

  return (
    <Menu
      mode="inline"
      selectedKeys={[route]}
      items={items}
      onClick={({ key }) => {
        if (isRouteKey(key)) navigate(key);
      }}
      style={{ height: '100%', borderInlineEnd: 'none' }}
    />
  );
}
