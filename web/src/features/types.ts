import { useCallback, type ComponentType, type ReactNode } from 'react';
import type { Todo } from '../api/todo';
import type { Me } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import type {
  HeaderItem,
  MeetingAction,
  MeetingSummaryPanel,
  MeetingTab,
  PeriodLink,
  ReportPanel,
} from './slots';

/** A page of a feature, mounted under /app/ inside the signed-in layout. */
export interface FeatureRoute {
  path: string;
  element: ReactNode;
}

/** A side-menu entry; `key` is the path it opens (e.g. `/periods`). */
export interface FeatureMenuItem {
  key: string;
  icon: ReactNode;
  label: Record<Lang, string>;
  /** Shown only to users for whom this is true; the server checks again anyway. */
  visible?: (user: Me) => boolean;
}

/**
 * A part of the home page ("Việc cần làm"). The page lays the sections out in `order` and knows
 * nothing of what they show: a feature adds one here, and its server part to TODO_PARTS in
 * src/home/home.service.ts when it needs data (the unit's tasks are order 10; the
 * notifications are the bell in the header, a headerItems slot).
 */
export interface HomeSection {
  key: string;
  /** Smaller comes first: tasks 10, reports 20, portal 40. */
  order: number;
  /** Shown only to users for whom this is true; the server answers an empty part anyway. */
  visible?: (user: Me) => boolean;
  /** How many things the section asks of the person in `todo`; 0 hides it. */
  count: (todo: Todo) => number;
  /**
   * The section's cards, given the whole to-do answer; lazy-loaded, so the feature's code
   * stays out of the first load. Each card is a grid cell of the page.
   */
  component: ComponentType<{ todo: Todo }>;
}

export interface AuditDetailLabels {
  field: Record<string, Record<Lang, string>>;
  value: Record<string, Record<Lang, string>>;
}

/** What a feature adds to the workspace shell. */
export interface WorkspaceFeature {
  routes: FeatureRoute[];
  menu: FeatureMenuItem[];
  /** Its sections of the home page. */
  homeSections?: HomeSection[];
  /** Panels this feature adds to another feature's report page (see features/slots.tsx). */
  reportPanels?: ReportPanel[];
  /** Links this feature adds to the period board's header (see features/slots.tsx). */
  periodLinks?: PeriodLink[];
  /** Tabs, header buttons and summary panels this feature adds to the meeting page. */
  meetingTabs?: MeetingTab[];
  meetingActions?: MeetingAction[];
  meetingSummaryPanels?: MeetingSummaryPanel[];
  /** Items this feature adds to the workspace header (see features/slots.tsx). */
  headerItems?: HeaderItem[];
  /** Labels of the audit log's entity types and actions this feature records. */
  auditLabels?: {
    entity?: Record<string, Record<Lang, string>>;
    action?: Record<string, Record<Lang, string>>;
  };
  /**
   * Labels of the fields and values in its audit entries' details, loaded by the audit page
   * only (they come from the feature's dictionaries, which the shell does not carry): `field`
   * by `<entityType>.<field>` ("report.state"), `value` by `<entityType>.<field>.<value>`
   * ("report.state.accepted").
   */
  auditDetails?: () => Promise<AuditDetailLabels>;
}

type Params = Record<string, string | number>;

/**
 * A `t` for a feature's own dictionary, following the shell's language switch. The English
 * dictionary is typed against the Vietnamese keys, so a missing translation fails the build.
 */
export function makeFeatureI18n<K extends string>(dictionaries: Record<Lang, Record<K, string>>) {
  return function useFeatureI18n() {
    const { lang } = useI18n();
    const t = useCallback(
      (key: K, params?: Params) =>
        dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          params && name in params ? String(params[name]) : whole,
        ),
      [lang],
    );
    return { lang, t };
  };
}

/**
 * Audit labels taken from a feature's own dictionaries, so the log says what its pages say:
 * `{ 'report.state.accepted': 'state.accepted' }` → the two languages of that key.
 */
export function labelsFrom<K extends string>(
  dictionaries: Record<Lang, Record<K, string>>,
  keys: Record<string, K>,
): Record<string, Record<Lang, string>> {
  return Object.fromEntries(
    Object.entries(keys).map(([code, key]) => [
      code,
      { vi: dictionaries.vi[key], en: dictionaries.en[key] },
    ]),
  );
}
