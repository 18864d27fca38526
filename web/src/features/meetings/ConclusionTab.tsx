import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useUnits } from '../../api/units';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { SectionEditor } from '../reports/SectionEditor';
import { TAG_COLORS } from '../reports/shared';
import { SortableList } from './AgendaList';
import {
  answerProposal,
  meetingTransition,
  saveConclusion,
  useConclusion,
  useMeetingsRefresh,
  useStore,
  type Conclusion,
  type Meeting,
  type MeetingProposal,
} from './api';
import { useMeetingsI18n } from './i18n';
import { usePartSave } from './usePartSave';
import { moveItem } from './timing';

interface DirectiveRow {
  key: string;
  id?: number;
  text: string;
  leadUnitId: number | null;
  coordinatingUnitIds: number[];
  deadline: string | null;
}

function rowsOf(c: Conclusion): DirectiveRow[] {
  return c.directives.map((d) => ({
    key: `d-${d.id}`,
    id: d.id,
    text: d.text,
    leadUnitId: d.leadUnitId,
    coordinatingUnitIds: d.coordinatingUnits.map((u) => u.unitId),
    deadline: d.deadline,
  }));
}

export function ConclusionTab({ meeting }: { meeting: Meeting }) {
  const { t } = useMeetingsI18n();
  const query = useConclusion(meeting.id);
  if (meeting.state === 'planned')
    return <Alert type="info" showIcon title={t('conclusion.notYet')} />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <ConclusionEditor key={query.data.version} meeting={meeting} conclusion={query.data} />;
}

let newKeys = 0;

