import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Flex, Row, Select, Skeleton, Table, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDay } from '../reports/shared';
import { periodLabel } from '../reports/periodRules';
import { taskListPath, useTaskOverview, type Figure, type TaskOverview } from './overview.api';
import { useOverviewI18n } from './overview.i18n';

// recharts stays in a chunk of its own, loaded with the chart.
const OverviewChart = lazy(() => import('./OverviewChart'));

/** A figure as the link to the tasks it counts; none to list, no link. */
function FigureLink({ figure, label }: { figure: Figure; label?: ReactNode }) {
  const text = label ?? figure.count;
  if (figure.count === 0) return <Typography.Text type="secondary">{text}</Typography.Text>;
  return <Link to={taskListPath(figure.filter)}>{text}</Link>;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function Tile({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ minWidth: 160, flex: '1 1 160px' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 28, lineHeight: 1.4 }}>{children}</div>
    </Card>
  );
}

/** A card's heading, wrapping on a narrow screen rather than cut short. */
function SectionTitle({ text }: { text: string }) {
  return (
    <h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal', padding: '8px 0' }}>{text}</h2>
  );
}

/** A name in a table that scrolls sideways: wrapped within a readable width. */
function Name({ children }: { children: ReactNode }) {
  return <div style={{ minWidth: 140, maxWidth: 240, whiteSpace: 'normal' }}>{children}</div>;
}

type UnitRow = TaskOverview['units'][number];
type MeetingRow = TaskOverview['meetings'][number];

/**
 * The chair's overview of the committee's tasks: the totals, the units as lead and as
 * coordinating unit, the source meetings, and the chart of tasks done on time and late per
 * quarter; every figure opens the task list behind it.
 */
export default function OverviewPage() {
  const { t, lang } = useOverviewI18n();
  const [unitId, setUnitId] = useState<number | undefined>();
  const overview = useTaskOverview(unitId);
  const o = overview.data;
  const header = (
    <PageHeader
      title={t('overview.title')}
      actions={
        o && o.conveners.length > 1 ? (
          <Select
            aria-label={t('overview.convener')}
            style={{ minWidth: 240 }}
            value={o.unitId}
            onChange={setUnitId}
            options={o.conveners.map((c) => ({ value: c.unitId, label: c.unitName }))}
          />
        ) : undefined
      }
    />
  );
  if (overview.error)
    return (
      <>
        {header}
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      </>
    );
  if (!o)
    return (
      <>
        {header}
        <Skeleton active />
      </>
    );
  const { totals } = o;
  const loadColumns = (side: 'lead' | 'coordinating') => ({
    title: t(side === 'lead' ? 'overview.lead' : 'overview.coordinating'),
    children: (['open', 'overdue', 'dueSoon'] as const).map((k) => ({
      title: t(
        k === 'dueSoon'
          ? 'overview.dueSoonShort'
          : k === 'open'
            ? 'overview.open'
            : 'overview.overdue',
      ),
      key: `${side}.${k}`,
      align: 'right' as const,
      render: (_: unknown, r: UnitRow) => <FigureLink figure={r[side][k]} />,
    })),
  });
  const quarterData = o.quarters.map((q) => ({
    label: periodLabel({ kind: 'quarter', year: q.year, number: q.quarter }, lang),
    onTime: q.onTime.count,
    late: q.late.count,
    row: q,
  }));

  return (
    <>
      {header}
      <Typography.Paragraph type="secondary">
        {t('overview.intro', { unit: o.unitName, today: formatDay(o.today) })}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Tile title={t('overview.open')}>
          <FigureLink figure={totals.open} />
        </Tile>
        <Tile title={t('overview.overdue')}>
          <FigureLink figure={totals.overdue} />
        </Tile>
        <Tile title={t('overview.dueSoon', { days: o.dueDays })}>
          <FigureLink figure={totals.dueSoon} />
        </Tile>
        <Tile title={t('overview.rate')}>
          {percent(totals.rate)}
          <div style={{ fontSize: 14 }}>
            <FigureLink
              figure={totals.accepted}
              label={t('overview.rateOf', {
                accepted: totals.accepted.count,
                assigned: totals.assigned.count,
              })}
            />
          </div>
        </Tile>
        <Tile title={t('overview.extended')}>
          <FigureLink figure={totals.extended} />
          <div style={{ fontSize: 14 }}>
            <Typography.Text type="secondary">
              {t('overview.extensions', { n: totals.extensions })}
            </Typography.Text>
          </div>
        </Tile>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<SectionTitle text={t('overview.quarters')} />}>
            {quarterData.length === 0 ? (
              <Typography.Text type="secondary">{t('overview.noDone')}</Typography.Text>
            ) : (
              <>
                <Suspense fallback={<Skeleton active />}>
                  <OverviewChart
                    data={quarterData}
                    title={t('overview.chartLabel')}
                    labels={{ onTime: t('overview.onTime'), late: t('overview.late') }}
                  />
                </Suspense>
                <Table
                  size="small"
                  rowKey="label"
                  pagination={false}
                  dataSource={quarterData}
                  columns={[
                    { title: t('overview.quarter'), dataIndex: 'label' },
                    {
                      title: t('overview.onTime'),
                      key: 'onTime',
                      align: 'right',
                      render: (_: unknown, q) => <FigureLink figure={q.row.onTime} />,
                    },
                    {
                      title: t('overview.late'),
                      key: 'late',
                      align: 'right',
                      render: (_: unknown, q) => <FigureLink figure={q.row.late} />,
                    },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('overview.quartersNote')}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<SectionTitle text={t('overview.meetings')} />}>
            <Table<MeetingRow>
              size="small"
              rowKey="meetingId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={o.meetings}
              locale={{ emptyText: t('overview.noMeetings') }}
              columns={[
                {
                  title: t('overview.meeting'),
                  dataIndex: 'title',
                  render: (title: string, m) => (
                    <Name>
                      <Link to={`/meetings/${m.meetingId}`}>{title}</Link>
                    </Name>
                  ),
                },
                {
                  title: t('overview.open'),
                  key: 'open',
                  align: 'right',
                  render: (_: unknown, m) => <FigureLink figure={m.open} />,
                },
                {
                  title: t('overview.done'),
                  key: 'done',
                  align: 'right',
                  render: (_: unknown, m) => (
                    <>
                      <FigureLink figure={m.accepted} />/<FigureLink figure={m.assigned} />
                    </>
                  ),
                },
                {
                  title: t('overview.rate'),
                  key: 'rate',
                  align: 'right',
                  render: (_: unknown, m) => percent(m.rate),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={<SectionTitle text={t('overview.units')} />}>
            <Table<UnitRow>
              size="small"
              rowKey="unitId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={o.units}
              locale={{ emptyText: t('overview.noTasks') }}
              columns={[
                {
                  title: t('overview.unit'),
                  dataIndex: 'unitName',
                  render: (name: string) => <Name>{name}</Name>,
                },
                loadColumns('lead'),
                loadColumns('coordinating'),
                {
                  title: t('overview.done'),
                  key: 'done',
                  align: 'right',
                  render: (_: unknown, r) => (
                    <>
                      <FigureLink figure={r.accepted} />/<FigureLink figure={r.assigned} /> (
                      {percent(r.rate)})
                    </>
                  ),
                },
                {
                  title: t('overview.extended'),
                  key: 'extended',
                  align: 'right',
                  render: (_: unknown, r) => <FigureLink figure={r.extended} />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('overview.unitsNote', { days: o.dueDays })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
