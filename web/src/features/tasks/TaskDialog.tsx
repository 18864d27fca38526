import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { FormDialog } from '../../components/FormDialog';
import { useMeetings } from '../meetings/api';
import {
  createTask,
  issueFromMeeting,
  updateTask,
  useMeetingDirectives,
  useTasksRefresh,
  type MeetingDirective,
  type Task,
} from './api';
import { useTasksI18n } from './i18n';

interface Values {
  unitId?: number;
  title: string;
  details?: string;
  leadUnitId?: number;
  coordinatingUnitIds?: number[];
  deadlineKind?: 'date' | 'end_of_quarter' | 'end_of_year';
  deadline?: Dayjs;
  expectedResult?: string;
  sourceKind?: 'directive' | 'document' | 'other';
  sourceDocument?: string;
  meetingId?: number;
  directiveId?: number;
}

/** The deadline fields of a body: a date, or "end of the quarter/year". */
function deadlineOf(v: Values) {
  return v.deadlineKind === 'date' || !v.deadlineKind
    ? v.deadline && { deadline: v.deadline.format('YYYY-MM-DD') }
    : { deadlineChoice: v.deadlineKind };
}

/** The active units as select options. */
export function useUnitOptions() {
  const units = useUnits();
  return (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
}

/**
 * Issues a task directly (the secretariat; its source a document or "other") or, given `task`,
 * edits an open one; the version read is sent, so a change made meanwhile is not overwritten.
 */
export function TaskDialog({
  task,
  onClose,
  onStale,
}: {
  task?: Task;
  onClose: () => void;
  onStale?: () => Promise<unknown>;
}) {
  const { t } = useTasksI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const refresh = useTasksRefresh();
  const unitOptions = useUnitOptions();
  const conveners = [
    ...new Set(user.roles.filter((r) => r.role === 'secretariat').map((r) => r.unitId)),
  ];
  const [form] = Form.useForm<Values>();
  const deadlineKind = Form.useWatch('deadlineKind', form);
  const sourceKind = Form.useWatch('sourceKind', form);
  const initialValues: Partial<Values> = task
    ? {
        title: task.title,
        details: task.details,
        leadUnitId: task.leadUnit.unitId,
        coordinatingUnitIds: task.coordinatingUnits.map((u) => u.unitId),
        expectedResult: task.expectedResult,
        sourceDocument: task.source.document ?? undefined,
      }
    : {
        unitId: conveners[0],
        deadlineKind: 'date',
        sourceKind: 'document',
        coordinatingUnitIds: [],
      };
  return (
    <FormDialog<Values, { id: number }>
      form={form}
      name="task"
      title={task ? t('dialog.edit') : t('dialog.new')}
      width={640}
      initialValues={initialValues}
      onClose={onClose}
      onStale={onStale}
      submit={(v): Promise<{ id: number }> =>
        task
          ? updateTask(task.id, {
              version: task.version,
              title: v.title,
              details: v.details ?? '',
              leadUnitId: v.leadUnitId,
              coordinatingUnitIds: v.coordinatingUnitIds ?? [],
              expectedResult: v.expectedResult ?? '',
              ...(task.source.kind === 'document' && { sourceDocument: v.sourceDocument ?? '' }),
            })
          : v.sourceKind === 'directive'
            ? issueFromMeeting(v.meetingId ?? 0, [
                {
                  directiveId: v.directiveId ?? 0,
                  title: v.title,
                  ...(v.details && { details: v.details }),
                  ...(v.leadUnitId && { leadUnitId: v.leadUnitId }),
                  coordinatingUnitIds: v.coordinatingUnitIds ?? [],
                  ...deadlineOf(v),
                  ...(v.expectedResult && { expectedResult: v.expectedResult }),
                },
              ]).then((made) => made.items[0]!)
            : createTask({
                unitId: v.unitId!,
                title: v.title,
                details: v.details ?? '',
                leadUnitId: v.leadUnitId!,
                coordinatingUnitIds: v.coordinatingUnitIds ?? [],
                ...deadlineOf(v),
                expectedResult: v.expectedResult ?? '',
                sourceKind: v.sourceKind ?? 'other',
                ...(v.sourceKind === 'document' && { sourceDocument: v.sourceDocument ?? '' }),
              })
      }
      onSaved={(saved) => {
        void refresh();
        onClose();
        if (!task) void navigate(`/tasks/${saved.id}`);
      }}
    >
      {!task && conveners.length > 1 && (
        <Form.Item name="unitId" label={t('dialog.convener')} rules={[{ required: true }]}>
          <Select options={unitOptions.filter((o) => conveners.includes(o.value))} />
        </Form.Item>
      )}
      {!task && (
        <Form.Item name="sourceKind" label={t('dialog.sourceKind')}>
          <Radio.Group
            options={(['directive', 'document', 'other'] as const).map((k) => ({
              value: k,
              label: t(`dialog.sourceKind.${k}`),
            }))}
          />
        </Form.Item>
      )}
      {!task && sourceKind === 'directive' && (
        <DirectivePicker
          onPick={(d) =>
            form.setFieldsValue({
              title: d.text,
              leadUnitId: d.leadUnitId ?? undefined,
              coordinatingUnitIds: d.coordinatingUnitIds,
              deadlineKind: 'date',
              deadline: d.deadline ? dayjs(d.deadline) : undefined,
            })
          }
        />
      )}
      <Form.Item name="title" label={t('dialog.title')} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="details" label={t('dialog.details')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('dialog.lead')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
      <Form.Item name="coordinatingUnitIds" label={t('dialog.coordinating')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
      {!task && (
        <>
          <Form.Item name="deadlineKind" label={t('dialog.deadlineKind')}>
            <Radio.Group
              options={(['date', 'end_of_quarter', 'end_of_year'] as const).map((k) => ({
                value: k,
                label: t(`dialog.deadlineKind.${k}`),
              }))}
            />
          </Form.Item>
          {deadlineKind === 'date' && (
            <Form.Item name="deadline" label={t('dialog.deadline')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="expectedResult" label={t('dialog.expectedResult')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} />
      </Form.Item>
      {(task ? task.source.kind === 'document' : sourceKind === 'document') && (
        <Form.Item
          name="sourceDocument"
          label={t('dialog.sourceDocument')}
          rules={[{ required: true }]}
        >
          <Input placeholder={t('dialog.sourceDocument.placeholder')} maxLength={500} />
        </Form.Item>
      )}
    </FormDialog>
  );
}

/** A concluded meeting and one of its directives not yet made into a task. */
function DirectivePicker({ onPick }: { onPick: (d: MeetingDirective) => void }) {
  const { t } = useTasksI18n();
  const meetings = useMeetings({ state: 'concluded' });
  const meetingId = Form.useWatch<number | undefined>('meetingId');
  return (
    <>
      <Form.Item name="meetingId" label={t('dialog.meeting')} rules={[{ required: true }]}>
        <Select
          options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
          loading={meetings.isFetching}
        />
      </Form.Item>
      {meetingId !== undefined && <DirectiveSelect meetingId={meetingId} onPick={onPick} />}
    </>
  );
}

function DirectiveSelect({
  meetingId,
  onPick,
}: {
  meetingId: number;
  onPick: (d: MeetingDirective) => void;
}) {
  const { t } = useTasksI18n();
  const directives = useMeetingDirectives(meetingId);
  const open = (directives.data?.items ?? []).filter((d) => d.taskId === null);
  return (
    <Form.Item
      name="directiveId"
      label={t('dialog.directive')}
      rules={[{ required: true }]}
      extra={directives.data && open.length === 0 ? t('dialog.directive.none') : undefined}
    >
      <Select
        options={open.map((d) => ({
          value: d.directiveId,
          label: `${t('meeting.directive', { n: d.position })}: ${d.text}`,
        }))}
        onChange={(id: number) => {
          const d = open.find((x) => x.directiveId === id);
          if (d) onPick(d);
        }}
      />
    </Form.Item>
  );
}
