import { lazy, Suspense, type ReactNode } from 'react';
import { CheckSquareOutlined, FundOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { Me, Role } from '../../api/types';
import type { WorkspaceFeature } from '../types';
import { countTasksTodo } from './home';

const TasksListPage = lazy(() => import('./TasksListPage'));
const TaskPage = lazy(() => import('./TaskPage'));
const OverviewPage = lazy(() => import('./OverviewPage'));
const TaskSettingsPage = lazy(() => import('./TaskSettingsPage'));
const MeetingTasksTab = lazy(() => import('./MeetingTasksTab'));
const TasksHomeSection = lazy(() => import('./HomeSection'));
const ReportTasksPanel = lazy(() => import('./ReportTasksPanel'));
const FollowUpPanel = lazy(() => import('./FollowUpPanel'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;
const holds =
  (...roles: Role[]) =>
  (user: Me) =>
    user.roles.some((r) => roles.includes(r.role));

/**
 * Tasks made from a meeting's directives or issued directly: the list (filters in the URL),
 * the task page with its progress updates, the meeting page's "Nhiệm vụ" tab, the settings;
 * the report form's part about the unit's open tasks and the follow-up in a meeting's summary.
 */
export const tasksFeature: WorkspaceFeature = {
  routes: [
    { path: 'tasks', element: page(<TasksListPage />) },
    { path: 'tasks/overview', element: page(<OverviewPage />) },
    { path: 'tasks/settings', element: page(<TaskSettingsPage />) },
    { path: 'tasks/:id', element: page(<TaskPage />) },
  ],
  menu: [
    {
      key: '/tasks',
      icon: <CheckSquareOutlined aria-hidden />,
      label: { vi: 'Nhiệm vụ', en: 'Tasks' },
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
    },
    {
      key: '/tasks/overview',
      icon: <FundOutlined aria-hidden />,
      label: { vi: 'Tổng quan nhiệm vụ', en: 'Tasks overview' },
      visible: holds('secretariat', 'chair'),
    },
  ],
  homeSections: [
    {
      key: 'tasks',
      order: 10,
      visible: holds('reporter', 'unit_head', 'secretariat', 'chair'),
      count: countTasksTodo,
      component: TasksHomeSection,
    },
  ],
  meetingTabs: [
    {
      key: 'tasks',
      label: { vi: 'Nhiệm vụ', en: 'Tasks' },
      visible: (m) => m.state === 'concluded',
      Tab: (props) => page(<MeetingTasksTab {...props} />),
    },
  ],
  reportPanels: [
    {
      key: 'tasks.open',
      Panel: (props) => (
        <Suspense fallback={null}>
          <ReportTasksPanel {...props} />
        </Suspense>
      ),
    },
  ],
  meetingSummaryPanels: [
    {
      key: 'tasks.follow-up',
      Panel: (props) => (
        <Suspense fallback={null}>
          <FollowUpPanel {...props} />
        </Suspense>
      ),
    },
  ],
  auditDetails: () => import('./audit-labels').then((m) => m.auditDetailLabels),
  auditLabels: {
    entity: {
      task: { vi: 'Nhiệm vụ', en: 'Task' },
      task_update: { vi: 'Cập nhật tiến độ nhiệm vụ', en: 'Task progress update' },
      task_settings: { vi: 'Cấu hình nhiệm vụ', en: 'Task settings' },
      report_task_answers: {
        vi: 'Tiến độ nhiệm vụ trong báo cáo',
        en: 'Task progress in a report',
      },
    },
  },
};
