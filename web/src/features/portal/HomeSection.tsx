import { Typography } from 'antd';
import type { Todo } from '../../api/todo';
import { formatDateTime } from '../../format';
import { TodoCard } from '../../home/TodoCard';
import { makeFeatureI18n } from '../types';
import { portalTodoOf } from './home';

const vi = {
  drafts: 'Bài viết đang soạn',
  scheduled: 'Bài viết hẹn giờ đăng',
  edited: 'Sửa lần cuối {at}',
  publishAt: 'Đăng lúc {at}',
  all: 'Xem tất cả {n} bài',
  untitled: '(Chưa có tiêu đề)',
};
const en: typeof vi = {
  drafts: 'Drafts',
  scheduled: 'Scheduled articles',
  edited: 'Last edited {at}',
  publishAt: 'Publishes {at}',
  all: 'See all {n} articles',
  untitled: '(Untitled)',
};
const useHomeI18n = makeFeatureI18n({ vi, en });

/** The editor's cards of the home page: drafts to finish, articles waiting for their time. */
export default function PortalHomeSection({ todo }: { todo: Todo }) {
  const { t } = useHomeI18n();
  const part = portalTodoOf(todo);
  if (!part) return null;
  const card = (key: 'drafts' | 'scheduled') => {
    const list = part[key];
    if (list.total === 0) return null;
    return (
      <TodoCard
        title={t(key)}
        count={list.total}
        items={list.items.map((a) => ({
          key: a.id,
          to: `/portal/articles/${a.id}`,
          title: a.title || t('untitled'),
          detail: (
            <Typography.Text type="secondary">
              {key === 'drafts'
                ? t('edited', { at: formatDateTime(a.updatedAt) })
                : t('publishAt', { at: formatDateTime(a.publishAt) })}
            </Typography.Text>
          ),
        }))}
        more={
          list.total > list.items.length
            ? { to: '/portal/articles', label: t('all', { n: list.total }) }
            : undefined
        }
      />
    );
  };
  return (
    <>
      {card('drafts')}
      {card('scheduled')}
    </>
  );
}
