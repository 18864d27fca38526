import { portalFeature } from './portal/index';
import { reportsFeature } from './reports/index';
import type { WorkspaceFeature } from './types';

/** Features beyond units and accounts, in menu order. */
export const features: WorkspaceFeature[] = [reportsFeature, portalFeature];
