import { Flex, Typography } from 'antd';
import type { Todo } from '../../api/todo';
import { formatDateTime } from '../../format';
import { TodoCard } from '../../home/TodoCard';
import { tasksTodoOf, type TasksTodo } from './home';
import { useTasksI18n } from './i18n';
import { DueTag, formatDay } from './shared';

type TaskItems = NonNullable<TasksTodo['owed']>;

/** "Nhiệm vụ của đơn vị": tasks still owed, updates to approve, tasks to accept, overdue ones. */
export default function TasksHomeSection({ todo }: { todo: Todo }) {
  const { t } = useTasksI18n();
  const part = tasksTodoOf(todo);
  if (!part) return null;
  const tasks = (title: string, list: TaskItems | null, more: string) =>
    list && (
      <TodoCard
        title={title}
        count={list.total}
        items={list.items.map((task) => ({
          key: task.id,
          to: `/tasks/${task.id}`,
          title: task.title,
          detail: (
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary">
                {task.leadUnitName} – {formatDay(task.deadline)}
              </Typography.Text>
              <DueTag task={task} />
            </Flex>
          ),
        }))}
        more={list.total > list.items.length ? { to: more, label: t('home.open') } : undefined}
      />
    );
  return (
    <>
      {tasks(t('home.title'), part.owed, '/tasks')}
      {part.toApprove && (
        <TodoCard
          title={t('home.toApprove')}
          count={part.toApprove.total}
          items={part.toApprove.items.map((u) => ({
            key: u.id,
            to: `/tasks/${u.taskId}`,
            title: u.title,
            detail: (
              <Typography.Text type="secondary">
                {u.authorName} – {formatDateTime(u.createdAt)}
              </Typography.Text>
            ),
          }))}
        />
      )}
      {tasks(t('home.toAccept'), part.toAccept, '/tasks?state=reported_done')}
      {tasks(t('home.overdue'), part.overdue, '/tasks?overdue=1')}
    </>
  );
}
