import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../api';
import { QueryError } from '../../components/QueryError';
import { vietnamWallClock } from '../../format';
import { useReport } from '../reports/api';
import { TAG_COLORS, formatDay } from '../reports/shared';
import type { ReportPanelProps } from '../slots';
import { useLoopI18n } from './loop.i18n';
import {
  useReportAnswers,
  useSaveReportAnswers,
  type AnswerInput,
  type LoopUpdate,
  type ReportTaskAnswers,
  type ReportTaskItem,
} from './loopApi';

type Drafts = Record<number, AnswerInput>;

const STATE_COLORS: Record<ReportTaskItem['state'], string> = {
  not_started: TAG_COLORS.grey,
  in_progress: TAG_COLORS.blue,
  reported_done: TAG_COLORS.amber,
  returned: TAG_COLORS.red,
  accepted: TAG_COLORS.green,
  cancelled: TAG_COLORS.grey,
};

export function TaskStateTag({ state }: { state: ReportTaskItem['state'] }) {
  const { t } = useLoopI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

/** "60% – note (date, unit)": an update in one line, for the form and the summary. */
export function UpdateText({ update, short = false }: { update: LoopUpdate; short?: boolean }) {
  const { t } = useLoopI18n();
  const params = { date: formatDay(vietnamWallClock(update.at).date), unit: update.unitName };
  return (
    <Typography.Text>
      <Typography.Text type="secondary">
        {t(short ? 'report.last.short' : 'report.last', params)}
      </Typography.Text>{' '}
      {update.percent !== null && <Typography.Text strong>{update.percent}% </Typography.Text>}
      {update.note}
      {update.reportsDone && (
        <Tag color={TAG_COLORS.amber} style={{ marginLeft: 8 }}>
          {t('report.answer.done')}
        </Tag>
      )}
      {update.reportId !== null && (
        <Typography.Text type="secondary"> ({t('report.last.fromReport')})</Typography.Text>
      )}
    </Typography.Text>
  );
}

const fromServer = (data: ReportTaskAnswers): Drafts =>
  Object.fromEntries(
    data.items.map((i) => [
      i.taskId,
      {
        taskId: i.taskId,
        note: i.answer?.note ?? '',
        percent: i.answer?.percent ?? null,
        reportsDone: i.answer?.reportsDone ?? false,
      },
    ]),
  );

/**
 * The report form's part about the unit's tasks (a reportPanels panel): every open task the
 * unit leads or coordinates with its last update, and, while the report is a draft, a note, a
 * percent and "reported done" for each, saved with its own button or on leaving a field.
 */
export default function ReportTasksPanel({ reportId }: ReportPanelProps) {
  const report = useReport(reportId);
  // The answers follow the report's state (editable while a draft), not each save of its text.
  const stamp = report.data?.state;
  const query = useReportAnswers(reportId, stamp);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  if (query.data.items.length === 0) return null;
  return <AnswersCard key={stamp} data={query.data} />;
}

function AnswersCard({ data }: { data: ReportTaskAnswers }) {
  const { t } = useLoopI18n();
  const { message } = App.useApp();
  const save = useSaveReportAnswers(data.reportId);
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const current = drafts ?? fromServer(data);
  const dirty = drafts !== null;

  const edit = (taskId: number, patch: Partial<AnswerInput>, commit = false) => {
    const next = { ...current, [taskId]: { ...current[taskId]!, ...patch } };
    setDrafts(next);
    if (commit) void doSave(next);
  };

  const doSave = async (answers: Drafts = current) => {
    const list = data.items.map((i) => answers[i.taskId]!);
    try {
      await save.mutateAsync(list);
      // What was typed while it was being saved stays to be saved next.
      setDrafts((d) => (d === answers ? null : d));
      setErrors({});
      message.success(t('report.saved'));
    } catch (error) {
      if (isApiError(error)) {
        // The server names answers by position in the list sent: answers.<i>.<field>.
        const byTask: Record<string, string> = {};
        for (const [field, text] of Object.entries(error.fields)) {
          const m = /^answers\.(\d+)\.(\w+)$/.exec(field);
          const item = m ? data.items[Number(m[1])] : undefined;
          if (item) byTask[`${item.taskId}.${m![2]}`] = text;
        }
        setErrors(byTask);
        message.error(error.message);
      }
    }
  };
  const saveIfDirty = () => {
    if (dirty && !save.isPending) void doSave();
  };

  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('report.title')}</h2>}
      data-testid="report-tasks"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('report.intro')}</Typography.Text>
        {!data.editable && <Alert type="info" title={t('report.readOnly')} />}
        {!data.answersVisible && <Alert type="info" title={t('report.hidden')} />}
        {dirty && <Typography.Text type="warning">{t('report.unsaved')}</Typography.Text>}
        {data.items.map((item) => (
          <TaskAnswer
            key={item.taskId}
            item={item}
            value={current[item.taskId]!}
            editable={data.editable}
            showAnswer={data.answersVisible}
            errors={errors}
            onChange={(patch, commit) => edit(item.taskId, patch, commit)}
            onCommit={saveIfDirty}
          />
        ))}
        {data.editable && (
          <Flex justify="end">
            <Button
              type={dirty ? 'primary' : 'default'}
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => void doSave()}
            >
              {t('report.save')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function TaskAnswer(props: {
  item: ReportTaskItem;
  value: AnswerInput;
  editable: boolean;
  showAnswer: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<AnswerInput>, commit?: boolean) => void;
  onCommit: () => void;
}) {
  const { t } = useLoopI18n();
  const { item, value, editable, errors } = props;
  const id = `task-answer-${item.taskId}`;
  const error = (field: string) => errors[`${item.taskId}.${field}`];
  return (
    <section
      aria-labelledby={`${id}-title`}
      style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}
    >
      <Flex gap={8} wrap align="center">
        <Typography.Text strong id={`${id}-title`}>
          <Link to={`/tasks/${item.taskId}`}>{item.title}</Link>
        </Typography.Text>
        <Tag>{t(`report.role.${item.role}`)}</Tag>
        <TaskStateTag state={item.state} />
        <Typography.Text type="secondary">
          {t('report.deadline', { date: formatDay(item.deadline) })}
        </Typography.Text>
        {item.overdue && <Tag color={TAG_COLORS.red}>{t('report.overdue')}</Tag>}
      </Flex>
      <div style={{ margin: '6px 0' }}>
        {item.lastUpdate ? (
          <UpdateText update={item.lastUpdate} />
        ) : (
          <Typography.Text type="secondary">{t('report.last.none')}</Typography.Text>
        )}
      </div>
      {editable ? (
        <Flex vertical gap={6}>
          <label htmlFor={`${id}-note`}>{t('report.note')}</label>
          <Input.TextArea
            id={`${id}-note`}
            rows={2}
            maxLength={5000}
            placeholder={t('report.note.placeholder')}
            value={value.note}
            status={error('note') ? 'error' : undefined}
            onChange={(e) => props.onChange({ note: e.target.value })}
            onBlur={props.onCommit}
          />
          {error('note') && <Typography.Text type="danger">{error('note')}</Typography.Text>}
          <Flex gap={16} wrap align="center">
            <Flex gap={6} align="center">
              <label htmlFor={`${id}-percent`}>{t('report.percent')}</label>
              <InputNumber
                id={`${id}-percent`}
                min={0}
                max={100}
                precision={0}
                value={value.percent}
                status={error('percent') ? 'error' : undefined}
                onChange={(v) => props.onChange({ percent: v === null ? null : Number(v) })}
                onBlur={props.onCommit}
              />
            </Flex>
            {item.role === 'lead' ? (
              <Checkbox
                checked={value.reportsDone}
                onChange={(e) => props.onChange({ reportsDone: e.target.checked }, true)}
              >
                {t('report.done')}
              </Checkbox>
            ) : (
              <Typography.Text type="secondary">{t('report.done.leadOnly')}</Typography.Text>
            )}
          </Flex>
          {(error('percent') || error('reportsDone') || error('taskId')) && (
            <Typography.Text type="danger">
              {error('percent') ?? error('reportsDone') ?? error('taskId')}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        props.showAnswer &&
        (item.answer ? (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <Typography.Text strong>{t('report.answer')}</Typography.Text>{' '}
            {item.answer.percent !== null && `${item.answer.percent}% – `}
            {item.answer.note}
            {item.answer.reportsDone && (
              <Tag color={TAG_COLORS.amber} style={{ marginLeft: 8 }}>
                {t('report.answer.done')}
              </Tag>
            )}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('report.answer.none')}</Typography.Text>
        ))
      )}
    </section>
  );
}
