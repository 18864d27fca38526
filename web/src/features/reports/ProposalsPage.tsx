import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Input, Modal, Table, Tag } from 'antd';
import { api, isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useProposals, useReportsRefresh, type Proposal } from './api';
import { useReportsI18n } from './i18n';
import { PeriodFilter, TAG_COLORS, usePeriodNameById } from './shared';

type Item = Proposal & {
  reportId: number;
  unitName: string;
  periodId: number;
  periodName: string;
};

/** Proposals raised by the units, and the committee's answers. */
export default function ProposalsPage() {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const [periodId, setPeriodId] = useState<number | undefined>();
  const list = useProposals(periodId);
  const periodName = usePeriodNameById();
  const refresh = useReportsRefresh();
  const [answering, setAnswering] = useState<Item | null>(null);
  const [answer, setAnswer] = useState('');
  const submit = async () => {
    if (!answering) return;
    try {
      await api.post(`/proposals/${answering.id}/answer`, { version: answering.version, answer });
      setAnswering(null);
      await refresh();
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };
  return (
    <>
      <PageHeader title={t('proposals.title')} />
      <Card size="small">
        <PeriodFilter id="proposals-period" value={periodId} onChange={setPeriodId} />
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Item>
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            columns={[
              {
                title: t('common.period'),
                dataIndex: 'periodName',
                width: 120,
                render: (name: string, p) => periodName(p.periodId, name),
              },
              {
                title: t('common.unit'),
                dataIndex: 'unitName',
                render: (n: string, p) => <Link to={`/reports/${p.reportId}`}>{n}</Link>,
              },
              { title: t('proposals.text'), dataIndex: 'text' },
              {
                title: t('proposals.answer'),
                render: (_: unknown, p) =>
                  p.answer ? (
                    <>
                      <Tag color={TAG_COLORS.green}>{t('proposals.answered')}</Tag> {p.answer}
                    </>
                  ) : (
                    <Button size="small" onClick={() => (setAnswering(p), setAnswer(''))}>
                      {t('proposals.answer')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={answering !== null}
        title={answering?.text}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !answer.trim() }}
        onOk={() => void submit()}
        onCancel={() => setAnswering(null)}
      >
        <label htmlFor="proposal-answer">{t('proposals.answer')}</label>
        <Input.TextArea
          id="proposal-answer"
          rows={4}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </Modal>
    </>
  );
}
