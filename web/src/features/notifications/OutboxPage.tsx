import { Alert, Button, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage, usePageNumber, type ListColumn } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { useServerAction } from '../../hooks/useServerAction';
import {
  checkSmtp,
  retryOutbox,
  useOutbox,
  type OutboxItem,
  type OutboxStatusFilter,
  type SmtpCheck,
} from './api';
import { useNotificationsI18n } from './i18n';

const STATUS_COLOR: Record<OutboxItem['status'], string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

/** The admin's view of e-mail: what could not be sent and why, the SMTP check, sending again. */
export default function OutboxPage() {
  const { t } = useNotificationsI18n();
  const { page, setPage, resetting } = usePageNumber();
  const [status, setStatus] = useState<OutboxStatusFilter>('problems');
  const outbox = useOutbox({ status, page, pageSize: 50 });
  const run = useServerAction();
  const [check, setCheck] = useState<SmtpCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const counts = outbox.data?.counts ?? {};
  const count = (...s: string[]) => s.reduce((n, k) => n + (counts[k] ?? 0), 0);

  const runCheck = async () => {
    setChecking(true);
    try {
      setCheck(await checkSmtp());
    } catch (error) {
      setCheck({ ok: false, message: (error as Error).message, detail: null });
    } finally {
      setChecking(false);
    }
  };

  const columns: ListColumn<OutboxItem>[] = [
    {
      title: t('outbox.created'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('outbox.to'),
      key: 'to',
      render: (_: unknown, item) => (
        <Flex vertical>
          <span>{item.recipientName}</span>
          <Typography.Text type="secondary">{item.to}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('outbox.subject'), dataIndex: 'title', key: 'title' },
    {
      title: t('outbox.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, item) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLOR[item.status]}>{t(`status.${item.status}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('outbox.attempts')}: {item.attempts}
          </Typography.Text>
          {item.status === 'pending' && item.attempts > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('outbox.next')}: {formatDateTime(item.nextAttemptAt)}
            </Typography.Text>
          )}
          {item.sentAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('outbox.sentAt')}: {formatDateTime(item.sentAt)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('outbox.error'),
      dataIndex: 'lastError',
      key: 'lastError',
      render: (error: string | null) =>
        error ? (
          <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
            {error}
          </Typography.Text>
        ) : null,
    },
    {
      title: <span className="sr-only">{t('outbox.retry')}</span>,
      key: 'actions',
      width: 110,
      render: (_: unknown, item) =>
        item.status === 'failed' || item.status === 'skipped' ? (
          <Button
            size="small"
            onClick={() =>
              void run(() => retryOutbox(item.id), {
                success: t('outbox.retried'),
                refresh: outbox.refetch,
              })
            }
          >
            {t('outbox.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <ListPage<OutboxItem>
      title={t('outbox.title')}
      intro={
        <Flex vertical gap={8}>
          <span>{t('outbox.intro')}</span>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>
              {outbox.data
                ? outbox.data.smtp
                  ? t('outbox.server', { server: outbox.data.smtp })
                  : t('outbox.serverOff')
                : ''}
            </Typography.Text>
            <Button onClick={() => void runCheck()} loading={checking}>
              {t('outbox.check')}
            </Button>
          </Flex>
          {check && (
            <Alert
              type={check.ok ? 'success' : outbox.data?.smtp === null ? 'warning' : 'error'}
              showIcon
              message={check.message}
              closable
              onClose={() => setCheck(null)}
            />
          )}
        </Flex>
      }
      filters={
        <Segmented<OutboxStatusFilter>
          aria-label={t('outbox.show')}
          value={status}
          onChange={resetting(setStatus)}
          options={[
            {
              value: 'problems',
              label: t('outbox.problems', { count: count('failed', 'skipped') }),
            },
            { value: 'queued', label: t('outbox.queued', { count: count('pending', 'sending') }) },
            { value: 'sent', label: t('outbox.sent', { count: count('sent') }) },
          ]}
        />
      }
      query={outbox}
      rows={outbox.data?.items}
      rowKey="id"
      columns={columns}
      emptyText={t('outbox.empty')}
      paging={{
        page,
        pageSize: 50,
        total: outbox.data?.total ?? 0,
        showTotal: (total) => t('outbox.total', { total }),
        onChange: (nextPage) => setPage(nextPage),
      }}
      scrollX={900}
    />
  );
}
