import { Tag } from 'antd';
import { TAG_COLORS } from '../reports/shared';
import type { TaskState, TaskSummary } from './api';
import { useTasksI18n } from './i18n';

const STATE_COLORS: Record<TaskState, string> = {
  not_started: TAG_COLORS.grey,
  in_progress: TAG_COLORS.blue,
  reported_done: TAG_COLORS.amber,
  returned: TAG_COLORS.red,
  accepted: TAG_COLORS.green,
  cancelled: TAG_COLORS.grey,
};

export const TASK_STATE_LIST: TaskState[] = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'accepted',
  'cancelled',
];

export function TaskStateTag({ state }: { state: TaskState }) {
  const { t } = useTasksI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

/** "Quá hạn" or "Sắp đến hạn", computed by the server from the deadline and today. */
export function DueTag({ task }: { task: Pick<TaskSummary, 'overdue' | 'dueSoon'> }) {
  const { t } = useTasksI18n();
  if (task.overdue) return <Tag color={TAG_COLORS.red}>{t('due.overdue')}</Tag>;
  if (task.dueSoon) return <Tag color={TAG_COLORS.amber}>{t('due.soon')}</Tag>;
  return null;
}

/** A calendar day YYYY-MM-DD as dd/MM/yyyy. */
export function formatDay(day: string | null | undefined): string {
  return day ? day.split('-').reverse().join('/') : '';
}
