import { useCallback, type ReactNode } from 'react';
import type { Me } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import type { ReportPanel } from './slots';

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

/** What a feature adds to the workspace shell. */
export interface WorkspaceFeature {
  routes: FeatureRoute[];
  menu: FeatureMenuItem[];
  /** Panels this feature adds to another feature's report page (see features/slots.tsx). */
  reportPanels?: ReportPanel[];
  /** Labels of the audit log's entity types and actions this feature records. */
  auditLabels?: {
    entity?: Record<string, Record<Lang, string>>;
    action?: Record<string, Record<Lang, string>>;
  };
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
