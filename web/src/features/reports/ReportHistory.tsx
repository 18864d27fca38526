import { useState } from 'react';
import { Button, Card, Flex, Select, Timeline, Typography } from 'antd';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useRevisions, type Report, type ReportAction, type RevisionDiff } from './api';
import { DiffText } from './DiffText';
import { useReportsI18n } from './i18n';
import { useFormatNumber } from './shared';

/** The workflow events, and the diff between any two saved revisions. */
export function ReportHistory({ report }: { report: Report }) {
  const { t } = useReportsI18n();
  const formatNumber = useFormatNumber();
  const revisions = useRevisions(report.id, true);
  const items = revisions.data ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const options = items.map((r) => ({
    value: r.number,
    label: `#${r.number} · ${formatDateTime(r.at)}${r.authorName ? ` · ${r.authorName}` : ''}`,
  }));
  const compare = async () => {
    if (from !== undefined && to !== undefined)
      setDiff(await api.get<RevisionDiff>(`/reports/${report.id}/diff`, { from, to }));
  };
  return (
    <Card title={t('report.history')} size="small">
      <Timeline
        items={report.events.map((e) => ({
          color: e.action === 'return' ? 'red' : e.action === 'accept' ? 'green' : 'blue',
          content: (
            <>
              <Typography.Text strong>{t(`action.${e.action as ReportAction}`)}</Typography.Text>
              {e.late && <Typography.Text type="danger"> · {t('common.late')}</Typography.Text>}
              <Typography.Text type="secondary">
                {' '}
                · {formatDateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
              {e.comment && <div>{e.comment}</div>}
            </>
          ),
        }))}
      />
      {items.length > 1 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('report.revisions')}
          </Typography.Title>
          <Flex gap={8} wrap>
            <Select
              aria-label={`${t('report.compare')} 1`}
              style={{ minWidth: 260 }}
              options={options}
              value={from}
              onChange={setFrom}
            />
            <Select
              aria-label={`${t('report.compare')} 2`}
              style={{ minWidth: 260 }}
              options={options}
              value={to}
              onChange={setTo}
            />
            <Button
              onClick={() => void compare()}
              disabled={from === undefined || to === undefined}
            >
              {t('report.compare')}
            </Button>
          </Flex>
          {diff && (
            <div style={{ marginTop: 12 }}>
              {diff.sections
                .filter((s) => s.changed)
                .map((s) => (
                  <div key={s.key}>
                    <Typography.Text strong>{s.title}</Typography.Text>
                    <DiffText changes={s.changes} />
                  </div>
                ))}
              {diff.values.map((v) => (
                <div key={v.indicatorId}>
                  {v.name}: {formatNumber(v.before)} → {formatNumber(v.after)}
                </div>
              ))}
              {diff.proposals.added.map((p) => (
                <div key={`+${p}`}>+ {p}</div>
              ))}
              {diff.proposals.removed.map((p) => (
                <div key={`-${p}`}>− {p}</div>
              ))}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
