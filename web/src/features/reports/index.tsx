import type { WorkspaceFeature } from '../types';

/** The reports pages of the workspace. */
export const reportsFeature: WorkspaceFeature = { routes: [], menu: [] };
