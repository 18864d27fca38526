import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Flex, Skeleton, Statistic, Table, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { useBoard, useReportsRefresh, type BoardRow } from './api';
import { useReportsI18n } from './i18n';
import { holdsRoleOver } from '../../roles';
import { PeriodUnitsModal } from './PeriodUnitsModal';
import { BoardTag, formatDay, usePeriodLabel } from './shared';

/** The secretariat's board for one period: who has sent, who is late, who is missing. */
export default function BoardPage() {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const board = useBoard(id);
  const refresh = useReportsRefresh();
  const user = useCurrentUser();
  const units = useUnits();
  const label = usePeriodLabel();
  const [editingUnits, setEditingUnits] = useState(false);
  if (board.error) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) return <Skeleton active />;
  const { period, counts, rows, today } = board.data;
  // The convening unit's secretariat decides who reports (the chair only follows the board).
  const canRun = holdsRoleOver(user, 'secretariat', period.unitId, units.data ?? []);
  const remind = async () => {
    try {
      const r = await api.post<{ sent: number }>(`/periods/${id}/reminders`, {});
      message.success(t('board.reminded', { n: r.sent }));
      await refresh();
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };
  return (
    <>
      <PageHeader
        title={t('board.title', { name: label(period) })}
        actions={
          <>
            {canRun && <Button onClick={() => setEditingUnits(true)}>{t('board.units')}</Button>}
            <Button href={`/api/v1/periods/${id}/export.xlsx`}>{t('board.export')}</Button>
            <Button
              type="primary"
              onClick={() => void remind()}
              disabled={(counts.missing ?? 0) + (counts.returned ?? 0) === 0}
            >
              {t('board.remind')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('board.today', { today: formatDay(today), deadline: formatDay(period.deadline) })}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        {(['accepted', 'submitted', 'awaiting_approval', 'returned', 'missing'] as const).map(
          (s) => (
            <Card key={s} size="small" style={{ minWidth: 140 }}>
              <Statistic
                title={s === 'missing' ? t('board.missing') : t(`state.${s}`)}
                value={counts[s] ?? 0}
              />
            </Card>
          ),
        )}
        <Card size="small" style={{ minWidth: 140 }}>
          <Statistic title={t('common.late')} value={counts.late ?? 0} />
        </Card>
      </Flex>
      <Card size="small">
        <Table<BoardRow>
          size="small"
          rowKey="unitId"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('common.unit'),
              dataIndex: 'unitName',
              render: (n: string, r) => <Link to={`/reports/${r.reportId}`}>{n}</Link>,
            },
            {
              title: t('common.state'),
              render: (_: unknown, r) => (
                <>
                  <BoardTag status={r.status} />
                  {r.late && <Typography.Text type="danger">{t('common.late')} </Typography.Text>}
                  {r.overdue && (
                    <Typography.Text type="warning">{t('common.overdue')}</Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('reports.submittedAt'),
              dataIndex: 'submittedAt',
              render: (v: string | null) => formatDateTime(v),
            },
            {
              title: t('board.reminders'),
              render: (_: unknown, r) =>
                r.reminders ? `${r.reminders} · ${formatDateTime(r.lastReminderAt)}` : '',
            },
          ]}
        />
      </Card>
      {editingUnits && <PeriodUnitsModal period={period} onClose={() => setEditingUnits(false)} />}
    </>
  );
}
