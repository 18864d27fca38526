import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Form, Input, Tag } from 'antd';
import { api } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ListPage } from '../../components/ListPage';
import { useProposals, useReportsRefresh, type ProposalItem } from './api';
import { useReportsI18n } from './i18n';
import { PeriodFilter, TAG_COLORS, usePeriodNameById } from './shared';

/** The committee's answer to one proposal. */
function AnswerModal({ proposal, onClose }: { proposal: ProposalItem; onClose: () => void }) {
  const { t } = useReportsI18n();
  const refresh = useReportsRefresh();
  return (
    <FormDialog<{ answer: string }, unknown>
      title={proposal.text}
      submit={({ answer }) =>
        api.post(`/proposals/${proposal.id}/answer`, { version: proposal.version, answer })
      }
      onSaved={() => {
        void refresh();
        onClose();
      }}
      onStale={refresh}
      onClose={onClose}
    >
      <Form.Item
        name="answer"
        label={t('proposals.answer')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormDialog>
  );
}

/** Proposals raised by the units, and the committee's answers. */
export default function ProposalsPage() {
  const { t } = useReportsI18n();
  const [periodId, setPeriodId] = useState<number | undefined>();
  const list = useProposals(periodId);
  const periodName = usePeriodNameById();
  const [answeringId, setAnsweringId] = useState<number | null>(null);
  // The list's latest copy, so a save after a reload sends the new version.
  const answering = list.data?.find((p) => p.id === answeringId);
  return (
    <ListPage<ProposalItem>
      title={t('proposals.title')}
      filters={<PeriodFilter id="proposals-period" value={periodId} onChange={setPeriodId} />}
      query={list}
      rows={list.data}
      rowKey="id"
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
              <Button size="small" onClick={() => setAnsweringId(p.id)}>
                {t('proposals.answer')}
              </Button>
            ),
        },
      ]}
    >
      {answering && <AnswerModal proposal={answering} onClose={() => setAnsweringId(null)} />}
    </ListPage>
  );
}
