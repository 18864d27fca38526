import { useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Select,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { QueryError } from '../../components/QueryError';
import type { MeetingSlotProps } from '../slots';
import { TAG_COLORS } from '../reports/shared';
import {
  issueFromMeeting,
  useMeetingDirectives,
  useTasks,
  useTasksRefresh,
  type DirectiveTaskInput,
  type MeetingDirective,
} from './api';
import { useTasksI18n } from './i18n';
import { DueTag, TaskStateTag, formatDay } from './shared';
import { useUnitOptions } from './TaskDialog';

type Edit = Omit<DirectiveTaskInput, 'directiveId'>;

/**
 * The meeting page's "Nhiệm vụ" tab: each directive of the conclusion with its task, or the
 * buttons to issue it (edited first if need be) or every remaining one at once; for those who
 * do not issue tasks, the tasks made from the meeting that they read.
 */
export default function MeetingTasksTab({ meetingId }: MeetingSlotProps) {
  const directives = useMeetingDirectives(meetingId);
  if (directives.error && isApiError(directives.error, 403))
    return <MeetingTaskList meetingId={meetingId} />;
  if (directives.error)
    return <QueryError error={directives.error} onRetry={() => void directives.refetch()} />;
  if (!directives.data) return null;
  return <DirectivesToIssue meetingId={meetingId} items={directives.data.items} />;
}

function DirectivesToIssue({ meetingId, items }: { meetingId: number; items: MeetingDirective[] }) {
  const { t } = useTasksI18n();
  const { message, modal } = App.useApp();
  const refresh = useTasksRefresh();
  const units = useUnitOptions();
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [editing, setEditing] = useState<MeetingDirective | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const unitName = (id: number | null | undefined) => units.find((u) => u.value === id)?.label;
  const remaining = items.filter((d) => d.taskId === null);
  const issue = async (list: MeetingDirective[]) => {
    setRefusal(null);
    try {
      const made = await issueFromMeeting(
        meetingId,
        list.map((d) => ({ directiveId: d.directiveId, ...edits[d.directiveId] })),
      );
      void message.success(t('meeting.issuedMany', { n: made.items.length }));
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const fields = isApiError(error) ? Object.values(error.fields) : [];
      setRefusal([error.message, ...fields].join(' '));
    } finally {
      await refresh();
    }
  };
  if (items.length === 0) return <Typography.Paragraph>{t('meeting.empty')}</Typography.Paragraph>;
  return (
    <Card
      size="small"
      title={t('meeting.tab')}
      extra={
        remaining.length > 0 && (
          <Button
            type="primary"
            onClick={() => {
              modal.confirm({
                title: t('meeting.issueAll.confirm', { n: remaining.length }),
                okText: t('meeting.issueAll', { n: remaining.length }),
                cancelText: t('common.cancel'),
                onOk: () => issue(remaining),
              });
            }}
          >
            {t('meeting.issueAll', { n: remaining.length })}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('meeting.intro')}</Typography.Paragraph>
      {refusal && (
        <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 12 }} />
      )}
      <List
        dataSource={items}
        renderItem={(d) => {
          const e = edits[d.directiveId] ?? {};
          const lead = e.leadUnitId ?? d.leadUnitId;
          const coordinating = e.coordinatingUnitIds ?? d.coordinatingUnitIds;
          const deadline = e.deadline ?? (e.deadlineChoice ? null : d.deadline);
          return (
            <List.Item
              actions={
                d.taskId === null
                  ? [
                      <Button key="edit" onClick={() => setEditing(d)}>
                        {t('meeting.editIssue')}
                      </Button>,
                      <Button key="issue" type="primary" ghost onClick={() => void issue([d])}>
                        {t('meeting.issue')}
                      </Button>,
                    ]
                  : [
                      <Link key="task" to={`/tasks/${d.taskId}`}>
                        {t('meeting.issued', { id: d.taskId })}
                      </Link>,
                    ]
              }
            >
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {t('meeting.directive', { n: d.position })}
                </Typography.Text>
                <Typography.Text>{e.title ?? d.text}</Typography.Text>
                <Flex gap={8} wrap>
                  {lead ? (
                    <Tag color={TAG_COLORS.blue}>{unitName(lead)}</Tag>
                  ) : d.taskId !== null ? null : (
                    <Tag color={TAG_COLORS.red}>{t('meeting.noLead')}</Tag>
                  )}
                  {coordinating.map((c) => (
                    <Tag key={c}>{unitName(c)}</Tag>
                  ))}
                  {deadline ? (
                    <Tag>{formatDay(deadline)}</Tag>
                  ) : e.deadlineChoice ? (
                    <Tag>{t(`dialog.deadlineKind.${e.deadlineChoice}`)}</Tag>
                  ) : d.taskId !== null ? null : (
                    <Tag color={TAG_COLORS.red}>{t('meeting.noDeadline')}</Tag>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      {editing && (
        <DirectiveDialog
          directive={editing}
          edit={edits[editing.directiveId] ?? {}}
          onClose={() => setEditing(null)}
          onIssue={(edit) =>
            issueFromMeeting(meetingId, [{ directiveId: editing.directiveId, ...edit }])
          }
          onIssued={() => {
            setEdits((all) => {
              const { [editing.directiveId]: _done, ...rest } = all;
              return rest;
            });
            setEditing(null);
            void refresh();
          }}
        />
      )}
    </Card>
  );
}

interface DirectiveValues {
  title: string;
  details?: string;
  leadUnitId?: number;
  coordinatingUnitIds: number[];
  deadlineKind: 'date' | 'end_of_quarter' | 'end_of_year';
  deadline?: Dayjs | null;
  expectedResult?: string;
}

/** Edits a directive's task before issuing it: title, details, units, deadline, expected result. */
function DirectiveDialog({
  directive: d,
  edit,
  onClose,
  onIssue,
  onIssued,
}: {
  directive: MeetingDirective;
  edit: Edit;
  onClose: () => void;
  onIssue: (edit: Edit) => Promise<unknown>;
  onIssued: () => void;
}) {
  const { t } = useTasksI18n();
  const units = useUnitOptions();
  const [form] = Form.useForm<DirectiveValues>();
  const kind = Form.useWatch('deadlineKind', form);
  const deadline = edit.deadline ?? d.deadline;
  return (
    <FormDialog<DirectiveValues, unknown>
      form={form}
      name="directive-task"
      title={`${t('meeting.issue')} – ${t('meeting.directive', { n: d.position })}`}
      width={640}
      initialValues={{
        title: edit.title ?? d.text,
        details: edit.details,
        leadUnitId: edit.leadUnitId ?? d.leadUnitId ?? undefined,
        coordinatingUnitIds: edit.coordinatingUnitIds ?? d.coordinatingUnitIds,
        deadlineKind: edit.deadlineChoice ?? 'date',
        deadline: deadline ? dayjs(deadline) : null,
        expectedResult: edit.expectedResult,
      }}
      onClose={onClose}
      submit={(v) =>
        onIssue({
          title: v.title,
          ...(v.details && { details: v.details }),
          ...(v.leadUnitId && { leadUnitId: v.leadUnitId }),
          coordinatingUnitIds: v.coordinatingUnitIds,
          ...(v.deadlineKind === 'date'
            ? v.deadline && { deadline: v.deadline.format('YYYY-MM-DD') }
            : { deadlineChoice: v.deadlineKind }),
          ...(v.expectedResult && { expectedResult: v.expectedResult }),
        })
      }
      onSaved={onIssued}
    >
      <Form.Item name="title" label={t('dialog.title')} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="details" label={t('dialog.details')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('dialog.lead')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={units} />
      </Form.Item>
      <Form.Item name="coordinatingUnitIds" label={t('dialog.coordinating')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="deadlineKind" label={t('dialog.deadlineKind')}>
          <Select
            style={{ width: 180 }}
            options={(['date', 'end_of_quarter', 'end_of_year'] as const).map((k) => ({
              value: k,
              label: t(`dialog.deadlineKind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'date' && (
          <Form.Item name="deadline" label={t('dialog.deadline')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="expectedResult" label={t('dialog.expectedResult')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </FormDialog>
  );
}

/** The tasks made from the meeting that the caller reads (for those who do not issue them). */
function MeetingTaskList({ meetingId }: { meetingId: number }) {
  const { t } = useTasksI18n();
  const tasks = useTasks({ meetingId, page: 1, pageSize: 100 });
  if (tasks.error) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <Card
      size="small"
      title={t('meeting.tasks')}
      extra={<Link to={`/tasks?meetingId=${meetingId}`}>{t('meeting.listAll')}</Link>}
    >
      <List
        dataSource={tasks.data?.items ?? []}
        loading={tasks.isFetching}
        locale={{ emptyText: t('list.empty') }}
        renderItem={(task) => (
          <List.Item>
            <Flex gap={8} wrap align="center">
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              <TaskStateTag state={task.state} />
              <Typography.Text type="secondary">{formatDay(task.deadline)}</Typography.Text>
              <DueTag task={task} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
