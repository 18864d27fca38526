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

/** Every slot's contributions, in the features' menu order. */
export interface WorkspaceSlots {
  reportPanels: readonly ReportPanel[];
}

const SlotsContext = createContext<WorkspaceSlots>({ reportPanels: [] });

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
