import { Suspense, useState } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../api/auth';
import { useUnits } from '../api/units';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { features } from '../features/registry';
import { FullPageSpin } from '../components/RequireAuth';
import { useI18n } from '../i18n';
import { isAdmin } from '../roles';
import { sectionOf } from '../menu';
import { committeeOf } from '../unitTree';
import { HeaderItems } from '../features/slots';

/** The app's emblem (served by the server as /favicon.svg); decorative beside its name. */
function Emblem({ size }: { size: number }) {
  return <img src="/favicon.svg" alt="" width={size} height={size} style={{ flex: 'none' }} />;
}

/**
 * The signed-in shell: the side menu and a header with the language, the user and sign-out.
 * Below antd's `md` breakpoint (768 px, a phone) the menu moves into a drawer opened from the
 * header, the language and the user's name move into the drawer, and sign-out keeps only its
 * icon, so the header never wraps over the page.
 */
export default function AppLayout() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const admin = isAdmin(user);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  const units = useUnits();
  const committee = committeeOf(
    units.data ?? [],
    user.roles.map((r) => r.unitId),
  );
  const committeeName = committee?.name ?? '';
  // Before antd's first measurement screens is empty: ask the browser, so a phone never
  // flashes the side menu.
  const phone =
    screens.md === undefined ? window.matchMedia('(max-width: 767.98px)').matches : !screens.md;

  // Menu items navigate on click rather than wrapping links: a link inside role="menuitem"
  // is a nested interactive control for screen readers.
  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined aria-hidden />, label: t('nav.home') },
    // The briefing's own work (reports, meetings, portal…) comes first, administration after.
    ...features
      .flatMap((feature) => feature.menu)
      .filter((item) => item.visible?.(user) ?? true)
      .map((item) => ({ key: item.key, icon: item.icon, label: item.label[lang] })),
    { key: '/units', icon: <ApartmentOutlined aria-hidden />, label: t('nav.units') },
    ...(admin
      ? [
          { key: '/accounts', icon: <TeamOutlined aria-hidden />, label: t('nav.accounts') },
          { key: '/audit', icon: <AuditOutlined aria-hidden />, label: t('nav.audit') },
        ]
      : []),
    { key: '/profile', icon: <UserOutlined aria-hidden />, label: t('nav.profile') },
  ];
  const go = (key: string) => {
    setDrawerOpen(false);
    void navigate(key);
  };
  const menu = (theme: 'dark' | 'light') => (
    <nav aria-label={t('nav.mainMenu')}>
      <Menu
        theme={theme}
        mode="inline"
        selectedKeys={[
          sectionOf(
            location.pathname,
            (items ?? []).map((item) => String(item?.key ?? '')),
          ),
        ]}
        items={items}
        onClick={({ key }) => go(key)}
      />
    </nav>
  );
  // The user's own name opens their profile, where the password is changed.
  const profileButton = (
    <Button
      type="text"
      icon={<UserOutlined aria-hidden />}
      title={t('nav.profileHint')}
      onClick={() => go('/profile')}
    >
      <strong>{user.fullName}</strong>
    </Button>
  );
  const logoutButton = (
    <Button
      icon={<LogoutOutlined aria-hidden />}
      loading={logout.isPending}
      onClick={() => logout.mutate()}
      aria-label={phone ? t('nav.logout') : undefined}
      title={phone ? t('nav.logout') : undefined}
    >
      {phone ? null : t('nav.logout')}
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider
          width={232}
          breakpoint="lg"
          collapsedWidth={64}
          collapsed={collapsed}
          onBreakpoint={setCollapsed}
          trigger={null}
        >
          <Flex
            align="center"
            gap={10}
            style={{ padding: '14px 16px', color: '#fff', fontSize: 20, fontWeight: 700 }}
          >
            <Emblem size={32} />
            {!collapsed && t('app.name')}
          </Flex>
          {menu('dark')}
        </Layout.Sider>
      )}
      <Layout className="app-main">
        <Layout.Header
          className={phone ? 'app-header app-header-phone' : 'app-header'}
          style={{ borderBottom: '1px solid #e5e5e5' }}
        >
          {phone ? (
            <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
              <Button
                type="text"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('nav.openMenu')}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
              <Flex align="center" gap={8} className="app-header-name">
                <Emblem size={28} />
                <span className="app-header-committee">{committeeName || t('app.name')}</span>
              </Flex>
              <Flex align="center" gap={4}>
                <HeaderItems />
                {logoutButton}
              </Flex>
            </Flex>
          ) : (
            <Flex align="center" gap={16} style={{ height: '100%' }}>
              <Flex align="center" gap={10} className="app-header-name">
                <Emblem size={32} />
                <span className="app-header-committee">{committeeName}</span>
              </Flex>
              <HeaderItems />
              <LanguageSwitch />
              {profileButton}
              {logoutButton}
            </Flex>
          )}
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          {menu('light')}
          <Flex vertical align="flex-start" gap={12} style={{ padding: 16 }}>
            {profileButton}
            <LanguageSwitch />
          </Flex>
        </Drawer>
      )}
    </Layout>
  );
}
