import { Button, Checkbox, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ListPage, usePageNumber, type ListColumn } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { useServerAction } from '../../hooks/useServerAction';
import { routeOf, useMarkRead, useNotifications, type NotificationItem } from './api';
import { useNotificationsI18n } from './i18n';

/** Everything the person was notified of, newest first; mark one or all read. */
export default function NotificationsPage() {
  const { t } = useNotificationsI18n();
  const { page, setPage, resetting } = usePageNumber();
  const [pageSize, setPageSize] = useState(20);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ page, pageSize, ...(unreadOnly && { unread: true }) });
  const { markOne, markAll } = useMarkRead();
  const run = useServerAction();

  const columns: ListColumn<NotificationItem>[] = [
    {
      title: t('list.when'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('list.what'),
      key: 'title',
      render: (_: unknown, item) => (
        <Space direction="vertical" size={0}>
          <Link
            to={routeOf(item.link)}
            onClick={() => item.readAt === null && void markOne(item.id)}
            style={{ fontWeight: item.readAt === null ? 600 : 400 }}
          >
            {item.title}
          </Link>
          <span>{item.body}</span>
        </Space>
      ),
    },
    {
      title: t('list.state'),
      key: 'state',
      width: 170,
      render: (_: unknown, item) =>
        item.readAt === null ? (
          <Space>
            <Tag color="red">{t('list.unread')}</Tag>
            <Button size="small" onClick={() => void run(() => markOne(item.id))}>
              {t('list.markRead')}
            </Button>
          </Space>
        ) : (
          <Tag>{t('list.read')}</Tag>
        ),
    },
  ];

  return (
    <ListPage<NotificationItem>
      title={t('list.title')}
      intro={t('list.intro')}
      actions={
        <Button disabled={(list.data?.unread ?? 0) === 0} onClick={() => void run(markAll)}>
          {t('list.markAll')}
        </Button>
      }
      filters={
        <Checkbox checked={unreadOnly} onChange={(e) => resetting(setUnreadOnly)(e.target.checked)}>
          {t('list.onlyUnread')}
        </Checkbox>
      }
      query={list}
      rows={list.data?.items}
      rowKey="id"
      columns={columns}
      emptyText={t('list.empty')}
      paging={{
        page,
        pageSize,
        total: list.data?.total ?? 0,
        pageSizes: [20, 50, 100],
        showTotal: (total) => t('list.total', { total }),
        onChange: (nextPage, nextSize) => {
          setPage(nextSize === pageSize ? nextPage : 1);
          setPageSize(nextSize);
        },
      }}
      scrollX={640}
    />
  );
}
