import { lazy, Suspense, type ReactNode } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { Me, Role } from '../../api/types';
import type { WorkspaceFeature } from '../types';

const MeetingsListPage = lazy(() => import('./MeetingsListPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const PeriodMeetingLink = lazy(() => import('./PeriodMeetingLink'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;
const holds =
  (...roles: Role[]) =>
  (user: Me) =>
    user.roles.some((r) => roles.includes(r.role));

/**
 * The briefing meetings: the list per period and unit, the meeting page with its tabs (or an
 * invited unit's view of it), the link from the period board. The projector's full-screen
 * page is mounted by App outside the layout (projectorRoute.tsx).
 */
export const meetingsFeature: WorkspaceFeature = {
  routes: [
    { path: 'meetings', element: page(<MeetingsListPage />) },
    { path: 'meetings/:id', element: page(<MeetingPage />) },
  ],
  menu: [
    {
      key: '/meetings',
      icon: <TeamOutlined aria-hidden />,
      label: { vi: 'Hội nghị giao ban', en: 'Briefing meetings' },
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
    },
  ],
  periodLinks: [
    {
      key: 'meetings.period',
      Link: (props) => (
        <Suspense fallback={null}>
          <PeriodMeetingLink {...props} />
        </Suspense>
      ),
    },
  ],
  auditLabels: {
    entity: {
      meeting: { vi: 'Hội nghị giao ban', en: 'Briefing meeting' },
    },
  },
};
