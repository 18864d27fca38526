import { createContext, useContext, type ComponentType } from 'react';
import type { Lang } from '../i18n';

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
  /**
   * Registers what must be saved before the report moves (sent, approved): the page awaits
   * every registered function before the move, and does not move when one answers false (its
   * save failed and the panel says why), so nothing typed in a panel is lost to the move.
   * Returns the function that takes the registration back.
   */
  beforeMove?: (flush: () => Promise<boolean>) => () => void;
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

/** What a meeting-page part is told about the meeting the page shows. */
export interface MeetingSlotProps {
  meetingId: number;
  /** The convening unit. */
  unitId: number;
  periodId: number;
  /** planned | in_progress | concluded | cancelled */
  state: string;
  /** What the signed-in person may do with the meeting (the meeting answer's `actions`). */
  actions: readonly string[];
}

/** A tab another feature adds to the meeting page, after the meeting's own tabs. */
export interface MeetingTab {
  /** Unique among the tabs and the page's own (it is the `?tab=` value), e.g. "tasks". */
  key: string;
  label: Record<Lang, string>;
  /** Shown only for meetings for which this is true (e.g. concluded ones). */
  visible?: (meeting: MeetingSlotProps) => boolean;
  Tab: ComponentType<MeetingSlotProps>;
}

/** A button (or link) another feature adds to the meeting page's header. */
export interface MeetingAction {
  key: string;
  Action: ComponentType<MeetingSlotProps>;
}

/** A panel another feature adds at the end of a meeting's compiled summary. */
export interface MeetingSummaryPanel {
  key: string;
  Panel: ComponentType<{ meetingId: number }>;
}

/** An item another feature adds to the workspace header (the notification bell, search). */
export interface HeaderItem {
  key: string;
  Item: ComponentType;
}

/** Every slot's contributions, in the features' menu order. */
export interface WorkspaceSlots {
  reportPanels: readonly ReportPanel[];
  periodLinks?: readonly PeriodLink[];
  meetingTabs?: readonly MeetingTab[];
  meetingActions?: readonly MeetingAction[];
  meetingSummaryPanels?: readonly MeetingSummaryPanel[];
  headerItems?: readonly HeaderItem[];
}

const SlotsContext = createContext<WorkspaceSlots>({ reportPanels: [], periodLinks: [] });

/** The contributions of every slot (for pages that mix a slot into their own parts: tabs). */
export function useSlots(): WorkspaceSlots {
  return useContext(SlotsContext);
}

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

/** The meeting page's header slot: the buttons features registered. */
export function MeetingActions(props: MeetingSlotProps) {
  const { meetingActions = [] } = useContext(SlotsContext);
  return (
    <>
      {meetingActions.map(({ key, Action }) => (
        <Action key={key} {...props} />
      ))}
    </>
  );
}

/** The compiled summary's slot: the panels features registered, after the summary's own. */
export function MeetingSummaryPanels({ meetingId }: { meetingId: number }) {
  const { meetingSummaryPanels = [] } = useContext(SlotsContext);
  return (
    <>
      {meetingSummaryPanels.map(({ key, Panel }) => (
        <Panel key={key} meetingId={meetingId} />
      ))}
    </>
  );
}

/** The workspace header's slot: the items features registered, before the language switch. */
export function HeaderItems() {
  const { headerItems = [] } = useContext(SlotsContext);
  return (
    <>
      {headerItems.map(({ key, Item }) => (
        <Item key={key} />
      ))}
    </>
  );
}
