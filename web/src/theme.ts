import type { ThemeConfig } from 'antd';

/**
 * antd's default greys and blue are below WCAG AA contrast on white (placeholder #bfbfbf,
 * tertiary #8c8c8c, primary #1677ff with white text ≈ 4.1:1). These tokens keep every text at
 * 4.5:1 or better, which the browser tests check with axe.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    // antd derives a lighter hover shade (#2f78de, 4.3:1 with white): keep hover at AA too.
    colorPrimaryHover: '#0a4fbd',
    colorPrimaryActive: '#083f96',
    colorLink: '#0b57d0',
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
      siderBg: '#7a1a1a',
      headerBg: '#ffffff',
      headerPadding: '0 24px',
    },
    Menu: {
      darkItemBg: '#7a1a1a',
      darkSubMenuItemBg: '#7a1a1a',
      darkItemColor: 'rgba(255, 255, 255, 0.9)',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: '#4a0d0d',
      darkItemSelectedColor: '#ffffff',
    },
  },
};

/** Tag colours dark enough for white text (antd's preset green/gold/cyan tags are too light). */
export const tagColors = {
  role: '#1f4e8c',
  admin: '#7a1a1a',
  active: '#1e6b30',
  inactive: '#595959',
} as const;