function ConclusionEditor({ meeting, conclusion }: { meeting: Meeting; conclusion: Conclusion }) {
  const { t } = useMeetingsI18n();
  const { message, modal } = App.useApp();
  const store = useStore();
  const refresh = useMeetingsRefresh();
  const units = useUnits();
  const editable = conclusion.actions.includes('edit_conclusion') && !conclusion.locked;
  const canConclude = meeting.actions.includes('conclude');
  const [acknowledged, setAcknowledged] = useState(conclusion.acknowledged);
  const [shortcomings, setShortcomings] = useState(conclusion.shortcomings);
  const [rows, setRows] = useState<DirectiveRow[]>(() => rowsOf(conclusion));
  const { saving, errors, run } = usePartSave();
  const dirty =
    acknowledged !== conclusion.acknowledged ||
    shortcomings !== conclusion.shortcomings ||
    JSON.stringify(rows) !== JSON.stringify(rowsOf(conclusion));
  const unitOptions = (units.data ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: u.name }));
  const set = (key: string, change: Partial<DirectiveRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  /** Saves the texts and directives; resolves to whether it went through. */
  const save = () =>
    run(async () => {
      const saved = await saveConclusion(meeting.id, {
        version: conclusion.version,
        acknowledged,
        shortcomings,
        directives: rows.map((r) => ({
          ...(r.id !== undefined && { id: r.id }),
          text: r.text,
          leadUnitId: r.leadUnitId,
          coordinatingUnitIds: r.coordinatingUnitIds,
          deadline: r.deadline,
        })),
      });
      store('conclusion', meeting.id, saved);
    }, t('common.saved'));

  const conclude = () =>
    void modal.confirm({
      title: t('conclusion.confirm.title'),
      content: t('conclusion.confirm.body'),
      okText: t('conclusion.conclude'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (dirty && !(await save())) return;
        try {
          const done = await meetingTransition(meeting, { action: 'conclude' });
          store('meeting', meeting.id, done);
          await refresh();
          void message.success(t('conclusion.concluded', { at: formatDateTime(done.concludedAt) }));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : String(error));
        }
      },
    });

  const errorOf = (index: number, field: string) => errors[`directives.${index}.${field}`];

  return (
    <Flex vertical gap={12}>
      {conclusion.locked && conclusion.concludedAt && (
        <Alert
          type="info"
          showIcon
          title={
            t('conclusion.concluded', { at: formatDateTime(conclusion.concludedAt) }) +
            (conclusion.concludedByName ? ` (${conclusion.concludedByName})` : '')
          }
          description={
            conclusion.onBehalfOfName &&
            t('conclusion.onBehalf', { name: conclusion.onBehalfOfName })
          }
        />
      )}
      <Card
        size="small"
        title={t('conclusion.title')}
        extra={
          <Flex gap={8}>
            {editable && (
              <Button disabled={!dirty} loading={saving} onClick={() => void save()}>
                {t('conclusion.saveDraft')}
              </Button>
            )}
            {canConclude && (
              <Button type="primary" danger onClick={conclude}>
                {t('conclusion.conclude')}
              </Button>
            )}
          </Flex>
        }
      >
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('conclusion.acknowledged')}
        </Typography.Title>
        <SectionEditor
          label={t('conclusion.acknowledged')}
          html={acknowledged}
          editable={editable}
          onChange={setAcknowledged}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          {t('conclusion.shortcomings')}
        </Typography.Title>
        <SectionEditor
          label={t('conclusion.shortcomings')}
          html={shortcomings}
          editable={editable}
          onChange={setShortcomings}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          {t('conclusion.directives')}
        </Typography.Title>
        <SortableList
          label={t('conclusion.directives')}
          items={rows}
          keyOf={(r) => r.key}
          titleOf={(r) => t('conclusion.directive', { n: rows.indexOf(r) + 1 })}
          onMove={editable ? (from, to) => setRows((list) => moveItem(list, from, to)) : undefined}
          render={(r, index) => {
            const n = index + 1;
            if (!editable) {
              const d = conclusion.directives.find((x) => x.id === r.id);
              return (
                <div>
                  <Typography.Paragraph style={{ marginBottom: 2, whiteSpace: 'pre-wrap' }}>
                    {r.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {[
                      d?.leadUnitName && `${t('conclusion.lead')}: ${d.leadUnitName}`,
                      d &&
                        d.coordinatingUnits.length > 0 &&
                        `${t('conclusion.coordinating')}: ${d.coordinatingUnits.map((u) => u.unitName).join(', ')}`,
                      d?.deadline &&
                        `${t('conclusion.deadline')}: ${dayjs(d.deadline).format('DD/MM/YYYY')}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
              );
            }
            return (
              <Flex vertical gap={4}>
                <Flex gap={4}>
                  <Input.TextArea
                    aria-label={t('conclusion.directive', { n })}
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    value={r.text}
                    maxLength={5000}
                    status={errorOf(index, 'text') ? 'error' : undefined}
                    onChange={(e) => set(r.key, { text: e.target.value })}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('conclusion.directive.remove', { n })}
                    onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                  />
                </Flex>
                {errorOf(index, 'text') && (
                  <Typography.Text type="danger">{errorOf(index, 'text')}</Typography.Text>
                )}
                <Flex gap={4} wrap>
                  <Select
                    aria-label={t('conclusion.directive.lead', { n })}
                    placeholder={t('conclusion.lead')}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 240 }}
                    value={r.leadUnitId ?? undefined}
                    options={unitOptions}
                    onChange={(v?: number) => set(r.key, { leadUnitId: v ?? null })}
                  />
                  <Select
                    mode="multiple"
                    aria-label={t('conclusion.directive.coordinating', { n })}
                    placeholder={t('conclusion.coordinating')}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ minWidth: 260, flex: 1 }}
                    value={r.coordinatingUnitIds}
                    options={unitOptions}
                    onChange={(v: number[]) => set(r.key, { coordinatingUnitIds: v })}
                  />
                  <DatePicker
                    aria-label={t('conclusion.directive.deadline', { n })}
                    placeholder={t('conclusion.deadline')}
                    format="DD/MM/YYYY"
                    value={r.deadline ? dayjs(r.deadline) : null}
                    onChange={(d) => set(r.key, { deadline: d ? d.format('YYYY-MM-DD') : null })}
                  />
                </Flex>
              </Flex>
            );
          }}
        />
        {editable && (
          <Button
            style={{ marginTop: 8 }}
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              setRows((list) => [
                ...list,
                {
                  key: `new-${++newKeys}`,
                  text: '',
                  leadUnitId: null,
                  coordinatingUnitIds: [],
                  deadline: null,
                },
              ])
            }
          >
            {t('conclusion.directive.add')}
          </Button>
        )}
      </Card>
      <ProposalAnswers meeting={meeting} conclusion={conclusion} />
    </Flex>
  );
}

function ProposalAnswers({ meeting, conclusion }: { meeting: Meeting; conclusion: Conclusion }) {
  const { t } = useMeetingsI18n();
  const canAnswer = conclusion.actions.includes('answer_proposals') && !conclusion.locked;
  return (
    <Card size="small" title={t('conclusion.proposals')}>
      {conclusion.proposals.length === 0 ? (
        <Typography.Text>{t('conclusion.proposals.none')}</Typography.Text>
      ) : (
        <ol style={{ paddingLeft: 20, margin: 0 }}>
          {conclusion.proposals.map((p) => (
            <ProposalAnswer key={p.id} meetingId={meeting.id} proposal={p} canAnswer={canAnswer} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function ProposalAnswer({
  meetingId,
  proposal,
  canAnswer,
}: {
  meetingId: number;
  proposal: MeetingProposal;
  canAnswer: boolean;
}) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  const store = useStore();
  const [answer, setAnswer] = useState(proposal.answer ?? '');
  const [saving, setSaving] = useState(false);
  const send = async () => {
    setSaving(true);
    try {
      store('conclusion', meetingId, await answerProposal(meetingId, proposal, answer.trim()));
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <li style={{ marginBottom: 12 }}>
      <Typography.Text strong>{proposal.unitName}: </Typography.Text>
      <Typography.Text>{proposal.text}</Typography.Text>
      {proposal.answer && (
        <Tag color={TAG_COLORS.green} style={{ marginLeft: 8 }}>
          {t('conclusion.proposal.answered')}
        </Tag>
      )}
      {canAnswer ? (
        <Flex gap={8} style={{ marginTop: 4 }}>
          <Input.TextArea
            aria-label={t('conclusion.proposal.answer', { text: proposal.text })}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <Button
            loading={saving}
            disabled={!answer.trim() || answer.trim() === (proposal.answer ?? '')}
            onClick={() => void send()}
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : (
        proposal.answer && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {proposal.answer}
            {proposal.answeredByName && ` — ${proposal.answeredByName}`}
          </Typography.Paragraph>
        )
      )}
    </li>
  );
}
