import { meetingsFeature } from './meetings/index';
import { portalFeature } from './portal/index';
import { reportsFeature } from './reports/index';
import type { WorkspaceSlots } from './slots';
import type { WorkspaceFeature } from './types';

/** Features beyond units and accounts, in menu order. */
export const features: WorkspaceFeature[] = [reportsFeature, meetingsFeature, portalFeature];

/** The home page's sections of every feature, in page order. */
export const homeSections = features
  .flatMap((f) => f.homeSections ?? [])
  .sort((a, b) => a.order - b.order);

/** Audit-log labels the features declare, merged by code. */
export const featureEntityLabels = Object.assign(
  {},
  ...features.map((f) => f.auditLabels?.entity ?? {}),
) as Record<string, Record<'vi' | 'en', string>>;

export const featureActionLabels = Object.assign(
  {},
  ...features.map((f) => f.auditLabels?.action ?? {}),
) as Record<string, Record<'vi' | 'en', string>>;

/** What the features add to each other's pages, provided to the slots by App. */
export const featureSlots: WorkspaceSlots = {
  reportPanels: features.flatMap((f) => f.reportPanels ?? []),
  periodLinks: features.flatMap((f) => f.periodLinks ?? []),
};
