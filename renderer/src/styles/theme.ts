// A calm, dense office look: readable 14px text, slightly tighter controls, a muted navy header.
import type { ThemeConfig } from 'antd';

/** System fonts only — the app is offline. Windows, macOS, Kylin/Linux in that order. */
export const FONT_STACK =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

export const HEADER_BG = '#1d3f66';

export const ledgerTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    fontFamily: FONT_STACK,
    fontSize: 14,
    borderRadius: 4,
    controlHeight: 30,
    colorBgLayout: '#f0f2f5',
    motion: false, // old PCs: no animations
  },
  components: {
    Layout: {
      headerBg: HEADER_BG,
      headerHeight: 48,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f0f2f5',
    },
    Menu: { horizontalLineHeight: '40px', itemPaddingInline: 14 },
    Card: { bodyPadding: 16, headerHeight: 40 },
    Statistic: { contentFontSize: 24 },
    Tree: { titleHeight: 26 },
  },
};
