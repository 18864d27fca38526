import { meetingsFeature } from './meetings/index';
import { notificationsFeature } from './notifications/index';
import { portalFeature } from './portal/index';
import { reportsFeature } from './reports/index';
import { searchFeature } from './search/index';
import { tasksFeature } from './tasks/index';
import type { WorkspaceSlots } from './slots';
import type { AuditDetailLabels, WorkspaceFeature } from './types';

/** Features beyond units and accounts, in menu order. */
export const features: WorkspaceFeature[] = [
  reportsFeature,
  meetingsFeature,
  tasksFeature,
  portalFeature,
  searchFeature,
  notificationsFeature,
];

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

/** Every feature's labels of audit details, merged (loaded when the audit page asks). */
export async function loadAuditDetailLabels(): Promise<AuditDetailLabels> {
  const all = await Promise.all(features.map((f) => f.auditDetails?.() ?? Promise.resolve(null)));
  return {
    field: Object.assign({}, ...all.map((l) => l?.field ?? {})) as AuditDetailLabels['field'],
    value: Object.assign({}, ...all.map((l) => l?.value ?? {})) as AuditDetailLabels['value'],
  };
}

/** What the features add to each other's pages, provided to the slots by App. */
export const featureSlots: WorkspaceSlots = {
  reportPanels: features.flatMap((f) => f.reportPanels ?? []),
  periodLinks: features.flatMap((f) => f.periodLinks ?? []),
  meetingTabs: features.flatMap((f) => f.meetingTabs ?? []),
  meetingActions: features.flatMap((f) => f.meetingActions ?? []),
  meetingSummaryPanels: features.flatMap((f) => f.meetingSummaryPanels ?? []),
  headerItems: features.flatMap((f) => f.headerItems ?? []),
};
