import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Modal,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
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
import { PeriodLinks } from '../slots';
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
  const [reminding, setReminding] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (board.error) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) return <Skeleton active />;
  const { period, counts, rows, today } = board.data;
  // The convening unit's secretariat decides who reports (the chair only follows the board).
  const canRun = holdsRoleOver(user, 'secretariat', period.unitId, units.data ?? []);
  // Who a reminder goes to: the units whose report is not sent (a draft, or returned to them).
  const toRemind = rows.filter((r) => r.state === 'draft' || r.state === 'returned');
  const remind = async (text: string) => {
    setSending(true);
    try {
      const r = await api.post<{ sent: number }>(`/periods/${id}/reminders`, {
        unitIds: toRemind.map((u) => u.unitId),
        message: text.trim(),
      });
      message.success(t('board.reminded', { n: r.sent }));
      setReminding(null);
      await refresh();
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t('board.title', { name: label(period) })}
        actions={
          <>
            <PeriodLinks periodId={period.id} unitId={period.unitId} />
            {canRun && <Button onClick={() => setEditingUnits(true)}>{t('board.units')}</Button>}
            <Button href={`/api/v1/periods/${id}/export.xlsx`}>{t('board.export')}</Button>
            <Button
              type="primary"
              onClick={() =>
                setReminding(
                  t('board.remind.default', {
                    period: label(period),
                    deadline: formatDay(period.deadline),
                  }),
                )
              }
              disabled={toRemind.length === 0}
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
      <Modal
        open={reminding !== null}
        title={t('board.remind.title', { n: toRemind.length })}
        okText={t('board.remind.send')}
        okButtonProps={{ disabled: !reminding?.trim(), loading: sending }}
        cancelText={t('common.cancel')}
        onOk={() => reminding !== null && void remind(reminding)}
        onCancel={() => setReminding(null)}
      >
        <Typography.Paragraph>{t('board.remind.who')}</Typography.Paragraph>
        <ul aria-label={t('board.remind.who')} style={{ maxHeight: 240, overflowY: 'auto' }}>
          {toRemind.map((r) => (
            <li key={r.unitId}>{r.unitName}</li>
          ))}
        </ul>
        <label htmlFor="reminder-message">{t('board.remind.message')}</label>
        <Input.TextArea
          id="reminder-message"
          rows={3}
          maxLength={2000}
          value={reminding ?? ''}
          onChange={(e) => setReminding(e.target.value)}
        />
      </Modal>
      {editingUnits && <PeriodUnitsModal period={period} onClose={() => setEditingUnits(false)} />}
    </>
  );
}
