import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { routeOf, useBellNotifications, useMarkRead, type NotificationItem } from './api';
import { useNotificationsI18n } from './i18n';

/** The header's bell: the unread count, the latest notifications, mark read, the full list. */
export default function NotificationBell() {
  const { t } = useNotificationsI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const bell = useBellNotifications();
  const { markOne, markAll } = useMarkRead();
  const unread = bell.data?.unread ?? 0;
  const items = bell.data?.items ?? [];

  const go = (item: NotificationItem) => {
    setOpen(false);
    if (item.readAt === null) void markOne(item.id);
    void navigate(routeOf(item.link));
  };

  const content = (
    <Flex vertical gap={4} style={{ width: 360, maxWidth: '80vw' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <ul className="notification-bell-list" aria-label={t('bell.label')}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={
                  item.readAt === null ? 'notification-bell-item unread' : 'notification-bell-item'
                }
                onClick={() => go(item)}
              >
                <span className="notification-bell-title">
                  {item.readAt === null && <span className="sr-only">{t('list.unread')}: </span>}
                  {item.title}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Flex justify="space-between" gap={8}>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            void navigate('/notifications');
          }}
        >
          {t('bell.all')}
        </Button>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void markAll()}>
          {t('bell.markAll')}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Popover
      content={content}
      title={t('bell.label')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined aria-hidden />}
          aria-label={unread > 0 ? t('bell.unread', { count: unread }) : t('bell.label')}
          aria-expanded={open}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
