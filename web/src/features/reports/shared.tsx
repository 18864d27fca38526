import { Tag } from 'antd';
import type { BoardStatus, ProgressStatus, ReportState } from './api';
import { useReportsI18n } from './i18n';

const STATE_COLORS: Record<ReportState | 'missing', string> = {
  draft: 'default',
  awaiting_approval: 'gold',
  submitted: 'blue',
  accepted: 'green',
  returned: 'red',
  missing: 'default',
};

export function StateTag({ state }: { state: ReportState }) {
  const { t } = useReportsI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

export function BoardTag({ status }: { status: BoardStatus }) {
  const { t } = useReportsI18n();
  return <Tag color={STATE_COLORS[status]}>{status === 'missing' ? t('board.missing') : t(`state.${status}`)}</Tag>;
}

const PROGRESS_COLORS: Record<ProgressStatus, string> = { on_track: 'green', behind: 'volcano', no_target: 'default', no_data: 'default' };

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

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1.234.567,5 the Vietnamese way. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}
