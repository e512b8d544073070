// The horizontal main menu under the header.
import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  HomeOutlined,
  ImportOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { NAV_ITEMS, type NavKey } from './nav-items.ts';

const ICONS: Record<NavKey, ReactNode> = {
  home: <HomeOutlined />,
  households: <TeamOutlined />,
  special: <ProfileOutlined />,
  import: <ImportOutlined />,
  reports: <BarChartOutlined />,
  print: <PrinterOutlined />,
  quality: <AuditOutlined />,
  settings: <SettingOutlined />,
};

const items: MenuProps['items'] = NAV_ITEMS.map((item) => ({
  key: item.key,
  icon: ICONS[item.key],
  label: item.label,
  'data-testid': `nav-${item.key}`,
}));

export function NavMenu({ current, onChange }: { current: NavKey; onChange: (key: NavKey) => void }) {
  return (
    <Menu
      className="ledger-nav"
      mode="horizontal"
      items={items}
      selectedKeys={[current]}
      onClick={({ key }) => onChange(key as NavKey)}
      aria-label="主菜单"
      data-testid="nav-menu"
    />
  );
}
