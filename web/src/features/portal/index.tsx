import type { WorkspaceFeature } from '../types';

/** The portal pages of the workspace. */
export const portalFeature: WorkspaceFeature = { routes: [], menu: [] };
