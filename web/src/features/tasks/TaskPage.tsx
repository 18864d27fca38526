import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { isApiError } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { showFieldErrors } from '../../forms';
import { useServerAction } from '../../hooks/useServerAction';
import { TAG_COLORS } from '../reports/shared';
import {
  addUpdate,
  attachToUpdate,
  changeDeadline,
  decideUpdate,
  transitionTask,
  useTask,
  useTaskUpdates,
  useTasksRefresh,
  type Task,
  type TaskHistoryEntry,
  type TaskUpdate,
  type TaskUpdateList,
} from './api';
import { useTasksI18n } from './i18n';
import { DueTag, TaskStateTag, formatDay } from './shared';
import { TaskDialog } from './TaskDialog';

type Dialog = 'edit' | 'deadline' | 'return' | 'cancel' | null;

/** One task: its details, its progress updates and history, and what the caller may do. */
export default function TaskPage() {
  const { t } = useTasksI18n();
  const id = Number(useParams().id);
  const task = useTask(id);
  const updates = useTaskUpdates(id);
  const refresh = useTasksRefresh();
  const run = useServerAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (task.error) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Skeleton active />;
  const data = task.data;
  const can = (a: Task['actions'][number]) => data.actions.includes(a);
  const move = (action: 'start' | 'report_done' | 'resume' | 'accept') =>
    void run(() => transitionTask(id, { version: data.version, action }), {
      success: t('action.done'),
      refresh,
    });
  return (
    <>
      <Link to="/tasks">
        <ArrowLeftOutlined aria-hidden /> {t('task.back')}
      </Link>
      <PageHeader
        title={data.title}
        actions={
          <Flex gap={8} wrap>
            {(['start', 'resume', 'report_done', 'accept'] as const).filter(can).map((a) => (
              <Button key={a} type={a === 'accept' ? 'primary' : 'default'} onClick={() => move(a)}>
                {t(`action.${a}`)}
              </Button>
            ))}
            {can('return') && (
              <Button onClick={() => setDialog('return')}>{t('action.return')}</Button>
            )}
            {can('change_deadline') && (
              <Button onClick={() => setDialog('deadline')}>{t('action.change_deadline')}</Button>
            )}
            {can('edit') && <Button onClick={() => setDialog('edit')}>{t('action.edit')}</Button>}
            {can('cancel') && (
              <Button danger onClick={() => setDialog('cancel')}>
                {t('action.cancel')}
              </Button>
            )}
          </Flex>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <TaskStateTag state={data.state} />
        <DueTag task={data} />
      </Flex>
      <Flex vertical gap={16}>
        <TaskFacts task={data} />
        <Updates task={data} updates={updates.data} />
        <History entries={data.history} />
      </Flex>
      {dialog === 'edit' && (
        <TaskDialog task={data} onClose={() => setDialog(null)} onStale={() => task.refetch()} />
      )}
      {(dialog === 'return' || dialog === 'cancel') && (
        <CommentDialog
          title={t(`action.${dialog}`)}
          label={t(`comment.${dialog}`)}
          onClose={() => setDialog(null)}
          onStale={() => task.refetch()}
          submit={(comment) =>
            transitionTask(id, { version: data.version, action: dialog, comment })
          }
        />
      )}
      {dialog === 'deadline' && (
        <DeadlineDialog
          task={data}
          onClose={() => setDialog(null)}
          onStale={() => task.refetch()}
        />
      )}
    </>
  );
}

function TaskFacts({ task }: { task: Task }) {
  const { t } = useTasksI18n();
  const none = <Typography.Text type="secondary">{t('task.none')}</Typography.Text>;
  const source =
    task.source.kind === 'directive' ? (
      <Flex gap={8} wrap>
        <span>{t('task.source.directive')}</span>
        {task.source.meetingId && (
          <Link to={`/meetings/${task.source.meetingId}?tab=tasks`}>
            {t('task.source.directiveLink')}
          </Link>
        )}
      </Flex>
    ) : task.source.kind === 'document' ? (
      `${t('task.source.document')}: ${task.source.document ?? ''}`
    ) : (
      t('task.source.other')
    );
  return (
    <Card size="small">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'convener', label: t('task.convener'), children: task.unitName },
          { key: 'lead', label: t('task.lead'), children: task.leadUnit.unitName },
          {
            key: 'coordinating',
            label: t('task.coordinating'),
            children:
              task.coordinatingUnits.length > 0
                ? task.coordinatingUnits.map((u) => u.unitName).join(', ')
                : none,
          },
          {
            key: 'deadline',
            label: t('task.deadline'),
            children: (
              <>
                {formatDay(task.deadline)}
                {task.extensions > 0 && ` (${t('task.extensions', { n: task.extensions })})`}
              </>
            ),
          },
          { key: 'source', label: t('task.source'), children: source },
          {
            key: 'createdBy',
            label: t('task.createdBy'),
            children: `${task.createdByName ?? ''} – ${formatDateTime(task.createdAt)}`,
          },
          {
            key: 'expected',
            label: t('task.expectedResult'),
            span: 'filled',
            children: task.expectedResult || none,
          },
          ...(task.details
            ? [
                {
                  key: 'details',
                  label: t('task.details'),
                  span: 'filled' as const,
                  children: task.details,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function History({ entries }: { entries: TaskHistoryEntry[] }) {
  const { t } = useTasksI18n();
  const text = (h: TaskHistoryEntry) =>
    h.kind === 'created'
      ? t('history.created')
      : h.kind === 'deadline'
        ? t('history.deadline', { from: formatDay(h.oldDeadline), to: formatDay(h.newDeadline) })
        : t('history.transition', {
            action: h.action ? t(`action.${h.action}`) : '',
            from: h.fromState ? t(`state.${h.fromState}`) : '',
            to: h.toState ? t(`state.${h.toState}`) : '',
          });
  return (
    <Card size="small" title={t('task.history')}>
      <Timeline
        items={entries.map((h, i) => ({
          key: i,
          content: (
            <Flex vertical>
              <Typography.Text>{text(h)}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(h.at)} – {h.actorName}
              </Typography.Text>
              {h.comment && <Typography.Text italic>{h.comment}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

function Updates({ task, updates }: { task: Task; updates: TaskUpdateList | undefined }) {
  const { t } = useTasksI18n();
  const refresh = useTasksRefresh();
  const run = useServerAction();
  const [sendingBack, setSendingBack] = useState<TaskUpdate | null>(null);
  if (!updates) return <Skeleton active />;
  return (
    <Card size="small" title={t('updates.title')}>
      <List
        dataSource={updates.items}
        locale={{ emptyText: t('updates.empty') }}
        renderItem={(u) => (
          <List.Item
            actions={[
              ...(u.actions.includes('approve')
                ? [
                    <Button
                      key="approve"
                      size="small"
                      type="primary"
                      onClick={() =>
                        void run(() => decideUpdate(u.id, { decision: 'approve' }), {
                          success: t('action.done'),
                          refresh,
                        })
                      }
                    >
                      {t('updates.approve')}
                    </Button>,
                    <Button key="back" size="small" onClick={() => setSendingBack(u)}>
                      {t('updates.sendBack')}
                    </Button>,
                  ]
                : []),
              ...(u.actions.includes('attach')
                ? [<AttachButton key="attach" updateId={u.id} />]
                : []),
            ]}
          >
            <UpdateItem update={u} />
          </List.Item>
        )}
      />
      {updates.canAdd.length > 0 && <AddUpdateForm task={task} units={updates.canAdd} />}
      {sendingBack && (
        <CommentDialog
          title={t('updates.sendBack.title')}
          label={t('updates.sendBack.comment')}
          onClose={() => setSendingBack(null)}
          submit={(comment) => decideUpdate(sendingBack.id, { decision: 'send_back', comment })}
        />
      )}
    </Card>
  );
}

function UpdateItem({ update: u }: { update: TaskUpdate }) {
  const { t } = useTasksI18n();
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{u.unitName}</Typography.Text>
        <Tag color={u.role === 'lead' ? TAG_COLORS.blue : TAG_COLORS.grey}>
          {t(`updates.role.${u.role}`)}
        </Tag>
        {u.percent !== null && <Tag>{t('updates.percent', { n: u.percent })}</Tag>}
        {u.reportsDone && <Tag color={TAG_COLORS.green}>{t('updates.reportsDone')}</Tag>}
        {u.reportId !== null && <Tag>{t('updates.fromReport')}</Tag>}
        <Typography.Text type="secondary">
          {formatDateTime(u.createdAt)} – {u.authorName}
        </Typography.Text>
      </Flex>
      {u.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {u.note}
        </Typography.Paragraph>
      )}
      {u.approval === 'pending' && (
        <Typography.Text type="warning">{t('updates.approval.pending')}</Typography.Text>
      )}
      {u.approval === 'approved' && (
        <Typography.Text type="secondary">
          {t('updates.approval.approved', { name: u.approvedByName ?? '' })}
        </Typography.Text>
      )}
      {u.approval === 'sent_back' && (
        <Typography.Text type="danger">
          {t('updates.approval.sent_back', { comment: u.approvalComment ?? '' })}
        </Typography.Text>
      )}
      {u.attachments.length > 0 && (
        <Flex gap={12} wrap>
          {u.attachments.map((a) => (
            <Typography.Link key={a.id} href={`/api/v1/tasks/update-attachments/${a.id}`}>
              <PaperClipOutlined aria-hidden /> {a.fileName}
            </Typography.Link>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg';

function AttachButton({ updateId }: { updateId: number }) {
  const { t } = useTasksI18n();
  const refresh = useTasksRefresh();
  const run = useServerAction();
  const inputId = `attach-${updateId}`;
  return (
    <>
      <label
        htmlFor={inputId}
        className="ant-btn ant-btn-default ant-btn-sm"
        style={{ cursor: 'pointer' }}
      >
        <PaperClipOutlined aria-hidden /> {t('updates.attach')}
      </label>
      <input
        id={inputId}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(() => attachToUpdate(updateId, file), { refresh });
        }}
      />
    </>
  );
}

interface UpdateValues {
  unitId: number;
  note?: string;
  percent?: number | null;
  reportsDone?: boolean;
}

function AddUpdateForm({ task, units }: { task: Task; units: TaskUpdateList['canAdd'] }) {
  const { t } = useTasksI18n();
  const { message } = App.useApp();
  const refresh = useTasksRefresh();
  const [form] = Form.useForm<UpdateValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const unitId = Form.useWatch('unitId', form) ?? units[0]!.unitId;
  const isLead = units.find((u) => u.unitId === unitId)?.role === 'lead';
  const submit = async (v: UpdateValues) => {
    setSaving(true);
    setRefusal(null);
    try {
      const added = await addUpdate(task.id, {
        note: v.note ?? '',
        percent: v.percent ?? null,
        reportsDone: isLead && (v.reportsDone ?? false),
        unitId: v.unitId,
      });
      for (const file of files) await attachToUpdate(added.id, file);
      form.resetFields();
      setFiles([]);
      void message.success(t('updates.add.sent'));
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      if (!(showFieldErrors(form, error) && isApiError(error, 400, 'validation')))
        setRefusal(error.message);
    } finally {
      setSaving(false);
      await refresh();
    }
  };
  return (
    <Card size="small" type="inner" title={t('updates.add')} style={{ marginTop: 12 }}>
      {refusal && (
        <Typography.Paragraph type="danger" role="alert">
          {refusal}
        </Typography.Paragraph>
      )}
      <Form<UpdateValues>
        form={form}
        name="task-update"
        layout="vertical"
        initialValues={{ unitId: units[0]!.unitId, reportsDone: false }}
        onFinish={(v) => void submit(v)}
      >
        {units.length > 1 && (
          <Form.Item name="unitId" label={t('updates.add.unit')}>
            <Radio.Group
              options={units.map((u) => ({
                value: u.unitId,
                label: `${u.unitName} (${t(`updates.role.${u.role}`)})`,
              }))}
            />
          </Form.Item>
        )}
        {units.length === 1 && (
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('updates.add.note')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Flex gap={24} wrap align="end">
          <Form.Item name="percent" label={t('updates.add.percent')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          {isLead && (
            <Form.Item name="reportsDone" valuePropName="checked">
              <Checkbox>{t('updates.add.done')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item label={t('updates.add.files')}>
            <input
              type="file"
              multiple
              accept={ACCEPT}
              aria-label={t('updates.add.files')}
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('updates.add.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** A dialog asking one comment (a return, a cancellation, sending an update back). */
function CommentDialog({
  title,
  label,
  submit,
  onClose,
  onStale,
}: {
  title: string;
  label: string;
  submit: (comment: string) => Promise<unknown>;
  onClose: () => void;
  onStale?: () => Promise<unknown>;
}) {
  const refresh = useTasksRefresh();
  return (
    <FormDialog<{ comment: string }, unknown>
      title={title}
      name="task-comment"
      onClose={onClose}
      onStale={onStale}
      submit={(v) => submit(v.comment)}
      onSaved={() => {
        void refresh();
        onClose();
      }}
    >
      <Form.Item name="comment" label={label} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormDialog>
  );
}

function DeadlineDialog({
  task,
  onClose,
  onStale,
}: {
  task: Task;
  onClose: () => void;
  onStale: () => Promise<unknown>;
}) {
  const { t } = useTasksI18n();
  const refresh = useTasksRefresh();
  return (
    <FormDialog<
      { kind: 'date' | 'end_of_quarter' | 'end_of_year'; deadline?: Dayjs; comment?: string },
      Task
    >
      title={t('action.change_deadline')}
      name="task-deadline"
      initialValues={{ kind: 'date' }}
      onClose={onClose}
      onStale={onStale}
      submit={(v) =>
        changeDeadline(task.id, {
          version: task.version,
          ...(v.kind === 'date'
            ? v.deadline && { deadline: v.deadline.format('YYYY-MM-DD') }
            : { deadlineChoice: v.kind }),
          ...(v.comment && { comment: v.comment }),
        })
      }
      onSaved={() => {
        void refresh();
        onClose();
      }}
    >
      <Form.Item name="kind" label={t('deadline.new')}>
        <Select
          options={(['date', 'end_of_quarter', 'end_of_year'] as const).map((k) => ({
            value: k,
            label: t(`dialog.deadlineKind.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('dialog.deadline')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="comment" label={t('comment.deadline')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormDialog>
  );
}
