import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, toQueryString } from '../../api';
import { putJson, uploadFile } from '../reports/api';
import type * as s from '../../../../src/tasks/tasks.schema.ts';
import type * as u from '../../../../src/tasks/updates.schema.ts';

/*
 * Types of the task API, from the server's schemas (type-only: nothing of the server is
 * bundled; `npm run typecheck` fails when they no longer fit what this feature does).
 */

export type { TaskState, TaskPermission } from '../../../../src/tasks/tasks.states.ts';
export type Task = s.Task;
export type TaskSummary = s.TaskSummary;
export type TaskList = s.TaskList;
export type TaskQuery = Partial<s.TaskQuery>;
export type TaskHistoryEntry = s.Task['history'][number];
export type CreateTaskBody = s.CreateTaskBody;
export type UpdateTaskBody = s.UpdateTaskBody;
export type DirectiveTaskInput = s.DirectiveTaskInput;
export type MeetingDirectiveList = s.MeetingDirectiveList;
export type MeetingDirective = s.MeetingDirectiveList['items'][number];
export type TaskUpdate = u.TaskUpdate;
export type TaskUpdateList = u.TaskUpdateList;
export type TaskSettings = u.TaskSettings;

export const tasksKey = ['tasks'] as const;

/** The query string of a task list, the same for the list and its Excel file. */
export function taskQueryString(q: TaskQuery): string {
  const { state, overdue, dueSoon, ...rest } = q;
  const base = toQueryString({
    ...rest,
    overdue: overdue ? 'true' : undefined,
    dueSoon: dueSoon ? 'true' : undefined,
  });
  const states = (state ?? []).map((x) => `state=${encodeURIComponent(x)}`).join('&');
  if (!states) return base;
  return base ? `${base}&${states}` : `?${states}`;
}

export function useTasks(q: TaskQuery) {
  return useQuery({
    queryKey: [...tasksKey, 'list', q],
    queryFn: () => api.get<TaskList>(`/tasks${taskQueryString(q)}`),
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: [...tasksKey, 'task', id],
    queryFn: () => api.get<Task>(`/tasks/${id}`),
  });
}

export function useTaskUpdates(id: number) {
  return useQuery({
    queryKey: [...tasksKey, 'updates', id],
    queryFn: () => api.get<TaskUpdateList>(`/tasks/${id}/updates`),
  });
}

export function useMeetingDirectives(meetingId: number) {
  return useQuery({
    queryKey: [...tasksKey, 'directives', meetingId],
    queryFn: () => api.get<MeetingDirectiveList>(`/tasks/from-meeting/${meetingId}`),
    retry: false,
  });
}

export function useTaskSettings(unitId: number | undefined) {
  return useQuery({
    queryKey: [...tasksKey, 'settings', unitId],
    queryFn: () => api.get<TaskSettings>(`/tasks/settings/${unitId!}`),
    enabled: unitId !== undefined,
  });
}

/** Reloads everything of the task feature (lists, pages, directives). */
export function useTasksRefresh() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: tasksKey }), [queryClient]);
}

export const createTask = (body: CreateTaskBody) => api.post<Task>('/tasks', body);
export const updateTask = (id: number, body: UpdateTaskBody) => putJson<Task>(`/tasks/${id}`, body);
export const transitionTask = (id: number, body: s.TaskTransitionBody) =>
  api.post<Task>(`/tasks/${id}/transitions`, body);
export const changeDeadline = (id: number, body: s.ChangeDeadlineBody) =>
  api.post<Task>(`/tasks/${id}/deadline`, body);
export const issueFromMeeting = (meetingId: number, directives: DirectiveTaskInput[]) =>
  api.post<TaskList>(`/tasks/from-meeting/${meetingId}`, { directives });
export const addUpdate = (taskId: number, body: u.AddUpdateBody) =>
  api.post<TaskUpdate>(`/tasks/${taskId}/updates`, body);
export const decideUpdate = (updateId: number, body: u.UpdateApprovalBody) =>
  api.post<TaskUpdate>(`/tasks/updates/${updateId}/approval`, body);
export const attachToUpdate = (updateId: number, file: File) =>
  uploadFile(`/tasks/updates/${updateId}/attachments`, file);
export const saveTaskSettings = (unitId: number, body: u.TaskSettingsBody) =>
  putJson<TaskSettings>(`/tasks/settings/${unitId}`, body);
