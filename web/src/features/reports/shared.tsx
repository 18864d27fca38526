import { useCallback, useMemo } from 'react';
import { Select, Tag } from 'antd';
import { usePeriods, type BoardStatus, type ProgressStatus, type ReportState } from './api';
import { formatFigure } from '../../format';
import { useReportsI18n } from './i18n';
import { periodLabel, type PeriodKey } from './periodRules';

// Dark enough for the white text of a filled tag (antd's preset colours fail contrast).
export const TAG_COLORS = {
  grey: '#595959',
  amber: '#8a5a00',
  blue: '#1f4e8c',
  green: '#1e6b30',
  red: '#a8071a',
} as const;

const STATE_COLORS: Record<ReportState | 'missing', string> = {
  draft: TAG_COLORS.grey,
  awaiting_approval: TAG_COLORS.amber,
  submitted: TAG_COLORS.blue,
  accepted: TAG_COLORS.green,
  returned: TAG_COLORS.red,
  missing: TAG_COLORS.grey,
};

export function StateTag({ state }: { state: ReportState }) {
  const { t } = useReportsI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

export function BoardTag({ status }: { status: BoardStatus }) {
  const { t } = useReportsI18n();
  return (
    <Tag color={STATE_COLORS[status]}>
      {status === 'missing' ? t('board.missing') : t(`state.${status}`)}
    </Tag>
  );
}

const PROGRESS_COLORS: Record<ProgressStatus, string> = {
  on_track: TAG_COLORS.green,
  behind: TAG_COLORS.red,
  no_target: TAG_COLORS.grey,
  no_data: TAG_COLORS.grey,
};

export function ProgressTag({ status }: { status: ProgressStatus }) {
  const { t } = useReportsI18n();
  return <Tag color={PROGRESS_COLORS[status]}>{t(`progress.status.${status}`)}</Tag>;
}

/** 'YYYY-MM-DD' as dd/MM/yyyy. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Figures in the interface's language: 1.234.567,5 in Vietnamese, 1,234,567.5 in English. */
export function useFormatNumber() {
  const { lang } = useReportsI18n();
  return useCallback((n: number | null | undefined) => formatFigure(n, lang), [lang]);
}

/** Names a period in the interface language: the stored Vietnamese name, or an English one. */
export function usePeriodLabel() {
  const { lang } = useReportsI18n();
  return useCallback((period: PeriodKey & { name?: string }) => periodLabel(period, lang), [lang]);
}

/** The same, for lists that carry only a period's id and its stored name. */
export function usePeriodNameById() {
  const { lang } = useReportsI18n();
  const periods = usePeriods();
  const byId = useMemo(() => new Map((periods.data ?? []).map((p) => [p.id, p])), [periods.data]);
  return useCallback(
    (periodId: number, storedName: string) => {
      const period = byId.get(periodId);
      return period ? periodLabel(period, lang) : storedName;
    },
    [byId, lang],
  );
}

/** A labelled period picker that filters a list; empty means every period. */
export function PeriodFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | undefined;
  onChange: (periodId: number | undefined) => void;
}) {
  const { t } = useReportsI18n();
  const periods = usePeriods();
  const label = usePeriodLabel();
  return (
    <>
      <label htmlFor={id}>{t('common.period')}</label>
      <Select
        id={id}
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t('common.all')}
        value={value}
        onChange={onChange}
        options={(periods.data ?? []).map((p) => ({ value: p.id, label: label(p) }))}
      />
    </>
  );
}
