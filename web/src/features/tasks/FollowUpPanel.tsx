import { Link } from 'react-router-dom';
import { Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { TAG_COLORS, formatDay } from '../reports/shared';
import { useLoopI18n } from './loop.i18n';
import { useFollowUp, type FollowUpItem } from './loopApi';
import { TaskStateTag, UpdateText } from './ReportTasksPanel';

/**
 * The compiled summary's follow-up of the committee's tasks (a meetingSummaryPanels panel):
 * each task open in the meeting's period with its state and last update as they stood when the
 * meeting opened (now, while it is planned), and the lead units that did not report on them.
 */
export default function FollowUpPanel({ meetingId }: { meetingId: number }) {
  const { t } = useLoopI18n();
  const query = useFollowUp(meetingId);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const { items, missing, asOf, live } = query.data;
  return (
    <Card
      size="small"
      title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('follow.title')}</h3>}
      data-testid="task-follow-up"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t(live ? 'follow.live' : 'follow.asOf', { time: formatDateTime(asOf) })}
        </Typography.Text>
        {items.length === 0 ? (
          <Typography.Text>{t('follow.none')}</Typography.Text>
        ) : (
          <Table<FollowUpItem>
            size="small"
            rowKey="taskId"
            pagination={false}
            dataSource={items}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('follow.col.task'),
                dataIndex: 'title',
                render: (title: string, item) => <Link to={`/tasks/${item.taskId}`}>{title}</Link>,
              },
              {
                title: t('follow.col.lead'),
                dataIndex: ['leadUnit', 'unitName'],
                width: 160,
              },
              {
                title: t('follow.col.deadline'),
                dataIndex: 'deadline',
                width: 110,
                render: (d: string, item) => (
                  <Flex vertical gap={2}>
                    {formatDay(d)}
                    {item.overdue && <Tag color={TAG_COLORS.red}>{t('report.overdue')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('follow.col.state'),
                dataIndex: 'state',
                width: 150,
                render: (_: unknown, item) => <TaskStateTag state={item.state} />,
              },
              {
                title: t('follow.col.last'),
                dataIndex: 'lastUpdate',
                render: (_: unknown, item) => (
                  <Flex vertical gap={2}>
                    {item.lastUpdate ? (
                      <UpdateText update={item.lastUpdate} short />
                    ) : (
                      <Typography.Text type="secondary">{t('report.last.none')}</Typography.Text>
                    )}
                    {item.answeredInReport && (
                      <Tag color={TAG_COLORS.green} style={{ alignSelf: 'flex-start' }}>
                        {t('follow.inReport')}
                      </Tag>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        )}
        <Typography.Title level={4} style={{ fontSize: 14, margin: 0 }}>
          {t('follow.missing')}
        </Typography.Title>
        {missing.length === 0 ? (
          <Typography.Text>{t('follow.missing.none')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0 }} data-testid="task-follow-up-missing">
            {missing.map((m) => (
              <li key={m.unitId}>
                <Typography.Text strong>{m.unitName}</Typography.Text> (
                {t(`follow.reason.${m.reason}`)}): {m.tasks.map((x) => x.title).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </Flex>
    </Card>
  );
}
