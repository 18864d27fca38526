import { Suspense, useState } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../api/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { features } from '../features/registry';
import { FullPageSpin } from '../components/RequireAuth';
import { useI18n } from '../i18n';
import { isAdmin } from '../roles';
import { sectionOf } from '../menu';

/** Top-level path of the current page, which is also its menu key. */
export default function AppLayout() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const admin = isAdmin(user);
  const [collapsed, setCollapsed] = useState(false);

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

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={232}
        breakpoint="lg"
        collapsedWidth={64}
        collapsed={collapsed}
        onBreakpoint={setCollapsed}
        trigger={null}
      >
        <div style={{ padding: '16px 20px', color: '#fff', fontSize: 20, fontWeight: 700 }}>
          {collapsed ? 'GB' : t('app.name')}
        </div>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[
              sectionOf(
                location.pathname,
                (items ?? []).map((item) => String(item?.key ?? '')),
              ),
            ]}
            items={items}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #e5e5e5' }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }} wrap>
            <LanguageSwitch />
            {/* The user's own name opens their profile, where the password is changed. */}
            <Button
              type="text"
              icon={<UserOutlined aria-hidden />}
              title={t('nav.profileHint')}
              onClick={() => void navigate('/profile')}
            >
              <strong>{user.fullName}</strong>
            </Button>
            <Button
              icon={<LogoutOutlined aria-hidden />}
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {t('nav.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
