// The main navigation: one entry per area of the app. Keys appear in data-testid="nav-<key>".
export const NAV_ITEMS = [
  { key: 'home', label: '首页' },
  { key: 'households', label: '户籍台账' },
  { key: 'special', label: '专项台账' },
  { key: 'import', label: '导入' },
  { key: 'reports', label: '报表' },
  { key: 'print', label: '打印' },
  { key: 'quality', label: '数据质量' },
  { key: 'settings', label: '设置' },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]['key'];

export const navLabel = (key: NavKey): string => NAV_ITEMS.find((i) => i.key === key)?.label ?? key;
