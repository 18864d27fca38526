import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../../src/text/format.ts';
import type {
  MeetingCompiledSummary,
  SummaryUnit,
} from '../../../../src/meetings/summary.schema.ts';
import { api } from '../../api';
import { QueryError } from '../../components/QueryError';
import { vietnamWallClock } from '../../format';
import { useSummaryI18n } from './summary.i18n';
import { MeetingSummaryPanels } from '../slots';

type Indicator = MeetingCompiledSummary['summary']['indicators']['items'][number];
type ProgressStatus = Indicator['status'];

// Dark enough for the white text of a filled tag, as the reports' tags.
const COLORS = {
  grey: '#595959',
  amber: '#8a5a00',
  blue: '#1f4e8c',
  green: '#1e6b30',
  red: '#a8071a',
};
const STATUS_COLORS: Record<ProgressStatus, string> = {
  on_track: COLORS.green,
  behind: COLORS.red,
  no_target: COLORS.grey,
  no_data: COLORS.grey,
};

/** 'HH:mm dd/MM/yyyy' in Vietnam time, as a frozen document is dated. */
const timeDay = (iso: string) => {
  const { date, time } = vietnamWallClock(iso);
  return `${time} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
};
const day = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const num = (n: number | null) => (n === null ? '—' : formatNumber(n));
const pct = (n: number | null) => (n === null ? '—' : formatNumber(n, 1));

export function useMeetingSummary(meetingId: number) {
  return useQuery({
    queryKey: ['meetings', meetingId, 'summary'],
    queryFn: () => api.get<MeetingCompiledSummary>(`/meetings/${meetingId}/summary`),
    // A live summary follows the reports as they arrive; a frozen one never changes.
    refetchInterval: (query) => (query.state.data?.frozenAt === null ? 60_000 : false),
  });
}

function UnitReport({ unit }: { unit: SummaryUnit }) {
  const { t } = useSummaryI18n();
  const heading = `${unit.position}. ${unit.unitName}`;
  if (unit.status === 'missing') {
    return (
      <section aria-label={heading}>
        <Typography.Title level={4}>{heading}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('summary.missingInline', { reason: t(`summary.reason.${unit.missingReason!}`) })}
        </Typography.Paragraph>
      </section>
    );
  }
  return (
    <section aria-label={heading}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Title level={4}>{heading}</Typography.Title>
        {unit.status === 'submitted' ? (
          <Tag color={COLORS.amber}>{t('summary.submitted')}</Tag>
        ) : (
          <Tag color={COLORS.green}>{t('summary.accepted')}</Tag>
        )}
        {unit.late && <Tag color={COLORS.red}>{t('summary.late')}</Tag>}
        {unit.submittedAt && (
          <Typography.Text type="secondary">
            {t('summary.sentAt', { time: timeDay(unit.submittedAt) })}
          </Typography.Text>
        )}
      </Flex>
      {unit.sections.map((s) => (
        <div key={s.key}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {s.html.trim() === '' ? (
            <Typography.Paragraph type="secondary">
              {t('summary.emptySection')}
            </Typography.Paragraph>
          ) : (
            // Stored sanitized by the reporting feature (src/reports/sanitize.ts).
            <div className="summary-section" dangerouslySetInnerHTML={{ __html: s.html }} />
          )}
        </div>
      ))}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h3>} size="small">
      {children}
    </Card>
  );
}

/**
 * The meeting's compiled summary (báo cáo tổng hợp): the units' reports in agenda order with
 * their sections, the units still missing, the year's indicator table and the proposals with
 * their answers; live while the meeting is planned, the stored snapshot once it has started.
 */
export default function SummaryTab({ meetingId }: { meetingId: number }) {
  const { t } = useSummaryI18n();
  const query = useMeetingSummary(meetingId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { frozenAt, summary } = query.data;
  const { indicators } = summary;
  return (
    <Flex vertical gap={16}>
      {frozenAt ? (
        <Alert
          type="info"
          showIcon
          title={t('summary.frozen', { time: timeDay(frozenAt) })}
          description={t('summary.frozenHint')}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('summary.live', { time: timeDay(summary.builtAt) })}
          description={t('summary.liveHint')}
        />
      )}
      <Typography.Text strong>{t('summary.counts', summary.counts)}</Typography.Text>

      <Block title={t('summary.missingTitle')}>
        {summary.missing.length === 0 ? (
          <Typography.Text>{t('summary.missingNone')}</Typography.Text>
        ) : (
          <>
            <ul aria-label={t('summary.missingTitle')}>
              {summary.missing.map((m) => (
                <li key={m.unitId}>
                  {m.unitName} — {t(`summary.reason.${m.reason}`)}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t('summary.missingNote')}</Typography.Text>
          </>
        )}
      </Block>

      <Block title={t('summary.indicators', { year: indicators.year })}>
        <Typography.Paragraph type="secondary">
          {indicators.asOf
            ? t('summary.indicatorsNote', {
                date: day(indicators.asOf),
                covered: indicators.coverage.covered,
                units: indicators.coverage.units,
              })
            : t('summary.indicatorsNoteNoDate')}
        </Typography.Paragraph>
        <Table<Indicator>
          size="small"
          rowKey="indicatorId"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={indicators.items}
          locale={{ emptyText: <Empty description={t('summary.indicatorsNone')} /> }}
          columns={[
            { title: t('summary.col.indicator'), dataIndex: 'name' },
            { title: t('summary.col.measure'), dataIndex: 'measure', width: 110 },
            {
              title: t('summary.col.target'),
              dataIndex: 'target',
              align: 'right',
              width: 120,
              render: num,
            },
            {
              title: t('summary.col.actual'),
              dataIndex: 'actual',
              align: 'right',
              width: 130,
              render: num,
            },
            {
              title: t('summary.col.percent'),
              dataIndex: 'percent',
              align: 'right',
              width: 90,
              render: pct,
            },
            {
              title: t('summary.col.status'),
              dataIndex: 'status',
              width: 150,
              render: (s: ProgressStatus) => (
                <Tag color={STATUS_COLORS[s]}>{t(`summary.status.${s}`)}</Tag>
              ),
            },
          ]}
        />
      </Block>

      <Block title={t('summary.units')}>
        <Flex vertical gap={8}>
          {summary.units.map((u) => (
            <UnitReport key={u.unitId} unit={u} />
          ))}
        </Flex>
      </Block>

      <Block title={t('summary.proposals')}>
        {summary.proposals.length === 0 ? (
          <Typography.Text>{t('summary.proposalsNone')}</Typography.Text>
        ) : (
          <ol className="summary-proposals">
            {summary.proposals.map((p) => (
              <li key={p.id}>
                <Flex vertical gap={4}>
                  <Typography.Text>
                    <Typography.Text strong>{p.unitName}:</Typography.Text> {p.text}
                  </Typography.Text>
                  {p.answer === null ? (
                    <Tag color={COLORS.grey} style={{ alignSelf: 'flex-start' }}>
                      {t('summary.unanswered')}
                    </Tag>
                  ) : (
                    <Typography.Paragraph style={{ marginBottom: 0, paddingLeft: 16 }}>
                      <Typography.Text strong>{t('summary.answer')}:</Typography.Text> {p.answer}
                      {p.answeredByName && p.answeredAt && (
                        <Typography.Text type="secondary">
                          {' '}
                          (
                          {t('summary.answeredBy', {
                            name: p.answeredByName,
                            time: timeDay(p.answeredAt),
                          })}
                          )
                        </Typography.Text>
                      )}
                    </Typography.Paragraph>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
        )}
      </Block>
      <MeetingSummaryPanels meetingId={meetingId} />
    </Flex>
  );
}
