import { lazy, Suspense } from 'react';
import type { WorkspaceFeature } from '../types';

const ReportTasksPanel = lazy(() => import('./ReportTasksPanel'));
const FollowUpPanel = lazy(() => import('./FollowUpPanel'));

/**
 * Tasks: the report form's part about the unit's open tasks, and the follow-up in a meeting's
 * compiled summary.
 */
export const tasksFeature: WorkspaceFeature = {
  routes: [],
  menu: [],
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
};
