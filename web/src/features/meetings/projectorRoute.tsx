import { lazy } from 'react';
import { RequireAuth } from '../../components/RequireAuth';
import type { FeatureRoute } from '../types';

const ProjectorPage = lazy(() => import('./ProjectorPage'));

/**
 * The projector page's route, mounted by App outside the workspace layout (no side menu, no
 * header): the whole screen is the meeting's. Signed in, as every workspace page.
 */
export const projectorRoute: FeatureRoute = {
  path: 'meetings/:id/projector',
  element: (
    <RequireAuth>
      <ProjectorPage />
    </RequireAuth>
  ),
};
