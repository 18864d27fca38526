import type { ThemeConfig } from 'antd';

/**
 * The workspace's colours, in one place: the maroon of the side menu is the primary colour of
 * buttons, links and the charts' bars; the gold of the emblem's star marks the expected line.
 */
export const brand = {
  maroon: '#7a1a1a',
  maroonHover: '#9a2a2a',
  maroonActive: '#5c1212',
  maroonDark: '#4a0d0d',
  gold: '#f2c94c',
} as const;

/** Colours of the charts (recharts takes plain colours, not antd tokens). */
export const chartColors = {
  bar: brand.maroon,
  expected: '#8a5a00',
  target: '#1e6b30',
  grid: '#d9d9d9',
} as const;

/**
 * antd's default greys are below WCAG AA contrast on white (placeholder #bfbfbf, tertiary
 * #8c8c8c). These tokens keep every text at 4.5:1 or better, which the browser tests check with
 * axe; the maroon with white text is 10.5:1, its hover shade 7.7:1.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.maroon,
    // antd derives a lighter hover shade: keep hover at AA too.
    colorPrimaryHover: brand.maroonHover,
    colorPrimaryActive: brand.maroonActive,
    colorLink: brand.maroon,
    colorLinkHover: brand.maroonHover,
    colorInfo: '#0b57d0',
    colorError: '#b3261e',
    colorSuccess: '#1e7b34',
    colorWarning: '#8a5300',
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#666666',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji'",
  },
  components: {
    Layout: {
      siderBg: brand.maroon,
      headerBg: '#ffffff',
      headerPadding: '0 24px',
    },
    Menu: {
      darkItemBg: brand.maroon,
      darkSubMenuItemBg: brand.maroon,
      darkItemColor: 'rgba(255, 255, 255, 0.9)',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: brand.maroonDark,
      darkItemSelectedColor: '#ffffff',
    },
  },
};

/** Tag colours dark enough for white text (antd's preset green/gold/cyan tags are too light). */
export const tagColors = {
  role: '#1f4e8c',
  admin: brand.maroon,
  active: '#1e6b30',
  inactive: '#595959',
} as const;
