import { lazy, Suspense, type ReactNode } from 'react';
import { MailOutlined, NotificationOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { Me } from '../../api/types';
import type { WorkspaceFeature } from '../types';

const NotificationBell = lazy(() => import('./NotificationBell'));
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const OutboxPage = lazy(() => import('./OutboxPage'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;
const isAdmin = (user: Me) => user.roles.some((r) => r.role === 'admin');

/**
 * Notifications: the header's bell, the list page, and for admins the e-mail page (what could
 * not be sent, the SMTP check). The profile's e-mail settings are MailSettingsCard.
 */
export const notificationsFeature: WorkspaceFeature = {
  routes: [
    { path: 'notifications', element: page(<NotificationsPage />) },
    { path: 'admin/email', element: page(<OutboxPage />) },
  ],
  menu: [
    {
      key: '/notifications',
      icon: <NotificationOutlined aria-hidden />,
      label: { vi: 'Thông báo', en: 'Notifications' },
    },
    {
      key: '/admin/email',
      icon: <MailOutlined aria-hidden />,
      label: { vi: 'Thư điện tử', en: 'E-mail' },
      visible: isAdmin,
    },
  ],
  headerItems: [
    {
      key: 'notifications.bell',
      Item: () => (
        <Suspense fallback={null}>
          <NotificationBell />
        </Suspense>
      ),
    },
  ],
  auditLabels: {
    entity: {
      account_mail: { vi: 'Cài đặt thư điện tử', en: 'E-mail settings' },
    },
  },
};
