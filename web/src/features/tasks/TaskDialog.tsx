import { useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { FormDialog } from '../../components/FormDialog';
import { createTask, updateTask, useTasksRefresh, type Task } from './api';
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
  sourceKind?: 'document' | 'other';
  sourceDocument?: string;
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
    <FormDialog<Values, Task>
      form={form}
      name="task"
      title={task ? t('dialog.edit') : t('dialog.new')}
      width={640}
      initialValues={initialValues}
      onClose={onClose}
      onStale={onStale}
      submit={(v) =>
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
          : createTask({
              unitId: v.unitId!,
              title: v.title,
              details: v.details ?? '',
              leadUnitId: v.leadUnitId!,
              coordinatingUnitIds: v.coordinatingUnitIds ?? [],
              ...(v.deadlineKind === 'date' || !v.deadlineKind
                ? v.deadline && { deadline: v.deadline.format('YYYY-MM-DD') }
                : { deadlineChoice: v.deadlineKind }),
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
      {!task && (
        <Form.Item
          name="sourceKind"
          label={t('dialog.sourceKind')}
          extra={t('dialog.sourceKind.directive')}
        >
          <Radio.Group
            options={(['document', 'other'] as const).map((k) => ({
              value: k,
              label: t(`dialog.sourceKind.${k}`),
            }))}
          />
        </Form.Item>
      )}
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
