import { labelsFrom, type AuditDetailLabels } from '../types';
import { tasksDictionaries } from './i18n';
import { TASK_STATE_LIST } from './shared';

/** The audit log's words for the tasks' details: what the task pages call them. */
export const auditDetailLabels: AuditDetailLabels = {
  field: labelsFrom(tasksDictionaries, {
    'task.title': 'dialog.title',
    'task.state': 'common.state',
    'task.deadline': 'task.deadline',
    'task.leadUnitId': 'task.lead',
    'task.coordinatingUnitIds': 'task.coordinating',
    'task.source': 'task.source',
    'task_update.percent': 'updates.add.percent',
    'task_update.reportsDone': 'updates.reportsDone',
    'task_settings.headApproval': 'settings.headApproval',
  }),
  value: labelsFrom(
    tasksDictionaries,
    Object.fromEntries(TASK_STATE_LIST.map((s) => [`task.state.${s}`, `state.${s}` as const])),
  ),
};
