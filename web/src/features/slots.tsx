import { createContext, useContext, type ComponentType } from 'react';

/*
 * Extension slots: places on a feature's page where other features add a part of their own
 * without the page's feature importing them. A feature declares what it adds in its
 * WorkspaceFeature (features/types.ts); the registry gathers the declarations and App provides
 * them here; the page renders its slot.
 */

/** What a report-page panel is told about the report it shows with. */
export interface ReportPanelProps {
  reportId: number;
  unitId: number;
  periodId: number;
}

/** A panel another feature adds to the report page, below the report. */
export interface ReportPanel {
  /** Unique among the panels: the React key, e.g. "tasks.open". */
  key: string;
  Panel: ComponentType<ReportPanelProps>;
}

/** What a period-board link is told about the period the board shows. */
export interface PeriodLinkProps {
  periodId: number;
  /** The convening unit of the period. */
  unitId: number;
}

/** A link another feature adds to the period board's header (the period's meeting). */
export interface PeriodLink {
  key: string;
  Link: ComponentType<PeriodLinkProps>;
}

/** Every slot's contributions, in the features' menu order. */
export interface WorkspaceSlots {
  reportPanels: readonly ReportPanel[];
  periodLinks?: readonly PeriodLink[];
}

const SlotsContext = createContext<WorkspaceSlots>({ reportPanels: [], periodLinks: [] });

/** Provides the registered contributions (App, and tests that render a slot). */
export const SlotsProvider = SlotsContext.Provider;

/** The report page's slot: the panels features registered, each told which report it is. */
export function ReportPanels(props: ReportPanelProps) {
  const { reportPanels } = useContext(SlotsContext);
  return (
    <>
      {reportPanels.map(({ key, Panel }) => (
        <Panel key={key} {...props} />
      ))}
    </>
  );
}

/** The period board's slot: the links features registered, each told which period it is. */
export function PeriodLinks(props: PeriodLinkProps) {
  const { periodLinks = [] } = useContext(SlotsContext);
  return (
    <>
      {periodLinks.map(({ key, Link }) => (
        <Link key={key} {...props} />
      ))}
    </>
  );
}
